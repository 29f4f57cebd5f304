// The admin's part of the workspace: referents, code lists and their values, attribute
// definitions and settings, for the admin pages and `kontakt referent|codelist|attr|config`
// alike: the same checks, each change in one transaction with its audit entry.

import CRM
import Foundation
import Campaigns
import GRDB
import Mail
import Store

/// A code list with its values, for the admin page.
public struct CodeListEntry: Sendable {
    public let name: String
    public let label: String
    public let values: [CodeValue]
}

extension Workspace {
    public var catalog: Catalog { Catalog(workspace: self) }

    public struct Catalog: Sendable {
        let workspace: Workspace

        public func referents() throws -> [Referent] {
            try workspace.database.read { db in try Referents.all(db: db) }
        }

        public func addReferent(code: String, name: String, email: String?, by principal: Principal) throws {
            try Policy.check(.administer, principal)
            let referent = Referent(code: code, name: name, email: try email.flatMap { $0.trimmingSpaces.isEmpty ? nil : try EmailAddress($0) })
            try administer(principal, action: "add", entity: "referent", field: "code", value: code) { db in try Referents.add(referent, db: db) }
        }

        /// A new name or e-mail (`.some(nil)` removes the e-mail); the code stays.
        public func editReferent(code: String, name: String?, email: EmailAddress??, by principal: Principal) throws {
            try administer(principal, action: "edit", entity: "referent", field: "code", value: code) { db in
                try Referents.edit(code: code, name: name, email: email, db: db)
            }
        }

        /// Deactivates a referent who left, first giving their open tasks to `reassignTo`;
        /// answers how many moved and how many are still theirs.
        public func deactivateReferent(code: String, reassignTo: String?, by principal: Principal) throws -> (moved: Int, left: Int) {
            var counts = (moved: 0, left: 0)
            try administer(principal, action: "deactivate", entity: "referent", field: "code", value: code) { db in
                counts.moved = try reassignTo.map { try Referents.reassignOpenTasks(from: code, to: $0, db: db) } ?? 0
                try Referents.setActive(false, code: code, db: db)
                counts.left = try Referents.openTaskCount(code: code, db: db)
            }
            return counts
        }

        public func setReferentActive(_ active: Bool, code: String, by principal: Principal) throws {
            try administer(principal, action: active ? "activate" : "deactivate", entity: "referent", field: "code", value: code) { db in
                try Referents.setActive(active, code: code, db: db)
            }
        }

        public func codeLists() throws -> [CodeListEntry] {
            try workspace.database.read { db in
                let book = try CodeLists.codeBook(db: db)
                let labels = try CodeLists.labels(db: db)
                return book.lists.keys.sorted(byCzech: { labels[$0].flatMap { $0.isEmpty ? nil : $0 } ?? $0 }).map { name in
                    CodeListEntry(name: name, label: labels[name] ?? "", values: book.values(of: name))
                }
            }
        }

        public func addCodeList(name: String, label: String, by principal: Principal) throws {
            try administer(principal, action: "add", entity: "code_list", field: "name", value: name) { db in
                try CodeLists.addList(name: name, label: label, db: db)
            }
        }

        public func addCodeValue(list: String, code: String, label: String, outcome: String?, by principal: Principal) throws {
            try addCodeValue(CodeValue(list: list, code: code, label: label, outcome: try outcome.flatMap { $0.isEmpty ? nil : try Outcome(parsing: $0) }), by: principal)
        }

        public func addCodeValue(_ value: CodeValue, by principal: Principal) throws {
            let (list, code, label, outcome) = (value.list, value.code, value.label, value.outcome)
            try administer(principal, action: "add", entity: "code_value", field: list, value: code) { db in
                try CodeLists.addValue(CodeValue(list: list, code: code, label: label, outcome: outcome), db: db)
            }
        }

        /// A new label or outcome class (`.some(nil)` removes it); nil leaves each as it is.
        public func editCodeValue(list: String, code: String, label: String?, outcome: Outcome?? = nil, by principal: Principal) throws {
            let change = [label, outcome.map { $0?.rawValue ?? "none" }].compactMap { $0 }.joined(separator: ", ")
            try administer(principal, action: "edit", entity: "code_value", field: list + "." + code, value: change) { db in
                try CodeLists.editValue(list: list, code: code, label: label, outcome: outcome, db: db)
            }
        }

        public func setCodeValueRetired(_ retired: Bool, list: String, code: String, by principal: Principal) throws {
            try administer(principal, action: retired ? "retire" : "unretire", entity: "code_value", field: list, value: code) { db in
                try CodeLists.setRetired(retired, list: list, code: code, db: db)
            }
        }

        public func attributes() throws -> [AttributeDefinition] {
            try workspace.database.read { db in try AttributeDefinitions.all(db: db) }
        }

        public func defineAttribute(name: String, on entity: EntityKind, type: AttributeType, codeList: String?, label: String,
                                    by principal: Principal) throws {
            try administer(principal, action: "add", entity: "attribute", field: entity.rawValue, value: name) { db in
                _ = try AttributeDefinitions.define(AttributeDefinition(name: name, entity: entity, type: type, codeList: codeList, label: label), db: db)
            }
        }

        /// A new label, or a code list (`.some(nil)` frees the values); nil leaves each as it is.
        public func editAttribute(name: String, on entity: EntityKind, label: String?, codeList: String?? = nil, by principal: Principal) throws {
            let change = [label, codeList.map { $0 ?? "no code list" }].compactMap { $0 }.joined(separator: ", ")
            try administer(principal, action: "edit", entity: "attribute", field: entity.rawValue + "." + name, value: change) { db in
                try AttributeDefinitions.edit(name: name, entity: entity, label: label, codeList: codeList, db: db)
            }
        }

        public func setting(_ key: String) throws -> String? {
            try Self.checkSetting(key, nil)
            return try workspace.database.read { db in try Settings.get(key, db: db) }
        }

        /// The settings remembered, with their values.
        public func storedSettings() throws -> [(key: String, value: String)] {
            try workspace.database.read { db in try Settings.all(db: db) }
        }

        /// The settings Kontakt knows, with their values (nil when not set) and meanings.
        public func settings() throws -> [(key: String, value: String?, meaning: String)] {
            let stored = try workspace.database.read { db in try Settings.all(db: db) }
            return Settings.known.keys.sorted().map { key in (key, stored.first { $0.key == key }?.value, Settings.known[key] ?? "") }
        }

        /// Remembers a setting after checking it, so a later send does not fail on a remembered
        /// mistake; an empty value forgets it. Never a password.
        public func setSetting(_ key: String, _ value: String?, by principal: Principal) throws {
            try Policy.check(.administer, principal)
            try Self.checkSetting(key, value)
            var value = value.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 }
            // The key file is named as the command was given it, but used from any folder.
            if key == OutgoingMail.keyFileKey, let path = value, !path.hasPrefix("/") {
                value = FileManager.default.currentDirectoryPath + "/" + path
            }
            try administer(principal, action: value == nil ? "unset" : "set", entity: "setting", field: key, value: value) { db in
                try Settings.set(key, value, db: db)
            }
        }

        public static func checkSetting(_ key: String, _ value: String?) throws {
            guard Settings.known[key] != nil else {
                throw WorkspaceError.invalid(field: "key", "unknown setting \"\(key)\"; known: \(Settings.known.keys.sorted().joined(separator: ", "))")
            }
            guard let value, !value.trimmingSpaces.isEmpty else { return }
            switch key {
            case "smtp.url": _ = try SMTPSettings(url: value)
            case "smtp.starttls":
                guard StartTLS(rawValue: value) != nil else { throw WorkspaceError.invalid(field: key, "smtp.starttls is required, opportunistic or off") }
            case "smtp.rate": _ = try SendRate(parsing: value)
            case "smtp.daily-cap", "smtp.concurrency":
                guard let number = Int(value), number > 0 else { throw WorkspaceError.invalid(field: key, "\(key) takes a positive number, not \"\(value)\"") }
            case "mail.from": _ = try MailAddress(parsing: value)
            case UnsubscribeLink.settingKey:
                do { _ = try UnsubscribeLink(base: value) } catch { throw WorkspaceError.invalid(field: key, error.description) }
            case ReturnPath.settingKey:
                do { _ = try ReturnPath.parse(value) } catch { throw WorkspaceError.invalid(field: key, "\(error)") }
            case OutgoingMail.domainKey, OutgoingMail.selectorKey:
                // Checked as the signer will use them, with a throwaway key.
                let probe = try DKIMKey.generate(.ed25519)
                do {
                    _ = key == OutgoingMail.domainKey ? try DKIMSigner(domain: value, selector: "s", key: probe) : try DKIMSigner(domain: "example.cz", selector: value, key: probe)
                } catch { throw WorkspaceError.invalid(field: key, "\(error)") }
            case OutgoingMail.keyFileKey:
                do { _ = try DKIMKey(file: value) } catch { throw WorkspaceError.invalid(field: key, "\(error)") }
            default: break
            }
        }

        private func administer(_ principal: Principal, action: String, entity: String, field: String?, value: String?,
                                _ change: (GRDB.Database) throws -> Void) throws {
            try Policy.check(.administer, principal)
            try workspace.database.write { db in
                try change(db)
                try AuditLog.append([AuditTrail.entry(action, entity: entity, id: nil, actor: principal.auditName, field: field, value: value)], db: db)
            }
        }
    }
}
