// Importing a spreadsheet from the browser, for admins: upload the CSV (streamed to the upload
// folder, refused above the limit), see the detected encoding and delimiter, the first rows and
// what each column is read as — change it, or leave a column out — with a dry run's every
// problem as `line: column: what is wrong` in a table and the duplicates counted; then import
// all or nothing, or only the valid rows. The engine is `kontakt import`'s, the file a random
// name in the server's folder: the user's own file name only ever appears in messages.

import Foundation
import Hummingbird
import Workspace

extension Site {
    var uploads: Uploads { Uploads(folder: configuration.uploadFolder, limit: configuration.uploadLimit) }

    func addImports(to pages: RouterGroup<WebContext>) {
        pages.get("import") { _, context -> Response in
            try Policy.check(.importRecords, try context.principal)
            return try await page("import", title: renderer.text["import.title"], values: ["limitMiB": String(configuration.uploadLimit / (1024 * 1024))],
                                  context: context, nav: "Import")
        }
        pages.post("import") { request, context -> Response in
            // Checked before a byte is read: nobody else fills the server's disk.
            try Policy.check(.importRecords, try context.principal)
            guard let session = context.sessionToken else { throw HTTPError(.forbidden, message: "this form needs a session; log in again") }
            let upload: UploadedFile
            do {
                upload = try await uploads.receive(request, fileField: "file")
            } catch let error as UploadError {
                let status: HTTPResponse.Status = if case .tooLarge = error { .contentTooLarge } else { .badRequest }
                return try await page("import", title: renderer.text["import.title"], values: ["error": error.description,
                                      "limitMiB": String(configuration.uploadLimit / (1024 * 1024))], context: context, nav: "Import", status: status)
            }
            do {
                try await forms.check(upload.fields["_csrf"], cookie: session)
            } catch {
                uploads.remove(upload.id)
                throw error
            }
            let target = ImportKind(rawValue: upload.fields["target"] ?? "") ?? .firms
            return .redirect(to: "/import/\(upload.id)?target=\(target.rawValue)", type: .normal)
        }
        pages.get("import/:upload") { request, context -> Response in
            try Policy.check(.importRecords, try context.principal)
            let id = try Site.parameter(context, "upload")
            return try await checkPage(id, FormFields(query: request), context: context)
        }
        pages.post("import/:upload") { request, context -> Response in
            let principal = try context.principal
            let id = try Site.parameter(context, "upload")
            let form = try await forms.checkedForm(request, context: context)
            guard let path = uploads.path(of: id) else { throw HTTPError(.notFound) }
            let (importRequest, _) = try await importRequest(path: path, form)
            var chosen = importRequest
            chosen.skipInvalid = form["mode"] == "valid"
            do {
                let report = try await run { [chosen] in try $0.imports.run(chosen, by: principal) }
                uploads.remove(id)
                return try await page("importDone", title: renderer.text["import.title"], values: doneValues(report, name: uploads.originalName(of: id)),
                                      context: context, nav: "Import")
            } catch {
                let failure = Failure(error)
                guard failure.kind == .invalid else { throw error }
                return try await checkPage(id, form, context: context, error: failure.message.replacingOccurrences(of: path, with: uploads.originalName(of: id)))
            }
        }
    }

    /// The request a page's fields describe: the target, each column's mapping (`colN`: a
    /// field, "-" to leave it out, "" to read it as its header says), the duplicate policy.
    private func importRequest(path: String, _ fields: FormFields) async throws -> (ImportRequest, ImportFileView) {
        let target = ImportKind(rawValue: fields["target"] ?? "") ?? .firms
        let inspection = try await run { try $0.imports.inspect(path: path, target: target) }
        var mappings: [String: String] = [:]
        for (index, column) in inspection.header.enumerated() {
            if let chosen = fields.text("col\(index)") { mappings[column] = chosen }
        }
        let duplicates = DuplicateHandling(rawValue: fields["duplicates"] ?? "skip") ?? .skip
        return (ImportRequest(path: path, target: target, mappings: mappings, onDuplicate: duplicates), inspection)
    }

    private func checkPage(_ id: String, _ fields: FormFields, context: WebContext, error: String? = nil) async throws -> Response {
        guard let path = uploads.path(of: id) else { throw HTTPError(.notFound) }
        let name = uploads.originalName(of: id)
        var values: [String: Any] = ["id": id, "fileName": name, "error": error ?? Blank()]
        do {
            let (request, inspection) = try await importRequest(path: path, fields)
            values["target"] = request.target.rawValue
            values["targetLabel"] = renderer.text["import.target.\(request.target.rawValue)"]
            values["encoding"] = inspection.encoding.rawValue
            values["delimiter"] = inspection.delimiter
            values["rows"] = String(inspection.rows)
            values["columns"] = inspection.header.enumerated().map { index, column -> [String: Any] in
                let chosen = fields["col\(index)"] ?? ""
                let suggested = inspection.suggestions[index]
                return ["index": String(index), "column": column, "suggested": suggested ?? renderer.text["import.unknownColumn"],
                        "isAuto": chosen.isEmpty, "isIgnored": chosen == "-",
                        "choices": inspection.choices.map { ["name": $0, "selected": $0 == chosen] as [String: Any] }]
            }
            values["sampleHead"] = inspection.header
            values["sample"] = inspection.sample.map { ["cells": $0] }
            values["duplicateChoices"] = ["skip", "update"].map { ["value": $0, "label": renderer.text["import.duplicates.\($0)"],
                                                                   "selected": $0 == request.onDuplicate.rawValue] as [String: Any] }
            do {
                let report = try await run { [request] in try $0.imports.check(request) }
                values["checked"] = true
                values["valid"] = String(report.imported)
                values["invalidRows"] = String(report.skippedRows)
                values["duplicates"] = String(report.duplicatesSkipped + report.duplicatesUpdated)
                values["problems"] = report.skipped.map { Self.problem($0, path: path) }
                values["hasProblems"] = !report.skipped.isEmpty
                values["canImportAll"] = report.skipped.isEmpty && report.imported > 0
                values["canImportValid"] = report.imported > 0
            } catch {
                let failure = Failure(error)
                guard failure.kind == .invalid else { throw error }
                // The mapping cannot work (an unknown column, a missing required one): each problem in the table.
                values["problems"] = failure.message.replacingOccurrences(of: path, with: name).split(separator: "\n").map { Self.problem(String($0), path: name) }
                values["hasProblems"] = true
                values["mappingError"] = true
            }
        } catch {
            let failure = Failure(error)
            guard failure.kind == .invalid else { throw error }
            values["error"] = failure.message.replacingOccurrences(of: path, with: name)
        }
        return try await page("importCheck", title: renderer.text["import.title"], values: values, context: context, nav: "Import",
                              status: values["error"] is String ? .unprocessableContent : .ok)
    }

    /// "FILE:12: email: not an address" as the table's line, column and message.
    static func problem(_ text: String, path: String) -> [String: Any] {
        var rest = Substring(text)
        if rest.hasPrefix(path + ":") { rest = rest.dropFirst(path.count + 1) }
        let parts = rest.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 3, Int(parts[0]) != nil else { return ["line": "", "column": "", "message": String(rest)] }
        return ["line": parts[0], "column": parts[1], "message": parts[2]]
    }

    private func doneValues(_ report: ImportOutcome, name: String) -> [String: Any] {
        var values: [String: Any] = ["fileName": name, "imported": String(report.imported), "rows": String(report.rows)]
        values["target"] = renderer.text["import.target.\(report.target.rawValue)"]
        values["skippedRows"] = String(report.skippedRows)
        values["duplicatesSkipped"] = String(report.duplicatesSkipped)
        values["duplicatesUpdated"] = String(report.duplicatesUpdated)
        values["tasks"] = String(report.tasksCreated)
        let problems: [[String: Any]] = report.skipped.map { Self.problem($0, path: report.file) }
        values["problems"] = problems
        values["hasProblems"] = !problems.isEmpty
        return values
    }
}
