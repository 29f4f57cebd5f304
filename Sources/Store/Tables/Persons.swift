// Persons in the database: insert, update, fetch, stream in Czech order, remove.

import CRM
import GRDB

/// A person with the name of their firm, as lists and cards show them.
public struct PersonListing: Sendable {
    public var person: Person
    public var firmName: String
}

public enum Persons {
    static let columns = "p.id, p.firm_id, p.title_before, p.first, p.last, p.title_after, p.gender, p.function, p.email, p.phone, p.mobile, p.note, p.email_consent, f.name, p.street, p.city, p.zip, p.country"
    static let columnCount = 18

    @discardableResult
    public static func insert(_ person: Person, schema: AttributeSchema, db: Database) throws -> Int64 {
        try Writer(schema: schema, db: db).insert(person)
    }

    /// Inserts many persons with statements prepared once (an import's rows).
    ///
    /// Rows are written in groups of `groupSize` (call `flush` at the end). So that a person's
    /// id is known before its row is written, the writer assigns ids itself, from max(id) + 1
    /// on as SQLite would; inside the write transaction no other writer can take them (one
    /// that committed since this transaction began makes SQLite refuse the first write).
    public final class Writer {
        private static let columns = ["id", "firm_id", "title_before", "first", "last", "title_after", "sort_key", "gender",
                                      "function", "email", "phone", "mobile", "note", "email_consent", "street", "city", "zip", "country",
                                      "created_at", "updated_at"]
        private let people: BatchedInsert
        private let attributes: AttributeValueWriter
        private let groupSize: Int
        private let db: Database
        private let now = Timestamp.now().databaseValue
        private var nextId: Int64?

        /// - Parameter groupSize: 1 writes each person at once, so a database error names it.
        public init(schema: AttributeSchema, db: Database, groupSize: Int = 1) throws {
            self.db = db
            self.groupSize = groupSize
            people = try BatchedInsert(db: db, table: "person", columns: Writer.columns, groupSize: groupSize)
            attributes = try AttributeValueWriter(.person, schema: schema, db: db, groupSize: groupSize)
        }

        /// - Parameter sortKey: `Persons.sortKey(for:)` of the person, when the caller computed
        ///   it already (an import does so on another core).
        @discardableResult
        public func insert(_ person: Person, sortKey: String? = nil) throws -> Int64 {
            let id = try nextId ?? (Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM person") ?? 1)
            nextId = id + 1
            people.add([id.databaseValue] + fieldValues(person, sortKey: sortKey) + [now, now])
            try attributes.add(owner: id, values: person.attributes)
            if people.pendingRows >= groupSize { try flush() }
            return id
        }

        /// Writes what is queued: the persons first, since their attributes refer to them.
        public func flush() throws {
            try people.flush()
            try attributes.rows.flush()
        }
    }

    public static func update(_ person: Person, schema: AttributeSchema, db: Database) throws {
        guard let id = person.id else { preconditionFailure("only a stored person can be updated") }
        try db.execute(sql: """
            UPDATE person SET firm_id = ?, title_before = ?, first = ?, last = ?, title_after = ?, sort_key = ?, gender = ?,
                              function = ?, email = ?, phone = ?, mobile = ?, note = ?, email_consent = ?,
                              street = ?, city = ?, zip = ?, country = ?, updated_at = ?
            WHERE id = ?
            """, arguments: StatementArguments(fieldValues(person) + [Timestamp.now().databaseValue, id.databaseValue]))
        try AttributeValues.person.replace(owner: id, values: person.attributes, schema: schema, db: db)
    }

    /// Withdraws a person's e-mail consent (an unsubscribe): their firm when it was given,
    /// nil when it was not or the person no longer exists — so a second click changes nothing.
    public static func revokeEmailConsent(id: Int64, db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "UPDATE person SET email_consent = 0, updated_at = ? WHERE id = ? AND email_consent = 1 RETURNING firm_id",
                           arguments: [Timestamp.now().databaseValue, id])
    }

    /// Persons sort by last name, then first name, in Czech order.
    public static func sortKey(for name: PersonName) -> String {
        CzechCollation.sortKey(name.last + " " + name.first)
    }

    /// The person's columns in the order of the INSERT and UPDATE statements.
    private static func fieldValues(_ person: Person, sortKey: String? = nil) -> [DatabaseValue] {
        let name = person.name
        return [person.firmId.databaseValue, name.titleBefore.databaseValue, name.first.databaseValue, name.last.databaseValue,
                name.titleAfter.databaseValue, (sortKey ?? Persons.sortKey(for: name)).databaseValue,
                person.gender.rawValue.databaseValue, person.function.databaseValue, person.email?.value.databaseValue ?? .null,
                person.phone.databaseValue, person.mobile.databaseValue, person.note.databaseValue, person.emailConsent.databaseValue,
                person.address?.street.databaseValue ?? .null, person.address?.city.databaseValue ?? .null,
                person.address?.zip.databaseValue ?? .null, person.address.map { $0.country.code.databaseValue } ?? .null]
    }

    public static func fetch(id: Int64, schema: AttributeSchema, db: Database) throws -> PersonListing {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM person p JOIN firm f ON f.id = p.firm_id WHERE p.id = ?"), arguments: [id]) else {
            throw StoreError.notFound(entity: "person", id: String(id))
        }
        var listing = decode(row)
        listing.person.attributes = try AttributeValues.person.fetch(owner: id, schema: schema, db: db)
        return listing
    }

    /// Calls `body` with each person (of one firm, or all; those a filter selects, the first
    /// `limit` of them) in Czech order of last and first name, attributes included, streaming.
    /// `byFirm` orders by firm and then by id instead (the order persons were recorded in), for
    /// callers that load each firm once.
    /// - Parameter anyFirst: with a limit, the first persons found (shown in Czech order), not
    ///   the first in Czech order: a preview that stops early.
    public static func forEach(firmId: Int64? = nil, filter: RowFilter? = nil, limit: Int? = nil, byFirm: Bool = false, anyFirst: Bool = false,
                               schema: AttributeSchema, db: Database, _ body: (PersonListing) throws -> Void) throws {
        let decoder = AttributeDecoder(.person, schema: schema)
        let values = decoder.selectList(alias: "pv")
        let rows: RowCursor
        if filter == nil && limit == nil && !byFirm {
            rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT \(columns)\(values)
                FROM person p JOIN firm f ON f.id = p.firm_id LEFT JOIN person_values pv ON pv.person_id = p.id
                \(firmId == nil ? "" : "WHERE p.firm_id = ?")
                ORDER BY p.sort_key, p.id
                """), arguments: firmId.map { [$0] } ?? [])
        } else {
            // The selection is ordered and cut first, on the narrow index columns; only the
            // chosen persons are then read whole, with their attributes.
            let selection = Selection.persons(firmId: firmId, filter: filter, limit: limit, byFirm: byFirm, anyFirst: anyFirst)
            rows = try Row.fetchCursor(db, sql: """
                SELECT \(columns)\(values)
                FROM (\(selection.sql)) chosen
                JOIN person p ON p.id = chosen.id JOIN firm f ON f.id = p.firm_id LEFT JOIN person_values pv ON pv.person_id = p.id
                ORDER BY \(byFirm ? "p.firm_id, p.id" : "p.sort_key, p.id")
                """, arguments: StatementArguments(selection.arguments))
        }
        while let row = try rows.next() {
            var listing = decode(row)
            listing.person.attributes = decoder.decode(row, from: columnCount)
            try body(listing)
        }
    }

    static func decode(_ row: Row) -> PersonListing {
        let name = PersonName(titleBefore: row[2], first: row[3], last: row[4], titleAfter: row[5])
        let person = Person(id: row[0], firmId: row[1], name: name, gender: Gender(rawValue: row[6]) ?? .unknown, function: row[7],
                            email: (row[8] as String?).map(EmailAddress.init(stored:)), phone: row[9], mobile: row[10],
                            note: row[11], emailConsent: row[12])
        var listing = PersonListing(person: person, firmName: row[13])
        if let city: String = row[15] {
            listing.person.address = PostalAddress(street: row[14], city: city, zip: row[16], country: Country((row[17] as String?) ?? "CZ"))
        }
        return listing
    }

    /// The firm a person belongs to, or an error naming the person.
    public static func firmId(ofPerson id: Int64, db: Database) throws -> Int64 {
        guard let firmId = try Int64.fetchOne(db, sql: "SELECT firm_id FROM person WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound(entity: "person", id: String(id))
        }
        return firmId
    }

    /// Ids of a firm's persons by lower-cased e-mail and by "first last", for imports.
    /// Every person's id by lower-cased e-mail (the first, should two share one).
    /// A person's firm and name folded (case, diacritics, spacing aside): how an import row
    /// without an e-mail tells that its person is one the CRM has.
    public static func nameInFirmKey(firmId: Int64, first: String?, last: String) -> String {
        "\(firmId)|" + Folding.fold(first ?? "") + "|" + Folding.fold(last)
    }

    public static func idsByNameInFirm(db: Database) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT firm_id, first, last, id FROM person ORDER BY id") {
            let key = nameInFirmKey(firmId: row[0], first: row[1], last: row[2])
            if ids[key] == nil { ids[key] = row[3] }
        }
        return ids
    }

    /// The persons with this address, whatever its case, in id order (through person_by_email).
    public static func ids(withEmail email: String, db: Database) throws -> [Int64] {
        try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM person WHERE email = ? COLLATE NOCASE ORDER BY id"), arguments: [email])
    }

    public static func idsByEmail(db: Database) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT lower(email), id FROM person WHERE email IS NOT NULL ORDER BY id") {
            let email: String = row[0]
            if ids[email] == nil { ids[email] = row[1] }
        }
        return ids
    }

    public static func lookup(db: Database) throws -> PersonLookup {
        var lookup = PersonLookup()
        for row in try Row.fetchAll(db, sql: "SELECT id, firm_id, first, last, email FROM person") {
            lookup.add(id: row[0], firmId: row[1], first: row[2], last: row[3], email: row[4])
        }
        return lookup
    }

    /// Removes a person. One with contacts goes only with `force`; the contacts stay with the
    /// firm (their person cleared), since they are the firm's history too.
    public static func remove(id: Int64, force: Bool, db: Database) throws {
        _ = try firmId(ofPerson: id, db: db)
        let contacts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contact WHERE person_id = ?", arguments: [id]) ?? 0
        if contacts > 0 && !force {
            throw StoreError.conflict("person \(id) has \(contacts) contact(s); repeat with --force to remove the person and keep those contacts with the firm only")
        }
        try db.execute(sql: "UPDATE contact SET person_id = NULL, updated_at = ? WHERE person_id = ?", arguments: [Timestamp.now(), id])
        try db.execute(sql: "DELETE FROM person WHERE id = ?", arguments: [id])
    }
}

/// Finds a firm's person by e-mail or by name, as the contact import refers to them.
public struct PersonLookup: Sendable {
    private var byEmail: [String: [(id: Int64, firmId: Int64)]] = [:]
    private var byName: [String: [(id: Int64, firmId: Int64)]] = [:]

    public init() {}

    public mutating func add(id: Int64, firmId: Int64, first: String, last: String, email: String?) {
        if let email { byEmail[email.lowercased(), default: []].append((id, firmId)) }
        byName[Folding.fold(first + " " + last), default: []].append((id, firmId))
    }

    /// The persons of `firmId` matching `reference` (an e-mail, or "first last").
    public func find(_ reference: String, firmId: Int64) -> [Int64] {
        let key = reference.trimmingSpaces
        let candidates = key.contains("@") ? byEmail[key.lowercased()] : byName[Folding.fold(key)]
        return (candidates ?? []).filter { $0.firmId == firmId }.map(\.id)
    }
}
