// Referents (salespeople) in the database.

import CRM
import GRDB

public enum Referents {
    public static func add(_ referent: Referent, db: Database) throws {
        try Referent.validateCode(referent.code)
        if try fetch(code: referent.code, db: db) != nil {
            throw StoreError.conflict("the referent \"\(referent.code)\" exists already")
        }
        try db.execute(sql: "INSERT INTO referent(code, name, email) VALUES (?, ?, ?)",
                       arguments: [referent.code, referent.name, referent.email?.value])
    }

    public static func all(db: Database) throws -> [Referent] {
        // In Czech order, case aside (KM after horak), as every listing.
        try Row.fetchAll(db, sql: "SELECT code, name, email FROM referent").map(decode).sorted(byCzech: \.code)
    }

    public static func fetch(code: String, db: Database) throws -> Referent? {
        try Row.fetchOne(db, sql: "SELECT code, name, email FROM referent WHERE code = ?", arguments: [code]).map(decode)
    }

    private static func decode(_ row: Row) -> Referent {
        Referent(code: row[0], name: row[1], email: (row[2] as String?).map(EmailAddress.init(stored:)))
    }
}
