// A person's page: data, attributes, the address block to copy, the timeline, the change log
// and the "log a contact" form (the person preselected).

import CRM
import Hummingbird
import Workspace

extension Site {
    func addPersons(to pages: RouterGroup<WebContext>) {
        pages.get("persons/:id") { request, context -> Response in
            let id = try Site.id(context)
            let query = FormFields(query: request)
            let detail = try await run { try $0.people.detail(id: id, timelineBefore: query["before"].flatMap(PageCursor.contactPosition)) }
            let notice = query["logged"] != nil ? renderer.text["log.saved"] : query["saved"] != nil ? renderer.text["form.saved"]
                : query["mailed"] != nil ? renderer.text["mail.sent"] : nil
            return try await personPage(detail, context: context, notice: notice)
        }
        pages.post("persons/:id/contacts") { request, context -> Response in
            let id = try Site.id(context)
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            let input = Site.contactInput(form)
            do {
                let logged = try await run { try $0.contacts.log(LogContact(personId: id, fields: input), by: principal) }
                return .redirect(to: "/persons/\(id)?logged=\(logged.contactId)#contact-\(logged.contactId)", type: .normal)
            } catch {
                let failure = Failure(error)
                guard failure.kind == .invalid else { throw error }
                let detail = try await run { try $0.people.detail(id: id) }
                return try await personPage(detail, context: context, draft: Site.draft(form), errors: Site.messages(failure), status: .unprocessableContent)
            }
        }
    }

    func personPage(_ detail: PersonDetail, context: WebContext, notice: String? = nil, draft: [String: String] = [:], errors: [String] = [],
                    status: HTTPResponse.Status = .ok) async throws -> Response {
        let person = detail.person
        let id = person.id ?? 0
        let block = AddressBlock(firmName: detail.firm.name, person: person.name, gender: person.gender, address: person.postalAddress(firm: detail.firm))
        var values = Presentation.compact([
            "id": String(id), "name": person.name.withTitles, "firmId": String(detail.firm.id ?? 0), "firmName": detail.firm.name, "function": person.function,
            "email": person.email?.value, "phone": person.phone, "mobile": person.mobile, "note": person.note, "notice": notice,
            "address": block.text, "consent": person.emailConsent ? true : nil,
        ])
        values["attributes"] = detail.attributes.map { ["label": $0.label, "value": $0.value] }
        values["hasAttributes"] = !detail.attributes.isEmpty
        values["liveScope"] = LiveScope.person(id).text
        values["liveVersion"] = String(detail.timeline.version.data)
        values["timelineHTML"] = Presentation.timelineFragment(detail.timeline, openTasks: detail.openTasks, basePath: "/persons/\(id)", renderer: renderer)
        values.merge(Presentation.changes(detail.changes)) { $1 }
        // The person is who the contact is with: no choice to offer.
        values.merge(Presentation.logForm(action: "/persons/\(id)/contacts", book: detail.timeline.codeBook, persons: [], selectedPerson: nil,
                                          draft: draft, errors: errors)) { $1 }
        return try await page("person", title: person.name.withTitles, values: values, context: context, nav: "Firms", status: status)
    }
}
