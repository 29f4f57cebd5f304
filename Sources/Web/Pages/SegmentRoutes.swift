// The segment editor: an expression coloured as it is typed, its error at its position with
// the checker's sentence, the live count and the first 50 matches, completion of field names
// and code-list values, and the compiled SQL for admins; saving, renaming and removing are for
// admins. Without the script the same page checks on submit (GET), so every state is a link.

import CRM
import Foundation
import Hummingbird
import NIOCore
import Store
import Workspace

extension Site {
    func addSegments(to pages: RouterGroup<WebContext>) {
        pages.get("segments") { _, context -> Response in
            let saved = try await run { try $0.segments.saved() }
            let rows = saved.map { segment -> [String: Any] in
                ["name": segment.name, "href": "/segments/edit?" + Query.string([("name", segment.name)]), "expression": segment.expression,
                 "target": renderer.text["segment.target." + segment.target.rawValue]]
            }
            return try await page("segments", title: renderer.text["segments.title"], values: ["segments": rows], context: context, nav: "Segments")
        }
        pages.get("segments/edit") { request, context -> Response in
            let query = FormFields(query: request)
            return try await editorPage(query: query, context: context)
        }
        pages.get("segments/check") { request, context -> Response in
            let query = FormFields(query: request)
            let expression = String((query["expression"] ?? "").prefix(20_000))
            let target: EntityKind = query["target"] == "firm" ? .firm : .person
            let admin = try context.principal.isAdmin
            let flag = CancellationFlag()
            // A newer keystroke aborts this request in the browser; the count stops with it.
            let check = try await withTaskCancellationHandler {
                try await run { try $0.segments.check(expression, target: target, withSQL: admin, cancellation: flag) }
            } onCancel: { flag.cancel() }
            return checkJSON(check).response()
        }
        pages.get("segments/vocabulary") { request, _ -> Response in
            let target: EntityKind = FormFields(query: request)["target"] == "firm" ? .firm : .person
            let vocabulary = try await run { try $0.segments.vocabulary(for: target) }
            return JSONValue.object([
                ("fields", .array(vocabulary.fields.map { .object([("name", .string($0.name)), ("holds", .string($0.holds)), ("list", .string($0.codeList))]) })),
                ("keywords", .array(vocabulary.keywords.map(JSONValue.string))),
                ("values", .object(vocabulary.values.sorted { $0.key < $1.key }.map { list, values in
                    (list, .array(values.map { .object([("code", .string($0.code)), ("label", .string($0.label))]) }))
                })),
            ]).response()
        }
        pages.post("segments") { request, context -> Response in
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            let name = form.text("name") ?? ""
            let expression = form["expression"] ?? ""
            let target: EntityKind = form["target"] == "firm" ? .firm : .person
            let original = form.text("original")
            do {
                guard !name.isEmpty else { throw WorkspaceError.invalid(field: "name", renderer.text["segment.nameNeeded"]) }
                _ = try await run { try $0.segments.save(name: name, expression: expression, target: target, original: original, by: principal) }
                return .redirect(to: "/segments/edit?" + Query.string([("name", name), ("saved", "1")]), type: .normal)
            } catch {
                let failure = Failure(error)
                guard failure.kind != .forbidden else { throw error }
                var fields = form
                fields.set("expression", expression)
                return try await editorPage(query: fields, context: context, error: failure.message, status: Site.status(of: failure.kind))
            }
        }
        pages.post("segments/:name/remove") { request, context -> Response in
            let name = try Site.parameter(context, "name")
            _ = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            try await run { try $0.segments.remove(name: name, by: principal) }
            return .redirect(to: "/segments", type: .normal)
        }
    }

    private func editorPage(query: FormFields, context: WebContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = try context.principal
        let savedName = query.text("original") ?? query.text("name")
        var expression = query["expression"]
        var target: EntityKind = query["target"] == "firm" ? .firm : .person
        var original: String?
        if expression == nil, let savedName {
            let saved = try await run { try $0.segments.saved().first { $0.name.caseInsensitiveCompare(savedName) == .orderedSame } }
            guard let saved else { throw HTTPError(.notFound) }
            (expression, target, original) = (saved.expression, saved.target, saved.name)
        } else {
            original = query.text("original")
        }
        let text = expression ?? ""
        let admin = principal.isAdmin
        let chosen = target
        let check = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil
            : try await run { try $0.segments.check(text, target: chosen, withSQL: admin) }
        var values: [String: Any] = [
            "expression": text, "name": query.text("name") ?? original ?? "", "original": original ?? Blank(),
            "originalPath": original.map(Query.escape) ?? "",
            "isFirm": target == .firm, "isPerson": target == .person, "canSave": admin, "saved": query["saved"] == "1",
            "error": error ?? Blank(), "highlightHTML": RenderedHTML(html: Self.highlight(text, check)),
        ]
        if let check {
            values["checkError"] = check.failure?.message ?? Blank()
            values["sql"] = check.sql ?? Blank()
            if let preview = check.preview {
                values["countText"] = renderer.countText(preview.count)
                values["matches"] = matchRows(preview)
            }
        }
        return try await page("segmentEditor", title: renderer.text["segment.editor"], values: values, context: context, nav: "Segments",
                              status: error == nil ? (check?.failure == nil || check?.timedOut == true ? status : .unprocessableContent) : status)
    }

    func matchRows(_ preview: SegmentPreview) -> [[String: Any]] {
        preview.persons.map { listing in
            ["href": "/persons/\(listing.person.id ?? 0)", "title": listing.person.name.withTitles, "detail": listing.firmName]
        } + preview.firms.map { firm in
            ["href": "/firms/\(firm.id ?? 0)", "title": firm.name, "detail": firm.address.city ?? ""]
        }
    }

    /// The expression as escaped spans with a class per kind: the same colours the script draws.
    static func highlight(_ text: String, _ check: SegmentCheck?) -> String {
        let characters = Array(text)
        var html = "", position = 0
        for span in check?.spans ?? [] where span.range.lowerBound >= position && span.range.upperBound <= characters.count {
            html += HTMLEscaping.escape(String(characters[position ..< span.range.lowerBound]))
            html += "<span class=\"syn-\(span.kind.rawValue)\">" + HTMLEscaping.escape(String(characters[span.range])) + "</span>"
            position = span.range.upperBound
        }
        return html + HTMLEscaping.escape(String(characters[position...]))
    }

    /// The check as the editor's script reads it; offsets in UTF-16 units, as JavaScript counts.
    func checkJSON(_ check: SegmentCheck) -> JSONValue {
        var utf16: [Int] = [0]
        for character in check.expression { utf16.append(utf16.last! + character.utf16.count) }
        func offset(_ index: Int) -> Int64 { Int64(utf16[min(max(index, 0), utf16.count - 1)]) }
        var error: JSONValue = .null
        if let failure = check.failure {
            error = .object([
                ("message", .string(failure.message)), ("timedOut", .bool(check.timedOut)),
                ("start", check.errorRange.map { .integer(offset($0.lowerBound)) } ?? .null),
                ("end", check.errorRange.map { .integer(offset($0.upperBound)) } ?? .null),
            ])
        }
        var fields: [(String, JSONValue)] = [
            ("spans", .array(check.spans.map { .array([.integer(offset($0.range.lowerBound)), .integer(offset($0.range.upperBound)), .string($0.kind.rawValue)]) })),
            ("error", error), ("target", .string(check.target.rawValue)),
        ]
        if let preview = check.preview {
            fields.append(("count", .integer(Int64(preview.count.value))))
            fields.append(("countCapped", .bool(preview.count.isCapped)))
            fields.append(("countText", .string(renderer.countText(preview.count))))
            fields.append(("matches", .array(matchRows(preview).map { row in
                .object([("href", .string(row["href"] as? String ?? "")), ("title", .string(row["title"] as? String ?? "")),
                         ("detail", .string(row["detail"] as? String ?? ""))])
            })))
        }
        fields.append(("sql", .string(check.sql)))
        return .object(fields)
    }
}
