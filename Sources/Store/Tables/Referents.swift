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
        try Row.fetchAll(db, sql: "SELECT code, name, email, active FROM referent").map(decode).sorted(byCzech: \.code)
    }

    public static func fetch(code: String, db: Database) throws -> Referent? {
        try Row.fetchOne(db, sql: "SELECT code, name, email, active FROM referent WHERE code = ?", arguments: [code]).map(decode)
    }

    /// The referent `code`, or an error naming the known ones.
    public static func existing(code: String, db: Database) throws -> Referent {
        guard let referent = try fetch(code: code, db: db) else {
            let codes = try all(db: db).map(\.code)
            throw StoreError.notFound(entity: "referent", id: "\"\(code)\"" + (codes.isEmpty ? "" : " (known: \(codes.joined(separator: ", ")))"))
        }
        return referent
    }

    /// A new name or e-mail; the code, which history refers to, stays.
    public static func edit(code: String, name: String?, email: EmailAddress??, db: Database) throws {
        _ = try existing(code: code, db: db)
        if let name {
            guard !name.trimmingSpaces.isEmpty else { throw ValidationError(field: "--name", message: "a referent needs a name") }
            try db.execute(sql: "UPDATE referent SET name = ? WHERE code = ?", arguments: [name, code])
        }
        if let email { try db.execute(sql: "UPDATE referent SET email = ? WHERE code = ?", arguments: [email?.value, code]) }
    }

    /// Marks the referent as left (or back); their contacts and reports keep their name.
    public static func setActive(_ active: Bool, code: String, db: Database) throws {
        _ = try existing(code: code, db: db)
        try db.execute(sql: "UPDATE referent SET active = ? WHERE code = ?", arguments: [active, code])
    }

    /// Gives `from`'s open tasks to `to` (an active referent); returns how many. Done tasks and
    /// contacts are history and stay `from`'s.
    public static func reassignOpenTasks(from: String, to: String, db: Database) throws -> Int {
        _ = try existing(code: from, db: db)
        let target = try existing(code: to, db: db)
        guard target.active else { throw ValidationError(field: "--reassign-to", message: "referent \(to) has left: give an active referent") }
        guard from != to else { throw ValidationError(field: "--reassign-to", message: "the tasks are \(from)'s already") }
        try db.execute(sql: "UPDATE contact SET referent = ? WHERE referent = ? AND status = 'task' AND done_at IS NULL", arguments: [to, from])
        return db.changesCount
    }

    /// How many open tasks the referent has.
    public static func openTaskCount(code: String, db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM contact WHERE referent = ? AND status = 'task' AND done_at IS NULL", arguments: [code]) ?? 0
    }

    private static func decode(_ row: Row) -> Referent {
        Referent(code: row[0], name: row[1], email: (row[2] as String?).map(EmailAddress.init(stored:)), active: row[3])
    }
}
