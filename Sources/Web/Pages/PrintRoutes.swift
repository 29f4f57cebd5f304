// Address labels and envelopes of any view, as PDFs straight to the browser: the firm list's
// filter (an expression or a saved segment), a label sheet of the server's folders with the
// labels already used on the first sheet, or an envelope format — the same as `kontakt labels`
// and `kontakt envelopes`.

import Foundation
import Hummingbird
import NIOCore
import Workspace

extension Site {
    func addPrinting(to pages: RouterGroup<WebContext>) {
        addLetters(to: pages)
        pages.get("print") { request, context -> Response in
            let query = FormFields(query: request)
            let folders = configuration.labelSheetFolders
            let (sheets, segments, referents) = try await run {
                (try $0.addressPrinting.sheets(folders: folders), try $0.segments.saved().map(\.name), try $0.catalog.referents().filter(\.active))
            }
            let principal = try context.principal
            let own = principal.referent
            let chosen = query["sheet"] ?? "3x8-70x37"
            let values: [String: Any] = [
                "where": query["where"] ?? "", "skip": query["skip"] ?? "0",
                "segments": segments.map { ["name": $0, "selected": $0 == query["segment"]] as [String: Any] },
                "sheets": sheets.map { ["name": $0.name, "description": $0.description, "selected": $0.name == chosen] as [String: Any] },
                "templates": templateLibrary.list().map { ["name": $0.name, "selected": $0.name == (query["template"] ?? "dopis")] as [String: Any] },
                "referents": referents.filter { principal.isAdmin || $0.code == own }
                    .map { ["code": $0.code, "name": $0.name, "selected": $0.code == own] as [String: Any] },
                "formats": ["dl", "c5", "c4"].map { ["value": $0, "label": $0.uppercased(), "selected": $0 == (query["format"] ?? "dl")] as [String: Any] },
            ]
            return try await page("print", title: renderer.text["print.title"], values: values, context: context, nav: "Firms")
        }
        pages.get("print/labels.pdf") { request, _ -> Response in
            let query = FormFields(query: request)
            let choice = try Self.requiredChoice(query)
            let (sheet, folders) = (query.text("sheet") ?? "3x8-70x37", configuration.labelSheetFolders)
            guard let skip = Int(query.text("skip") ?? "0") else { throw WorkspaceError.invalid(field: "skip", "skip takes a whole number of labels") }
            return try await pdf(named: "stitky.pdf") { workspace, path in
                _ = try workspace.addressPrinting.labels(choice, sheetNamed: sheet, sheetFolders: folders, skip: skip, to: path)
            }
        }
        pages.get("print/envelopes.pdf") { request, _ -> Response in
            let query = FormFields(query: request)
            let choice = try Self.requiredChoice(query)
            guard let format = EnvelopeSize(rawValue: query["format"] ?? "dl") else {
                throw WorkspaceError.invalid(field: "format", "an envelope is dl, c5 or c4")
            }
            return try await pdf(named: "obalky-\(format.rawValue).pdf") { workspace, path in
                _ = try workspace.addressPrinting.envelopes(choice, format: format, to: path)
            }
        }
    }

    /// A template's letters for a view, each logged as a contact (hence a POST with its token).
    func addLetters(to pages: RouterGroup<WebContext>) {
        pages.post("print/letters.pdf") { request, context -> Response in
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            let choice = try Self.requiredChoice(form)
            guard let template = templateLibrary.list().first(where: { $0.name == form["template"] }) else {
                throw WorkspaceError.invalid(field: "template", renderer.text["campaign.pickTemplate"])
            }
            var letters = LetterRequest(template: template.path, segment: choice, referent: form.text("referent") ?? principal.referent ?? "")
            letters.log = form["log"] == "1"
            letters.groupByFirm = form["groupByFirm"] == "1"
            let prepared = letters
            return try await pdf(named: "dopisy-\(template.name).pdf") { workspace, path in
                _ = try workspace.addressPrinting.letters(prepared, by: principal, to: path)
            }
        }
    }

    /// Labels and envelopes print a chosen view, never the whole database by accident.
    static func requiredChoice(_ query: FormFields) throws -> SegmentChoice {
        guard let choice = choice(query) else { throw WorkspaceError.invalid(field: "where", "choose whom to print: a filter or a saved segment") }
        return choice
    }
}
