// The templates campaigns and one-off e-mails are made from: the shipped ones (read only) and
// the office's own, kept as files in a folder of the server's, each with its owner beside it.
// A template is checked against the merge fields in force before it is saved, its error given
// as `file:line:column`; anyone signed in may add one, only its owner or an admin replace or
// remove it.

import CRM
import Foundation
import Merge
import Store

public struct TemplateFile: Sendable, Equatable {
    public let name: String
    public let path: String
    /// Who saved it; nil for a shipped template.
    public let owner: String?
    public var isOwn: Bool { owner != nil }
}

extension Workspace {
    /// - Parameters:
    ///   - shipped: folders of templates that are only read (the installed ones).
    ///   - own: the folder the office's own templates are saved in.
    public func templates(shipped: [String], own: String) -> TemplateLibrary {
        TemplateLibrary(workspace: self, shipped: shipped, own: own)
    }

    public struct TemplateLibrary: Sendable {
        let workspace: Workspace
        let shipped: [String]
        let own: String

        /// The office's own first, then the shipped ones; a name appears once (own wins).
        public func list() -> [TemplateFile] {
            var seen = Set<String>()
            var found: [TemplateFile] = []
            for (folder, isOwn) in [(own, true)] + shipped.map({ ($0, false) }) {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                for file in names.sorted() where file.hasSuffix(".md") && file != "README.md" {
                    let name = String(file.dropLast(3))
                    guard seen.insert(name).inserted else { continue }
                    let path = folder + "/" + file
                    found.append(TemplateFile(name: name, path: path, owner: isOwn ? owner(of: name) ?? "" : nil))
                }
            }
            return found
        }

        public func template(named name: String) throws -> TemplateFile {
            guard let found = list().first(where: { $0.name == name }) else { throw WorkspaceError.notFound("there is no template \"\(name)\"") }
            return found
        }

        public func source(of name: String) throws -> String {
            let file = try template(named: name)
            do { return try String(contentsOfFile: file.path, encoding: .utf8) } catch {
                throw WorkspaceError.notFound("the template \"\(name)\" cannot be read: \(error.localizedDescription)")
            }
        }

        /// Checks a template's text against the merge fields and attributes in force.
        public func check(name: String, source: String) throws {
            let attributes = try workspace.database.read { db in try workspace.catalogCache.catalog(db).schema.definitions }
            _ = try Template(path: name + ".md", source: source, schema: MergeSchema(attributes: attributes))
        }

        /// Saves the office's own template `name` (new, or replacing its owner's or — for an
        /// admin — anyone's), after the check.
        public func save(name: String, source: String, by principal: Principal) throws -> TemplateFile {
            try Self.validate(name)
            guard source.utf8.count <= 256 * 1024 else { throw WorkspaceError.invalid(field: "text", "a template holds at most 256 KiB") }
            let existing = FileManager.default.fileExists(atPath: path(name)) ? (owner(of: name) ?? "") : nil
            try Policy.check(.editTemplate(owner: existing), principal)
            try check(name: name, source: source)
            do {
                try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: true)
                // Written beside and moved into place: a campaign created meanwhile reads the old text or the new, never half.
                let staged = own + "/." + name + ".md.part"
                try Data(source.utf8).write(to: URL(fileURLWithPath: staged))
                if FileManager.default.fileExists(atPath: path(name)) { try FileManager.default.removeItem(atPath: path(name)) }
                try FileManager.default.moveItem(atPath: staged, toPath: path(name))
                if existing == nil { try Data(principal.auditName.utf8).write(to: URL(fileURLWithPath: ownerPath(name))) }
            } catch {
                throw WorkspaceError.conflict("the template could not be saved in \(own): \(error.localizedDescription)")
            }
            try workspace.database.write { db in
                try AuditLog.append([AuditTrail.entry(existing == nil ? "add" : "save", entity: "template", id: nil, actor: principal.auditName,
                                                      field: name, value: String(source.prefix(200)))], db: db)
            }
            return TemplateFile(name: name, path: path(name), owner: owner(of: name) ?? "")
        }

        public func remove(name: String, by principal: Principal) throws {
            try Self.validate(name)
            guard FileManager.default.fileExists(atPath: path(name)) else { throw WorkspaceError.notFound("there is no template \"\(name)\" of the office's own") }
            try Policy.check(.editTemplate(owner: owner(of: name) ?? ""), principal)
            try? FileManager.default.removeItem(atPath: path(name))
            try? FileManager.default.removeItem(atPath: ownerPath(name))
            try workspace.database.write { db in
                try AuditLog.append([AuditTrail.entry("remove", entity: "template", id: nil, actor: principal.auditName, field: name)], db: db)
            }
        }

        /// A name that is a plain file name everywhere: letters, digits, - and _, up to 60.
        static func validate(_ name: String) throws {
            guard let first = name.first, first.isLetter, name.count <= 60,
                  name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw WorkspaceError.invalid(field: "name", "\"\(name)\" cannot name a template: use a letter followed by letters, digits, - or _ (at most 60)")
            }
        }

        private func path(_ name: String) -> String { own + "/" + name + ".md" }
        private func ownerPath(_ name: String) -> String { own + "/." + name + ".owner" }

        /// The audit name of who first saved it ("web:jan", "cli").
        private func owner(of name: String) -> String? {
            (try? String(contentsOfFile: ownerPath(name), encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
