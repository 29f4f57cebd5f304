// My day, and the three things done with a task from it: done, rescheduled, closed with what
// came of it (a contact, possibly with its own next step).

import CRM
import Hummingbird
import Store
import Workspace

extension Site {
    func addDay(to pages: RouterGroup<WebContext>) {
        pages.get("day") { request, context -> Response in
            let principal = try context.principal
            let version = try await run { try $0.live.version() }
            let day = try await run { try $0.tasks.day(by: principal) }
            let book = try await run { try $0.contacts.codeBook() }
            let tomorrow = day.today.adding(days: 1).iso
            func group(_ key: String, _ label: String, _ tasks: [ContactListing], _ total: Int) -> [String: Any]? {
                guard !tasks.isEmpty else { return nil }
                let count = total > tasks.count ? "\(tasks.count) / \(Presentation.number(total))" : String(total)
                return ["key": key, "label": renderer.text[label], "count": count,
                        "tasks": tasks.map { task -> [String: Any] in
                            var values = Presentation.entry(task, book: book, withMessage: false)
                            values["tomorrow"] = tomorrow
                            values["kinds"] = Presentation.choices(CodeListName.kind, book, selected: "call")
                            values["results"] = Presentation.choices(CodeListName.result, book, selected: nil)
                            return values
                        }]
            }
            let groups = [group("overdue", "day.overdue", day.overdue, day.totals.overdue), group("today", "day.today", day.dueToday, day.totals.dueToday),
                          group("week", "day.week", day.thisWeek, day.totals.thisWeek), group("later", "day.later", day.later, day.totals.later)].compactMap { $0 }
            var values: [String: Any] = ["groups": groups, "todayText": day.today.czech]
            if day.isEmpty { values["empty"] = true }
            if let referent = principal.referent {
                values["liveScope"] = LiveScope.tasks(referent: referent).text
                values["liveVersion"] = String(version)
            }
            if let notice = FormFields(query: request)["notice"].flatMap(noticeText) { values["notice"] = notice }
            return try await page("day", title: renderer.text["day.title"], values: values, context: context, nav: "Day")
        }
        pages.post("tasks/:id/done") { request, context -> Response in
            let id = try Site.id(context)
            _ = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            try await run { try $0.contacts.markDone(id: id, by: principal) }
            return .redirect(to: "/day?notice=done", type: .normal)
        }
        pages.post("tasks/:id/reschedule") { request, context -> Response in
            let id = try Site.id(context)
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            let date = try ContactDate(parsing: form.text("date") ?? "", field: "date")
            try await run { try $0.contacts.reschedule(id: id, to: date, by: principal) }
            return .redirect(to: "/day?notice=moved", type: .normal)
        }
        pages.post("tasks/:id/complete") { request, context -> Response in
            let id = try Site.id(context)
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            let outcome = ContactInput(kind: form.text("kind"), result: form.text("result"), text: form["text"] ?? "", note: form.text("note"),
                                       nextDate: form.text("nextDate"), nextTask: form.text("nextTask"))
            _ = try await run { try $0.contacts.complete(taskId: id, outcome: outcome, by: principal) }
            return .redirect(to: "/day?notice=logged", type: .normal)
        }
    }

    func noticeText(_ key: String) -> String? {
        switch key {
        case "done": return renderer.text["notice.done"]
        case "moved": return renderer.text["notice.moved"]
        case "logged": return renderer.text["log.saved"]
        default: return nil
        }
    }
}
