// Firms for the workspace: the list (keyset pages, a segment filter, a capped count) and a
// firm's page (data, attributes by label, persons, open tasks, the timeline, the change log).

import CRM
import GRDB
import Segmentation
import Interchange
import Store

/// "1,000 or more" rather than an exact count past the cap: a list never counts a million rows.
public struct CappedCount: Sendable, Equatable {
    public let value: Int
    public let isCapped: Bool
    public static let cap = 1_000

    public init(value: Int, isCapped: Bool) { self.value = value; self.isCapped = isCapped }
}

public struct FirmQuery: Sendable {
    public var segment: SegmentChoice?
    public var after: ListPosition?
    public var limit: Int

    public init(segment: SegmentChoice? = nil, after: ListPosition? = nil, limit: Int = 50) {
        self.segment = segment; self.after = after; self.limit = limit
    }
}

public struct Page<Row: Sendable>: Sendable {
    public let rows: [Row]
    /// Where the next page starts; nil on the last page.
    public let next: ListPosition?
    /// How many there are in all (capped); nil when not asked for.
    public let count: CappedCount?
}

/// A firm as its page shows it.
public struct FirmDetail: Sendable {
    public let firm: Firm
    /// Attribute labels and value labels, in Czech order.
    public let attributes: [(label: String, value: String)]
    public let roleLabels: String
    public let persons: [Person]
    public let openTasks: [ContactListing]
    public let timeline: TimelinePage
    public let changes: [AuditEntry]
}

/// Contacts newest first, one page of them, with which of them keep the exact e-mail.
public struct TimelinePage: Sendable {
    public let contacts: [ContactListing]
    public let withMessage: Set<Int64>
    /// The position to continue from; nil when this was the last page.
    public let next: ContactPosition?
    /// Labels of kinds and results, for showing codes as words.
    public let codeBook: CodeBook
    /// The store's counters when it was read: a front end may keep what it made of the page
    /// for as long as they stand.
    public let version: StoreVersion
}

extension Workspace {
    public struct FirmDirectory: Sendable {
        let workspace: Workspace

        /// One page of firms in Czech order, with the cells of `columns` (keys of `columns()`;
        /// unknown keys are left out). A segment over persons selects their firms.
        public func list(_ query: FirmQuery, columns: [String] = [], counting: Bool = true) throws -> Page<FirmRow> {
            let limit = max(1, min(query.limit, 500))
            let today = workspace.clock().date
            // A segment may speak of today ("today - 90d"), so the day is part of what was asked.
            let key = "firms|\(today.iso)|\(query.segment.map { String(describing: $0) } ?? "")|\(query.after.map { "\($0.sortKey)~\($0.id)" } ?? "")|\(limit)|\(columns)|\(counting)"
            return try workspace.keptRead(key) { db, _ in
                let catalog = try workspace.catalogCache.catalog(db)
                let schema = catalog.schema
                let filter = try workspace.filter(query.segment, selecting: .firm, today: today, db: db)
                let rows = try Firms.page(filter: filter, after: query.after, limit: limit + 1, schema: schema, db: db)
                let count = counting ? try Selection.count(filter, entity: .firm, cap: CappedCount.cap + 1, db: db) : nil
                let chosen = FirmColumn.chosen(columns, from: catalog.firmColumns)
                return Page(rows: rows.prefix(limit).map { row in FirmRow(firm: row.firm, cells: chosen.map { $0.cell(row.firm, schema) }) },
                            next: rows.count > limit ? rows[limit - 1].position : nil,
                            count: count.map { CappedCount(value: min($0, CappedCount.cap), isCapped: $0 > CappedCount.cap) })
            }
        }

        /// The columns a firm list may show: the firm's own fields, then its attributes.
        public func columns() throws -> [FirmColumn] {
            try workspace.database.read { db in try workspace.catalogCache.catalog(db).firmColumns }
        }

        /// The firms of a list view as CSV (`;`-separated, formulas neutralised for Excel), the
        /// name first, then `columns`; `write` gets the text in pieces.
        public func exportCSV(_ segment: SegmentChoice?, columns: [String], write: (String) throws -> Void) throws {
            let today = workspace.clock().date
            try workspace.database.read { db in
                let catalog = try workspace.catalogCache.catalog(db)
                let schema = catalog.schema
                let filter = try workspace.filter(segment, selecting: .firm, today: today, db: db)
                let chosen = FirmColumn.chosen(columns, from: catalog.firmColumns)
                var csv = CSVWriter(delimiter: ";", neutralizingFormulas: true)
                csv.write(["id", "name"] + chosen.map(\.label))
                var rows = 0
                try Firms.forEach(filter: filter, schema: schema, db: db) { firm in
                    csv.write([String(firm.id ?? 0), firm.name] + chosen.map { $0.cell(firm, schema) })
                    rows += 1
                    if rows % 500 == 0 { try write(csv.drain()) }
                }
                try write(csv.drain())
            }
        }

        /// A firm's page; its timeline in pages of `timelineLimit` (25: a screen or two on a phone).
        public func detail(id: Int64, timelineBefore: ContactPosition? = nil, timelineLimit: Int = 25) throws -> FirmDetail {
            let key = "firm|\(id)|\(timelineBefore.map { "\($0.date)~\($0.id)" } ?? "")|\(timelineLimit)"
            return try workspace.keptRead(key) { db, version in
                let schema = try workspace.catalogCache.catalog(db).schema
                let firm = try Firms.fetch(id: id, schema: schema, db: db)
                var persons: [Person] = []
                try Persons.forEach(firmId: id, schema: schema, db: db) { persons.append($0.person) }
                var tasks: [ContactListing] = []
                try Contacts.forEach(ContactFilter(firmId: id, openTasksOnly: true, limit: 100), db: db) { tasks.append($0) }
                let timeline = try Timelines.page(ContactFilter(firmId: id, before: timelineBefore), limit: timelineLimit, codeBook: schema.codeBook,
                                                  version: version, db: db)
                return FirmDetail(firm: firm, attributes: schema.displayed(firm.attributes, of: .firm), roleLabels: schema.codeBook.roleLabels(firm.roles),
                                  persons: persons, openTasks: tasks, timeline: timeline,
                                  changes: try AuditLog.entries(entity: "firm", id: id, db: db))
            }
        }
    }
}

enum Timelines {
    static func page(_ filter: ContactFilter, limit: Int, codeBook: CodeBook, version: StoreVersion, db: Database) throws -> TimelinePage {
        var filter = filter
        filter.limit = limit + 1
        filter.excludingOpenTasks = true
        var contacts: [ContactListing] = []
        try Contacts.forEach(filter, db: db) { contacts.append($0) }
        let more = contacts.count > limit
        if more { contacts.removeLast() }
        let next = more ? contacts.last.map { ContactPosition(date: $0.contact.date.iso, id: $0.contact.id!) } : nil
        return TimelinePage(contacts: contacts, withMessage: try Contacts.withMessages(contacts.compactMap(\.contact.id), db: db), next: next, codeBook: codeBook, version: version)
    }
}
