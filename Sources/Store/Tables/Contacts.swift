// The contact log: recording contacts (and the tasks their "next contact" asks for), listing,
// completing tasks, and removals that leave a trace.

import CRM
import GRDB

/// A contact with the names a list shows beside it.
public struct ContactListing: Sendable {
    public var contact: Contact
    public var firmName: String
    public var personName: PersonName?
}

/// Which contacts a list shows; nil fields do not filter.
public struct ContactFilter: Sendable {
    public var firmId: Int64?
    public var personId: Int64?
    public var referent: String?
    public var kind: String?
    public var from: CivilDate?
    /// Inclusive: contacts on this day are listed.
    public var to: CivilDate?
    public var openTasksOnly = false
    /// History without what is still to do: open tasks left out (a page lists them apart).
    public var excludingOpenTasks = false
    /// Only contacts older than this one in list order (newest first): the next page of a
    /// timeline, found by key rather than by OFFSET.
    public var before: ContactPosition?
    /// Only contacts (not tasks), or only tasks; nil for both.
    public var status: ContactStatus?
    public var limit: Int?

    public init(firmId: Int64? = nil, personId: Int64? = nil, referent: String? = nil, kind: String? = nil,
                from: CivilDate? = nil, to: CivilDate? = nil, openTasksOnly: Bool = false, before: ContactPosition? = nil, limit: Int? = nil) {
        self.firmId = firmId; self.personId = personId; self.referent = referent; self.kind = kind
        self.from = from; self.to = to; self.openTasksOnly = openTasksOnly; self.before = before; self.limit = limit
    }
}

/// A contact's place in a newest-first list.
public struct ContactPosition: Sendable, Equatable {
    public var date: String
    public var id: Int64
    public init(date: String, id: Int64) { self.date = date; self.id = id }
}

public enum Contacts {
    static let columns = """
        c.id, c.firm_id, c.person_id, c.date, c.status, c.done_at, c.kind, c.referent, c.result, c.text, c.note,
        c.next_date, c.next_task, c.next_referent, c.origin_contact_id, f.name, p.title_before, p.first, p.last, p.title_after
        """
    static let from = "FROM contact c JOIN firm f ON f.id = c.firm_id LEFT JOIN person p ON p.id = c.person_id"

    /// Records a contact and, when it names a next contact, the open task for it. Returns the
    /// contact's id and the task's.
    ///
    /// - Parameter checkingReferences: false where the firm and person come from the database
    ///   itself (a campaign's journal): the foreign keys still hold, only the friendlier
    ///   messages for typed input are not needed.
    @discardableResult
    public static func record(_ contact: Contact, checkingReferences: Bool = true, db: Database) throws -> (contactId: Int64, taskId: Int64?) {
        if checkingReferences { try checkReferences(contact, db: db) }
        let id = try insert(contact, db: db)
        var stored = contact
        stored.id = id
        let taskId = try stored.followUpTask(taskKind: CodeListName.taskKind).map { try insert($0, db: db) }
        return (id, taskId)
    }

    private static func insert(_ contact: Contact, db: Database) throws -> Int64 {
        let now = Timestamp.now()
        let statement = try db.cachedStatement(sql: """
            INSERT INTO contact(firm_id, person_id, date, status, done_at, kind, referent, result, text, note,
                                next_date, next_task, next_referent, origin_contact_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        statement.setUncheckedArguments(StatementArguments(fieldValues(contact) + [contact.originContactId, now, now]))
        try statement.execute()
        return db.lastInsertedRowID
    }

    private static func fieldValues(_ c: Contact) -> [DatabaseValueConvertible?] {
        [c.firmId, c.personId, c.date.iso, c.status.rawValue, c.doneAt?.iso, c.kind, c.referent, c.result, c.text, c.note,
         c.next?.date.iso, c.next?.task, c.next?.referent]
    }

    private static func checkReferences(_ contact: Contact, db: Database) throws {
        try Firms.requireExisting(id: contact.firmId, db: db)
        if let personId = contact.personId {
            let firmId = try Persons.firmId(ofPerson: personId, db: db)
            guard firmId == contact.firmId else {
                throw ValidationError(field: "person", message: "person \(personId) belongs to firm \(firmId), not to firm \(contact.firmId)")
            }
        }
    }

    /// Saves an edited contact. A changed next contact moves its open follow-up task (or
    /// creates one when there is none yet).
    public static func update(_ contact: Contact, db: Database) throws {
        guard let id = contact.id else { preconditionFailure("only a stored contact can be updated") }
        try checkReferences(contact, db: db)
        try db.execute(sql: """
            UPDATE contact SET firm_id = ?, person_id = ?, date = ?, status = ?, done_at = ?, kind = ?, referent = ?, result = ?,
                               text = ?, note = ?, next_date = ?, next_task = ?, next_referent = ?, updated_at = ?
            WHERE id = ?
            """, arguments: StatementArguments(fieldValues(contact) + [Timestamp.now(), id]))
        guard let task = contact.followUpTask(taskKind: CodeListName.taskKind) else { return }
        let openTask = try Int64.fetchOne(db, sql: "SELECT id FROM contact WHERE origin_contact_id = ? AND status = 'task' AND done_at IS NULL", arguments: [id])
        if let openTask {
            try db.execute(sql: "UPDATE contact SET date = ?, referent = ?, text = ?, person_id = ?, updated_at = ? WHERE id = ?",
                           arguments: [task.date.iso, task.referent, task.text, task.personId, Timestamp.now(), openTask])
        } else {
            _ = try insert(task, db: db)
        }
    }

    public static func fetch(id: Int64, db: Database) throws -> ContactListing {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) \(from) WHERE c.id = ?"), arguments: [id]) else {
            throw StoreError.notFound(entity: "contact", id: String(id))
        }
        return decode(row)
    }

    /// How many contacts a filter selects (its limit aside).
    public static func count(_ filter: ContactFilter, db: Database) throws -> Int {
        let (whereClause, arguments) = conditions(filter)
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contact c \(whereClause)", arguments: StatementArguments(arguments)) ?? 0
    }

    /// Calls `body` with each matching contact, newest first.
    public static func forEach(_ filter: ContactFilter, db: Database, _ body: (ContactListing) throws -> Void) throws {
        var (whereClause, arguments) = conditions(filter)
        // Open tasks read best soonest first; history reads newest first.
        let order = filter.openTasksOnly ? "c.date, c.id" : "c.date DESC, c.id DESC"
        var sql = "SELECT \(columns) \(from) \(whereClause) ORDER BY \(order)"
        if let limit = filter.limit { sql += " LIMIT ?"; arguments.append(limit) }
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
        while let row = try rows.next() { try body(decode(row)) }
    }

    private static func conditions(_ filter: ContactFilter) -> (String, [DatabaseValueConvertible?]) {
        var conditions: [String] = []
        var arguments: [DatabaseValueConvertible?] = []
        if let firmId = filter.firmId { conditions.append("c.firm_id = ?"); arguments.append(firmId) }
        if let personId = filter.personId { conditions.append("c.person_id = ?"); arguments.append(personId) }
        if let referent = filter.referent { conditions.append("c.referent = ?"); arguments.append(referent) }
        if let kind = filter.kind { conditions.append("c.kind = ?"); arguments.append(kind) }
        if let from = filter.from { conditions.append("c.date >= ?"); arguments.append(from.iso) }
        // An end day includes contacts with a time on that day: compare against the next day.
        if let to = filter.to { conditions.append("c.date < ?"); arguments.append(to.adding(days: 1).iso) }
        if filter.openTasksOnly { conditions.append("c.status = 'task' AND c.done_at IS NULL") }
        if filter.excludingOpenTasks { conditions.append("NOT (c.status = 'task' AND c.done_at IS NULL)") }
        if let status = filter.status { conditions.append("c.status = ?"); arguments.append(status.rawValue) }
        if let before = filter.before { conditions.append("(c.date, c.id) < (?, ?)"); arguments += [before.date, before.id] }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    static func decode(_ row: Row) -> ContactListing {
        let next: NextContact? = {
            guard let date = (row[11] as String?).flatMap({ try? ContactDate(parsing: $0) }), let task: String = row[12] else { return nil }
            return NextContact(date: date, task: task, referent: row[13] ?? row[7])
        }()
        let contact = Contact(
            id: row[0], firmId: row[1], personId: row[2], date: (try? ContactDate(parsing: row[3])) ?? ContactDate(date: CivilDate(dayNumber: 0)),
            status: ContactStatus(rawValue: row[4]) ?? .contact, doneAt: (row[5] as String?).flatMap { try? ContactDate(parsing: $0) },
            kind: row[6], referent: row[7], result: row[8], text: row[9], note: row[10], next: next, originContactId: row[14])
        let personName: PersonName? = (row[18] as String?).map { PersonName(titleBefore: row[16], first: row[17], last: $0, titleAfter: row[19]) }
        return ContactListing(contact: contact, firmName: row[15], personName: personName)
    }

    /// Which of `ids` log an e-mail whose exact bytes are kept.
    public static func withMessages(_ ids: [Int64], db: Database) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        return Set(try Int64.fetchAll(db.cachedStatement(sql: "SELECT contact_id FROM sent_message WHERE contact_id IN (\(marks))"), arguments: StatementArguments(ids)))
    }

    /// Marks a task done.
    public static func markDone(id: Int64, at date: ContactDate, db: Database) throws {
        let contact = try fetch(id: id, db: db).contact
        guard contact.status == .task else {
            throw StoreError.conflict("contact \(id) is not a task, so it cannot be done; only tasks (status task) are")
        }
        guard contact.doneAt == nil else { throw StoreError.conflict("task \(id) was done already on \(contact.doneAt!.iso)") }
        try db.execute(sql: "UPDATE contact SET done_at = ?, updated_at = ? WHERE id = ?", arguments: [date.iso, Timestamp.now(), id])
    }

    /// Removes a contact, leaving its snapshot and the reason in `contact_removal`.
    public static func remove(id: Int64, reason: String?, db: Database) throws {
        _ = try fetch(id: id, db: db)
        try recordRemoval(where: "id = ?", arguments: [id], reason: reason, db: db)
        try db.execute(sql: "DELETE FROM contact WHERE id = ?", arguments: [id])
    }

    static func recordRemoval(where condition: String, arguments: StatementArguments, reason: String?, db: Database) throws {
        try db.execute(sql: """
            INSERT INTO contact_removal(contact_id, firm_id, removed_at, reason, snapshot)
            SELECT id, firm_id, ?, ?, json_object(
                'id', id, 'firmId', firm_id, 'personId', person_id, 'date', date, 'status', status, 'doneAt', done_at,
                'kind', kind, 'referent', referent, 'result', result, 'text', text, 'note', note,
                'nextDate', next_date, 'nextTask', next_task, 'nextReferent', next_referent, 'createdAt', created_at)
            FROM contact WHERE \(condition)
            """, arguments: [Timestamp.now(), reason] + arguments)
    }
}
