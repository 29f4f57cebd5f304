// The templates in the browser: the shipped ones to read and copy, the office's own to write,
// upload, replace and remove — checked against the merge fields before they are saved, the
// error at its `file:line:column`. Anyone signed in adds one; only its owner or an admin
// replaces or removes it. Template files are named by the server, never by a request's path.

import Foundation
import Hummingbird
import Workspace

extension Site {
    func addTemplates(to pages: RouterGroup<WebContext>) {
        pages.get("templates") { _, context -> Response in
            let principal = try context.principal
            let rows = templateLibrary.list().map { file -> [String: Any] in
                let mayEdit = file.isOwn && Policy.allows(.editTemplate(owner: file.owner), principal)
                return Presentation.compact(["name": file.name, "owner": file.owner.map { $0.hasPrefix("web:") ? String($0.dropFirst(4)) : $0 },
                                             "href": "/templates/\(Query.escape(file.name))", "mayEdit": mayEdit ? "1" : nil,
                                             "kind": renderer.text[file.isOwn ? "template.own" : "template.shipped"]])
            }
            return try await page("templates", title: renderer.text["templates.title"], values: ["templates": rows], context: context, nav: "Campaigns")
        }
        pages.get("templates/new") { request, context -> Response in
            let from = FormFields(query: request).text("from")
            let source = try from.map { try templateLibrary.source(of: $0) } ?? Self.starterTemplate
            return try await editorPage(name: from.map { $0 + "-kopie" } ?? "", source: source, original: nil, context: context)
        }
        pages.get("templates/:name") { request, context -> Response in
            let name = try Site.parameter(context, "name")
            let file = try templateLibrary.template(named: name)
            let source = try templateLibrary.source(of: name)
            let notice = FormFields(query: request)["saved"] == "1" ? renderer.text["template.saved"] : nil
            return try await editorPage(name: name, source: source, original: file.isOwn ? name : nil, context: context, readOnly: !file.isOwn, notice: notice)
        }
        pages.post("templates") { request, context -> Response in
            // A template may be long: its own limit, then the same CSRF check as every form.
            let form = try await FormFields.body(of: request, limit: 1024 * 1024)
            guard let session = context.sessionToken else { throw HTTPError(.forbidden, message: "this form needs a session; log in again") }
            try await forms.check(form["_csrf"], cookie: session)
            let principal = try context.principal
            let name = form.text("name") ?? ""
            let source = (form["text"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            do {
                let library = templateLibrary
                _ = try await run { _ in try library.save(name: name, source: source, by: principal) }
                return .redirect(to: "/templates/\(Query.escape(name))?saved=1", type: .normal)
            } catch {
                let failure = Failure(error)
                guard failure.kind != .forbidden else { throw error }
                return try await editorPage(name: name, source: source, original: form.text("original"), context: context, error: failure.message,
                                            status: Site.status(of: failure.kind))
            }
        }
        pages.post("templates/upload") { request, context -> Response in
            guard let session = context.sessionToken else { throw HTTPError(.forbidden, message: "this form needs a session; log in again") }
            let small = Uploads(folder: configuration.uploadFolder, limit: 256 * 1024)
            let upload: UploadedFile
            do {
                upload = try await small.receive(request, fileField: "file")
            } catch let error as UploadError {
                return try await editorPage(name: "", source: Self.starterTemplate, original: nil, context: context, error: error.description,
                                            status: { if case .tooLarge = error { return .contentTooLarge } else { return .badRequest } }())
            }
            defer { small.remove(upload.id) }
            try await forms.check(upload.fields["_csrf"], cookie: session)
            guard let path = small.path(of: upload.id), let data = FileManager.default.contents(atPath: path),
                  let source = String(data: data, encoding: .utf8) else {
                return try await editorPage(name: "", source: Self.starterTemplate, original: nil, context: context,
                                            error: renderer.text["template.notUTF8"], status: .unprocessableContent)
            }
            let base = upload.originalName.hasSuffix(".md") ? String(upload.originalName.dropLast(3)) : upload.originalName
            let name = String(base.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
            // Shown to be checked and saved: an upload is never saved unseen.
            return try await editorPage(name: name, source: source, original: nil, context: context, notice: renderer.text["template.uploaded"])
        }
        pages.post("templates/:name/remove") { request, context -> Response in
            let name = try Site.parameter(context, "name")
            _ = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            let library = templateLibrary
            try await run { _ in try library.remove(name: name, by: principal) }
            return .redirect(to: "/templates", type: .normal)
        }
    }

    private func editorPage(name: String, source: String, original: String?, context: WebContext, readOnly: Bool = false, error: String? = nil,
                            notice: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = try context.principal
        var mayRemove = false
        if let original, let file = try? templateLibrary.template(named: original), file.isOwn {
            mayRemove = Policy.allows(.editTemplate(owner: file.owner), principal)
        }
        let values: [String: Any] = Presentation.compact([
            "name": name, "text": source, "original": original, "originalPath": original.map(Query.escape),
            "error": error, "notice": notice, "readOnly": readOnly ? "1" : nil, "mayRemove": mayRemove ? "1" : nil,
        ])
        return try await page("templateEditor", title: renderer.text["template.editor"], values: values, context: context, nav: "Campaigns", status: status)
    }

    static let starterTemplate = """
        ---
        subject: "Novinky pro {{firm.name}}"
        required: [person.email]
        ---
        {{salutation}},

        …

        S pozdravem
        {{referent.name}}
        {{#unsubscribe.url}}

        Odhlásit se z e-mailů: {{unsubscribe.url}}
        {{/unsubscribe.url}}

        """
}
