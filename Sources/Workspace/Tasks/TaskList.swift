// "My day": a referent's open tasks, overdue first, then today's, this week's and later ones.

import CRM
import Store

public struct MyDay: Sendable {
    public let today: CivilDate
    public var overdue: [ContactListing] = []
    public var dueToday: [ContactListing] = []
    public var thisWeek: [ContactListing] = []
    public var later: [ContactListing] = []

    public var isEmpty: Bool { overdue.isEmpty && dueToday.isEmpty && thisWeek.isEmpty && later.isEmpty }
}

extension Workspace {
    public struct TaskList: Sendable {
        let workspace: Workspace

        /// The open tasks of `referent` (default: the principal's), soonest first; "this week"
        /// runs to Sunday. `later` holds at most `laterLimit`.
        public func day(referent: String? = nil, by principal: Principal, laterLimit: Int = 50) throws -> MyDay {
            guard let referent = referent ?? principal.referent else {
                throw WorkspaceError.invalid(field: "referent", "name the referent whose tasks to list")
            }
            let today = workspace.clock().date
            let sunday = today.adding(days: 6 - today.weekdayFromMonday)
            var day = MyDay(today: today)
            try workspace.database.read { db in
                try Contacts.forEach(ContactFilter(referent: referent, openTasksOnly: true), db: db) { task in
                    let date = task.contact.date.date
                    if date < today { day.overdue.append(task) }
                    else if date == today { day.dueToday.append(task) }
                    else if date <= sunday { day.thisWeek.append(task) }
                    else if day.later.count < laterLimit { day.later.append(task) }
                }
            }
            return day
        }
    }
}
