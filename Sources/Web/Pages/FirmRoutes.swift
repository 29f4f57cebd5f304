// The firm list (filtered by a segment expression or a saved view, keyset pages, chosen
// columns, CSV of the view) and a firm's page with its "log a contact" form.

import CRM
import Foundation
import Hummingbird
import NIOCore
import Store
import Workspace

/// The list's state as its URL says it: every view is a link.
struct FirmListState {
    var expression: String?
    var saved: String?
    var columns: [String]
    var after: ListPosition?

    init(_ fields: FormFields) {
        expression = fields.text("where")
        saved = expression == nil ? fields.text("segment") : nil
        let chosen = fields.all("col").filter { !$0.isEmpty }
        columns = chosen.isEmpty ? FirmColumn.defaultKeys : Array(chosen.prefix(20))
        after = fields["after"].flatMap(PageCursor.listPosition)
    }

    var segment: SegmentChoice? { expression.map(SegmentChoice.expression) ?? saved.map(SegmentChoice.saved) }

    /// The query of this view, without the page position.
    var query: [(String, String)] {
        var pairs: [(String, String)] = []
        if let expression { pairs.append(("where", expression)) }
        if let saved { pairs.append(("segment", saved)) }
        pairs += columns.map { ("col", $0) }
        return pairs
    }
}

extension Site {
    func addFirms(to pages: RouterGroup<WebContext>) {
        pages.get("firms") { request, context -> Response in
            let state = FirmListState(FormFields(query: request))
            let columns = try await run { try $0.firms.columns() }
            let views = try await run { try $0.segments.saved() }
            var values: [String: Any] = [
                "whereText": state.expression ?? "",
                "views": views.map { view in Presentation.compact(["name": view.name, "selected": view.name == state.saved ? true : nil]) },
                "columnChoices": columns.map { column in Presentation.compact(["key": column.key, "label": column.label, "checked": state.columns.contains(column.key) ? true : nil]) },
                "columns": state.columns.compactMap { key in columns.first { $0.key == key }.map { ["label": $0.label] } },
                "exportQuery": Query.string(state.query),
                "filterQuery": Query.string(state.query.filter { $0.0 != "col" }),
                "firstQuery": Query.string(state.query),
            ]
            if state.after != nil { values["isLaterPage"] = true }
            var status = HTTPResponse.Status.ok
            do {
                let query = FirmQuery(segment: state.segment, after: state.after, limit: 50)
                let page = try await run { try $0.firms.list(query, columns: state.columns) }
                values["rows"] = page.rows.map { row -> [String: Any] in ["id": String(row.firm.id ?? 0), "name": row.firm.name, "cells": row.cells] }
                values["hasRows"] = !page.rows.isEmpty
                if let count = page.count { values["countText"] = renderer.countText(count) }
                if let next = page.next { values["nextQuery"] = Query.string(state.query + [("after", PageCursor.text(next))]) }
            } catch {
                let failure = Failure(error)
                guard failure.kind == .invalid || failure.kind == .notFound else { throw error }
                values["filterError"] = failure.message
                values["countText"] = "—"
                status = .unprocessableContent
            }
            return try await page("firms", title: renderer.text["firms.title"], values: values, context: context, nav: "Firms", status: status)
        }
        pages.get("firms.csv") { request, context -> Response in
            let state = FirmListState(FormFields(query: request))
            // Built on the thread pool, then sent: a view is at most a few tens of megabytes.
            let text = try await run { workspace -> String in
                var text = "\u{FEFF}"
                try workspace.firms.exportCSV(state.segment, columns: state.columns) { text += $0 }
                return text
            }
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"firmy.csv\""],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        pages.get("firms/:id") { request, context -> Response in
            let id = try Site.id(context)
            let before = FormFields(query: request)["before"].flatMap(PageCursor.contactPosition)
            let detail = try await run { try $0.firms.detail(id: id, timelineBefore: before) }
            let query = FormFields(query: request)
            let notice = query["logged"] != nil ? renderer.text["log.saved"] : query["saved"] != nil ? renderer.text["form.saved"] : nil
            return try await firmPage(detail, context: context, notice: notice)
        }
        pages.post("firms/:id/contacts") { request, context -> Response in
            let id = try Site.id(context)
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            let personId = form.text("person").flatMap { Int64($0) }
            let input = Site.contactInput(form)
            do {
                let logged = try await run { try $0.contacts.log(LogContact(firmId: id, personId: personId, fields: input), by: principal) }
                return .redirect(to: "/firms/\(id)?logged=\(logged.contactId)#contact-\(logged.contactId)", type: .normal)
            } catch {
                let failure = Failure(error)
                guard failure.kind == .invalid else { throw error }
                let detail = try await run { try $0.firms.detail(id: id) }
                return try await firmPage(detail, context: context, draft: Site.draft(form), errors: Site.messages(failure), status: .unprocessableContent)
            }
        }
    }

    func firmPage(_ detail: FirmDetail, context: WebContext, notice: String? = nil, draft: [String: String] = [:], errors: [String] = [],
                  status: HTTPResponse.Status = .ok) async throws -> Response {
        let firm = detail.firm
        let id = firm.id ?? 0
        var values = Presentation.compact([
            "id": String(id), "name": firm.name, "roleLabels": detail.roleLabels, "ico": firm.ico?.digits, "dic": firm.dic.map { "\($0)" },
            "email": firm.email?.value, "phone": firm.phone, "web": firm.web, "note": firm.note, "notice": notice,
            "address": AddressBlock(firmName: firm.name, address: firm.address).text,
        ])
        values["attributes"] = detail.attributes.map { ["label": $0.label, "value": $0.value] }
        values["hasAttributes"] = !detail.attributes.isEmpty
        values["persons"] = detail.persons.map { person in
            Presentation.compact(["id": person.id.map(String.init), "name": person.name.withTitles, "function": person.function,
                                  "email": person.email?.value, "phone": person.mobile ?? person.phone])
        }
        values["liveScope"] = LiveScope.firm(id).text
        values["liveVersion"] = String(detail.timeline.version.data)
        values["timelineHTML"] = Presentation.timelineFragment(detail.timeline, openTasks: detail.openTasks, basePath: "/firms/\(id)", renderer: renderer)
        values.merge(Presentation.changes(detail.changes)) { $1 }
        values.merge(Presentation.logForm(action: "/firms/\(id)/contacts", book: detail.timeline.codeBook, persons: detail.persons,
                                          selectedPerson: draft["person"].flatMap { Int64($0) }, draft: draft, errors: errors)) { $1 }
        return try await page("firm", title: firm.name, values: values, context: context, nav: "Firms", status: status)
    }

    static func contactInput(_ form: FormFields) -> ContactInput {
        ContactInput(kind: form.text("kind") ?? "call", result: form.text("result"), text: form["text"] ?? "", note: form.text("note"),
                     nextDate: form.text("nextDate"), nextTask: form.text("nextTask"))
    }

    static func draft(_ form: FormFields) -> [String: String] {
        var draft: [String: String] = [:]
        for name in ["kind", "person", "result", "text", "note", "nextDate", "nextTask"] { if let value = form[name] { draft[name] = value } }
        return draft
    }

    static func messages(_ failure: Failure) -> [String] {
        failure.fields.isEmpty ? [failure.message] : failure.fields.map { "\($0.field): \($0.message)" }
    }
}
