// "My day": a referent's open tasks, overdue first, then today's, this week's and later ones.

import CRM
import Store

public struct MyDay: Sendable {
    public let today: CivilDate
    public var overdue: [ContactListing] = []
    public var dueToday: [ContactListing] = []
    public var thisWeek: [ContactListing] = []
    public var later: [ContactListing] = []
    /// How many open tasks each group has in all; a group shows at most its limit of them.
    public var totals = (overdue: 0, dueToday: 0, thisWeek: 0, later: 0)

    public var isEmpty: Bool { overdue.isEmpty && dueToday.isEmpty && thisWeek.isEmpty && later.isEmpty }
}

extension Workspace {
    public struct TaskList: Sendable {
        let workspace: Workspace

        /// The open tasks of `referent` (default: the principal's), soonest first; "this week"
        /// runs to Sunday. Each group lists at most `limit` (a referent left with a backlog of
        /// thousands gets the first of them and their number, not a page of megabytes).
        public func day(referent: String? = nil, by principal: Principal, limit: Int = 100) throws -> MyDay {
            guard let referent = referent ?? principal.referent else {
                throw WorkspaceError.invalid(field: "referent", "name the referent whose tasks to list")
            }
            let today = workspace.clock().date
            let sunday = today.adding(days: 6 - today.weekdayFromMonday)
            var day = MyDay(today: today)
            try workspace.database.read { db in
                func group(from: CivilDate?, to: CivilDate?) throws -> (tasks: [ContactListing], total: Int) {
                    var filter = ContactFilter(referent: referent, from: from, to: to, openTasksOnly: true, limit: limit)
                    var tasks: [ContactListing] = []
                    try Contacts.forEach(filter, db: db) { tasks.append($0) }
                    filter.limit = nil
                    return (tasks, tasks.count < limit ? tasks.count : try Contacts.count(filter, db: db))
                }
                let overdue = try group(from: nil, to: today.adding(days: -1))
                let dueToday = try group(from: today, to: today)
                let thisWeek: (tasks: [ContactListing], total: Int) = sunday > today ? try group(from: today.adding(days: 1), to: sunday) : ([], 0)
                let later = try group(from: sunday.adding(days: 1), to: nil)
                day.overdue = overdue.tasks; day.dueToday = dueToday.tasks; day.thisWeek = thisWeek.tasks; day.later = later.tasks
                day.totals = (overdue.total, dueToday.total, thisWeek.total, later.total)
            }
            return day
        }
    }
}
