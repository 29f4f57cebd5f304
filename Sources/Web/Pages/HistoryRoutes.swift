// A firm's or a person's whole history as a page of its own, over a period: every contact in
// time order and, for a firm, each referent's road from the first contact to the deals — the
// same `workspace.history` and `Timeline` as `kontakt history`; the printable page (its
// `--format html`) as a download.

import CRM
import Foundation
import Hummingbird
import NIOCore
import Reports
import Workspace

extension Site {
    func addHistory(to pages: RouterGroup<WebContext>) {
        for kind in ["firms", "persons"] {
            pages.get("\(kind)/:id/history") { request, context -> Response in
                let id = try Site.id(context)
                return try await historyPage(kind == "firms" ? .firm(id) : .person(id), id: id, kind: kind, query: FormFields(query: request), context: context)
            }
            pages.get("\(kind)/:id/history.html") { request, context -> Response in
                let id = try Site.id(context)
                let (history, period, timeline) = try await counted(kind == "firms" ? .firm(id) : .person(id), FormFields(query: request))
                var labels: [String: String] = [:]
                for list in [CodeListName.kind, CodeListName.result] { for value in history.codeBook.values(of: list) { labels["\(list).\(value.code)"] = value.label } }
                let html = HistoryPage.render(title: "Historie komunikace: \(history.subject)", scope: [period], listings: history.contacts, timeline: timeline,
                                              labels: labels, generated: CzechFormat.date(workspace.clock().date))
                return Self.download(Array(html.utf8), type: "text/html; charset=utf-8", name: "historie-\(id).html")
            }
        }
    }

    /// The history a query asks for, its period in words, and a firm's timeline.
    private func counted(_ subject: HistorySubject, _ query: FormFields) async throws -> (RecordHistory, String, Timeline?) {
        func date(_ field: String) throws -> CivilDate? { try query.text(field).map { try CivilDate(parsing: $0, field: field) } }
        let (from, to) = (try date("from"), try date("to"))
        let history = try await run { try $0.history(of: subject, from: from, to: to) }
        let success = Set(history.codeBook.values(of: CodeListName.result).filter { $0.outcome == .success }.map(\.code))
        var timeline: Timeline?
        if case .firm = subject { timeline = Timeline(contacts: history.contacts.lazy.map(\.contact), success: success) }
        let period = [from.map { "od " + CzechFormat.date($0) }, to.map { "do " + CzechFormat.date($0) }].compactMap { $0 }
        return (history, period.isEmpty ? "Období: celá historie" : "Období: " + period.joined(separator: " "), timeline)
    }

    private func historyPage(_ subject: HistorySubject, id: Int64, kind: String, query: FormFields, context: WebContext) async throws -> Response {
        var values: [String: Any] = ["from": query["from"] ?? "", "to": query["to"] ?? "", "href": "/\(kind)/\(id)", "action": "/\(kind)/\(id)/history"]
        do {
            let (history, period, timeline) = try await counted(subject, query)
            let book = history.codeBook
            func label(_ list: String, _ code: String?) -> String {
                code.map { code in book.values(of: list).first { $0.code == code }?.label ?? code } ?? ""
            }
            values["subject"] = history.subject
            values["period"] = period
            values["count"] = CzechFormat.count(history.contacts.count)
            values["lanes"] = (timeline?.lanes ?? []).map { lane -> [String: Any] in
                ["referent": lane.referent, "first": CzechFormat.date(lane.firstContact), "contacts": String(lane.contacts),
                 "deals": lane.deals.isEmpty ? renderer.text["history.noDeal"]
                     : lane.deals.map { "\(CzechFormat.date($0.date)) \(label(CodeListName.result, $0.result)) (+\($0.days) d)" }.joined(separator: "; ")]
            }
            values["hasLanes"] = !(timeline?.lanes.isEmpty ?? true)
            values["rows"] = history.contacts.map { listing -> [String: Any] in
                let contact = listing.contact
                let state = renderer.text[contact.status == .contact ? "history.contact" : (contact.doneAt == nil ? "history.openTask" : "history.doneTask")]
                return Presentation.compact(["date": CzechFormat.date(contact.date.date), "kind": label(CodeListName.kind, contact.kind), "state": state,
                                             "referent": contact.referent, "person": listing.personName?.withTitles, "result": label(CodeListName.result, contact.result),
                                             "text": contact.text, "next": contact.next.map { "\(CzechFormat.date($0.date.date)) \($0.task) (\($0.referent))" }])
            }
            let download = Query.string(["from", "to"].compactMap { key in query.text(key).map { (key, $0) } })
            values["printHref"] = "/\(kind)/\(id)/history.html" + (download.isEmpty ? "" : "?" + download)
        } catch {
            let failure = Failure(error)
            guard failure.kind == .invalid else { throw error }
            values["error"] = failure.message
        }
        return try await page("history", title: renderer.text["history.title"], values: values, context: context, nav: "Firms",
                              status: values["error"] == nil ? .ok : .unprocessableContent)
    }
}
