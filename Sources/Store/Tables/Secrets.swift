// Keys Kontakt signs with, made on first use from the system's random source and kept in the
// database, so every process on the same file signs and verifies alike.

import Foundation
import GRDB

public enum Secrets {
    /// The key `name`, 32 random bytes, created when it does not exist yet.
    public static func key(named name: String, db: Database) throws -> [UInt8] {
        if let existing = try existingKey(named: name, db: db) { return existing }
        var generator = SystemRandomNumberGenerator()
        let key = (0 ..< 32).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
        try db.execute(sql: "INSERT INTO secret(name, value) VALUES (?, ?)", arguments: [name, Data(key)])
        return key
    }

    /// The key `name` if it was made already (a read-only command cannot make one).
    public static func existingKey(named name: String, db: Database) throws -> [UInt8]? {
        try Data.fetchOne(db, sql: "SELECT value FROM secret WHERE name = ?", arguments: [name]).map { Array($0) }
    }
}
