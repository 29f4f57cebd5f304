// Firms in the database: insert, update, fetch, stream in Czech order, remove.

import CRM
import GRDB

public enum Firms {
    static let columns = "f.id, f.name, f.ico, f.dic, f.is_customer, f.is_prospect, f.is_supplier, f.street, f.city, f.zip, f.country, f.email, f.phone, f.web, f.note"
    static let columnCount = 15

    @discardableResult
    public static func insert(_ firm: Firm, schema: AttributeSchema, db: Database) throws -> Int64 {
        try Writer(schema: schema, db: db).insert(firm)
    }

    /// Inserts many firms with statements prepared once (an import's rows).
    public struct Writer {
        private let insertFirm: BoundStatement
        private let attributes: AttributeValueWriter
        private let db: Database
        private let now = Timestamp.now()

        public init(schema: AttributeSchema, db: Database) throws {
            self.db = db
            insertFirm = try BoundStatement(db: db, sql: """
                INSERT INTO firm(name, sort_key, ico, dic, is_customer, is_prospect, is_supplier, street, city, zip, country,
                                 email, phone, web, note, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            attributes = try AttributeValueWriter(.firm, schema: schema, db: db, groupSize: 1)
        }

        @discardableResult
        public func insert(_ firm: Firm) throws -> Int64 {
            try checkUniqueIco(firm, db: db)
            insertFirm.bind(fieldValues(firm) + [now.databaseValue, now.databaseValue])
            try insertFirm.execute()
            let id = db.lastInsertedRowID
            try attributes.add(owner: id, values: firm.attributes)
            try attributes.rows.flush()
            return id
        }
    }

    public static func update(_ firm: Firm, schema: AttributeSchema, db: Database) throws {
        guard let id = firm.id else { preconditionFailure("only a stored firm can be updated") }
        try checkUniqueIco(firm, db: db)
        try db.execute(sql: """
            UPDATE firm SET name = ?, sort_key = ?, ico = ?, dic = ?, is_customer = ?, is_prospect = ?, is_supplier = ?,
                            street = ?, city = ?, zip = ?, country = ?, email = ?, phone = ?, web = ?, note = ?, updated_at = ?
            WHERE id = ?
            """, arguments: StatementArguments(fieldValues(firm) + [Timestamp.now().databaseValue, id.databaseValue]))
        try AttributeValues.firm.replace(owner: id, values: firm.attributes, schema: schema, db: db)
    }

    /// The firm's columns in the order of the INSERT and UPDATE statements.
    private static func fieldValues(_ firm: Firm) -> [DatabaseValue] {
        [firm.name.databaseValue, CzechCollation.sortKey(firm.name).databaseValue, firm.ico?.digits.databaseValue ?? .null,
         firm.dic?.value.databaseValue ?? .null, firm.roles.contains(.customer).databaseValue, firm.roles.contains(.prospect).databaseValue,
         firm.roles.contains(.supplier).databaseValue, firm.address.street.databaseValue, firm.address.city.databaseValue,
         firm.address.zip.databaseValue, firm.address.country.code.databaseValue, firm.email?.value.databaseValue ?? .null,
         firm.phone.databaseValue, firm.web.databaseValue, firm.note.databaseValue]
    }

    private static func checkUniqueIco(_ firm: Firm, db: Database) throws {
        guard let ico = firm.ico else { return }
        if let row = try Row.fetchOne(db, sql: "SELECT id, name FROM firm WHERE ico = ? AND id IS NOT ?", arguments: [ico.digits, firm.id]) {
            throw ValidationError(field: "ico", message: "the IČO \(ico) belongs to firm \(row[0] as Int64) \"\(row[1] as String)\" already")
        }
    }

    public static func fetch(id: Int64, schema: AttributeSchema, db: Database) throws -> Firm {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM firm f WHERE f.id = ?"), arguments: [id]) else {
            throw StoreError.notFound(entity: "firm", id: String(id))
        }
        var firm = decode(row)
        firm.attributes = try AttributeValues.firm.fetch(owner: id, schema: schema, db: db)
        return firm
    }

    public static func exists(id: Int64, db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM firm WHERE id = ?", arguments: [id]) == true
    }

    /// Throws "there is no firm ID" unless the firm exists.
    public static func requireExisting(id: Int64, db: Database) throws {
        guard try exists(id: id, db: db) else { throw StoreError.notFound(entity: "firm", id: String(id)) }
    }

    /// Firm ids by IČO or exact name, for imports that refer to firms.
    public static func idsByIco(db: Database) throws -> [String: Int64] {
        Dictionary(try Row.fetchAll(db, sql: "SELECT ico, id FROM firm WHERE ico IS NOT NULL").map { ($0[0], $0[1]) }, uniquingKeysWith: { a, _ in a })
    }

    /// A firm's name and town folded (case, diacritics, spacing aside): how an import without an
    /// IČO tells that a row's firm is one the CRM has.
    public static func nameAndTownKey(_ firm: Firm) -> String {
        Folding.fold(firm.name) + "|" + Folding.fold(firm.address.city ?? "")
    }

    public static func idsByNameAndTown(db: Database) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, city, id FROM firm ORDER BY id") {
            let key = Folding.fold(row[0] as String) + "|" + Folding.fold((row[1] as String?) ?? "")
            if ids[key] == nil { ids[key] = row[2] }
        }
        return ids
    }

    public static func idsByName(db: Database) throws -> [String: [Int64]] {
        var ids: [String: [Int64]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, id FROM firm ORDER BY id") { ids[row[0], default: []].append(row[1]) }
        return ids
    }

    /// Calls `body` with each firm (those a filter selects, the first `limit` of them) in Czech
    /// alphabetical order, attributes included, without holding them all in memory.
    /// - Parameter anyFirst: as for persons: the first found, shown in Czech order.
    public static func forEach(filter: RowFilter? = nil, limit: Int? = nil, anyFirst: Bool = false, schema: AttributeSchema, db: Database,
                               _ body: (Firm) throws -> Void) throws {
        let decoder = AttributeDecoder(.firm, schema: schema)
        let values = decoder.selectList(alias: "fv")
        let rows: RowCursor
        if filter == nil && limit == nil {
            rows = try Row.fetchCursor(db, sql: """
                SELECT \(columns)\(values)
                FROM firm f LEFT JOIN firm_values fv ON fv.firm_id = f.id
                ORDER BY f.sort_key, f.id
                """)
        } else {
            let selection = Selection.firms(filter: filter, limit: limit, anyFirst: anyFirst)
            rows = try Row.fetchCursor(db, sql: """
                SELECT \(columns)\(values)
                FROM (\(selection.sql)) chosen
                JOIN firm f ON f.id = chosen.id LEFT JOIN firm_values fv ON fv.firm_id = f.id
                ORDER BY f.sort_key, f.id
                """, arguments: StatementArguments(selection.arguments))
        }
        while let row = try rows.next() {
            var firm = decode(row)
            firm.attributes = decoder.decode(row, from: columnCount)
            try body(firm)
        }
    }

    /// One page of the firm list: up to `limit` firms after `after` in Czech order, each with
    /// its position (the cursor of the next page).
    public static func page(filter: RowFilter?, after: ListPosition?, limit: Int, schema: AttributeSchema, db: Database) throws -> [(firm: Firm, position: ListPosition)] {
        let decoder = AttributeDecoder(.firm, schema: schema)
        let selection = Selection.firms(filter: filter, after: after, limit: limit)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT \(columns)\(decoder.selectList(alias: "fv")), f.sort_key
            FROM (\(selection.sql)) chosen
            JOIN firm f ON f.id = chosen.id LEFT JOIN firm_values fv ON fv.firm_id = f.id
            ORDER BY f.sort_key, f.id
            """, arguments: StatementArguments(selection.arguments))
        var page: [(firm: Firm, position: ListPosition)] = []
        while let row = try rows.next() {
            var firm = decode(row)
            firm.attributes = decoder.decode(row, from: columnCount)
            page.append((firm, ListPosition(sortKey: row[row.count - 1], id: firm.id ?? 0)))
        }
        return page
    }

    static func decode(_ row: Row) -> Firm {
        var roles: [Role] = []
        if row[4] as Bool { roles.append(.customer) }
        if row[5] as Bool { roles.append(.prospect) }
        if row[6] as Bool { roles.append(.supplier) }
        return Firm(id: row[0], name: row[1], ico: (row[2] as String?).map(ICO.init(stored:)), dic: (row[3] as String?).flatMap { try? DIC($0) },
                    roles: roles, address: PostalAddress(street: row[7], city: row[8], zip: row[9], country: Country(row[10] as String?)),
                    email: (row[11] as String?).map(EmailAddress.init(stored:)), phone: row[12], web: row[13], note: row[14])
    }

    /// Removes a firm. One with persons or contacts goes only with `force`, and each of its
    /// contacts leaves a snapshot in `contact_removal`.
    public static func remove(id: Int64, force: Bool, reason: String?, db: Database) throws {
        try requireExisting(id: id, db: db)
        let persons = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person WHERE firm_id = ?", arguments: [id]) ?? 0
        let contacts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contact WHERE firm_id = ?", arguments: [id]) ?? 0
        if (persons > 0 || contacts > 0) && !force {
            throw StoreError.conflict("firm \(id) has \(persons) person(s) and \(contacts) contact(s) in its history; removing it removes them too: repeat with --force to do so (the contacts are recorded as removed)")
        }
        try Contacts.recordRemoval(where: "firm_id = ?", arguments: [id], reason: reason ?? "firm \(id) removed", db: db)
        try db.execute(sql: "UPDATE contact SET origin_contact_id = NULL WHERE firm_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM contact WHERE firm_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM person WHERE firm_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM firm WHERE id = ?", arguments: [id])
    }
}
