// A one-off e-mail from a person's page: pick a template, see the message as it will go, send
// it; it is then in the person's timeline with its exact bytes. Templates come only from the
// folders the server was started with, named without a path: no request chooses a file.

import Foundation
import Hummingbird
import Workspace

extension Site {
    /// The templates offered: the office's own, then the shipped ones of the server's folders,
    /// each named without a path — no request chooses a file.
    var mailTemplates: [(name: String, path: String)] { templateLibrary.list().map { ($0.name, $0.path) } }

    var templateLibrary: Workspace.TemplateLibrary {
        workspace.templates(shipped: configuration.templateFolders, own: configuration.ownTemplateFolder)
    }

    func addMail(to pages: RouterGroup<WebContext>) {
        pages.get("persons/:id/mail") { request, context -> Response in
            let id = try Site.id(context)
            let chosen = FormFields(query: request)["template"]
            return try await mailPage(personId: id, template: chosen, context: context)
        }
        pages.post("persons/:id/mail") { request, context -> Response in
            let id = try Site.id(context)
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            guard let template = mailTemplates.first(where: { $0.name == form["template"] }) else { throw HTTPError(.notFound) }
            let credential = configuration.smtpCredential
            do {
                let sent = try await run { try $0.personalMail.send(personId: id, template: template.path, credential: credential, by: principal) }
                return .redirect(to: "/persons/\(id)?mailed=\(sent.contactId)#contact-\(sent.contactId)", type: .normal)
            } catch {
                let failure = Failure(error)
                guard failure.kind != .forbidden else { throw error }
                return try await mailPage(personId: id, template: template.name, context: context, error: failure.message)
            }
        }
    }

    private func mailPage(personId: Int64, template: String?, context: WebContext, error: String? = nil) async throws -> Response {
        let principal = try context.principal
        let templates = mailTemplates
        let detail = try await run { try $0.people.detail(id: personId, timelineLimit: 1) }
        var values: [String: Any] = [
            "personId": String(personId), "personName": detail.person.name.withTitles,
            "templates": templates.map { ["name": $0.name, "selected": $0.name == template] as [String: Any] },
            "error": error ?? Blank(), "hasTemplates": !templates.isEmpty,
        ]
        if let chosen = templates.first(where: { $0.name == template }) {
            values["template"] = chosen.name
            do {
                let preview = try await run { try $0.personalMail.preview(personId: personId, template: chosen.path, by: principal) }
                values["preview"] = ["from": preview.from, "to": preview.to, "subject": preview.subject, "text": preview.text]
            } catch {
                let failure = Failure(error)
                guard failure.kind != .forbidden, failure.kind != .failed else { throw error }
                values["error"] = failure.message
            }
        }
        return try await page("mail", title: renderer.text["mail.title"], values: values, context: context, nav: "Firms",
                              status: error == nil ? .ok : .unprocessableContent)
    }
}
