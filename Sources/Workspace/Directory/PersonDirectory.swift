// A person's page: their data and attributes by label, their firm, open tasks, the timeline of
// their contacts, the change log, and the address block to copy.

import CRM
import Store

public struct PersonDetail: Sendable {
    public let person: Person
    public let firm: Firm
    public let attributes: [(label: String, value: String)]
    public let openTasks: [ContactListing]
    public let timeline: TimelinePage
    public let changes: [AuditEntry]
}

extension Workspace {
    public struct PersonDirectory: Sendable {
        let workspace: Workspace

        public func detail(id: Int64, timelineBefore: ContactPosition? = nil, timelineLimit: Int = 25) throws -> PersonDetail {
            let key = "person|\(id)|\(timelineBefore.map { "\($0.date)~\($0.id)" } ?? "")|\(timelineLimit)"
            return try workspace.keptRead(key) { db, version in
                let schema = try workspace.catalogCache.catalog(db).schema
                let person = try Persons.fetch(id: id, schema: schema, db: db).person
                let firm = try Firms.fetch(id: person.firmId, schema: schema, db: db)
                var tasks: [ContactListing] = []
                try Contacts.forEach(ContactFilter(personId: id, openTasksOnly: true, limit: 100), db: db) { tasks.append($0) }
                let timeline = try Timelines.page(ContactFilter(personId: id, before: timelineBefore), limit: timelineLimit, codeBook: schema.codeBook,
                                                  version: version, db: db)
                return PersonDetail(person: person, firm: firm, attributes: schema.displayed(person.attributes, of: .person), openTasks: tasks,
                                    timeline: timeline, changes: try AuditLog.entries(entity: "person", id: id, db: db))
            }
        }
    }
}
