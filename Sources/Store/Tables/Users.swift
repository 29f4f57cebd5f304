// The people who log in to the workspace: a login, the referent they act as, a role, and a
// bcrypt hash of their password (hashing is the caller's; the store never sees a password).

import CRM
import GRDB

public struct UserAccount: Sendable, Equatable {
    public var id: Int64
    public var login: String
    public var referent: String
    public var role: UserRole
    public var passwordHash: String
    public var disabledAt: String?
    public var createdAt: String
    public var passwordChangedAt: String

    public var isDisabled: Bool { disabledAt != nil }
}

public enum Users {
    static let columns = "id, login, referent, role, password_hash, disabled_at, created_at, password_changed_at"

    @discardableResult
    public static func add(login: String, referent: String, role: UserRole, passwordHash: String, db: Database) throws -> Int64 {
        if try fetch(login: login, db: db) != nil {
            throw StoreError.conflict("there is a user \(login) already; change the password with `kontakt user passwd \(login)`")
        }
        _ = try Referents.existing(code: referent, db: db)
        let now = Timestamp.now()
        try db.execute(sql: """
            INSERT INTO app_user(login, referent, role, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [login, referent, role.rawValue, passwordHash, now, now])
        return db.lastInsertedRowID
    }

    public static func fetch(login: String, db: Database) throws -> UserAccount? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM app_user WHERE login = ?", arguments: [login]).map(decode)
    }

    public static func fetch(id: Int64, db: Database) throws -> UserAccount? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM app_user WHERE id = ?"), arguments: [id]).map(decode)
    }

    /// The user `login`, or an error that lists the logins there are.
    public static func existing(login: String, db: Database) throws -> UserAccount {
        if let user = try fetch(login: login, db: db) { return user }
        let logins = try String.fetchAll(db, sql: "SELECT login FROM app_user ORDER BY login")
        throw StoreError.notFound(entity: "user", id: login + (logins.isEmpty ? " (there are no users yet; add one with `kontakt user add`)" : " (users: \(logins.joined(separator: ", ")))"))
    }

    public static func all(db: Database) throws -> [UserAccount] {
        try Row.fetchAll(db, sql: "SELECT \(columns) FROM app_user ORDER BY login").map(decode)
    }

    /// A new password ends every session and token of the user: whoever knew the old one is out.
    public static func setPassword(login: String, passwordHash: String, db: Database) throws {
        let user = try existing(login: login, db: db)
        try db.execute(sql: "UPDATE app_user SET password_hash = ?, password_changed_at = ? WHERE id = ?", arguments: [passwordHash, Timestamp.now(), user.id])
        try WebSessions.endAll(userId: user.id, db: db)
    }

    /// Disabling ends the user's sessions and revokes its tokens; enabling gives neither back.
    public static func setDisabled(_ disabled: Bool, login: String, db: Database) throws {
        let user = try existing(login: login, db: db)
        try db.execute(sql: "UPDATE app_user SET disabled_at = ? WHERE id = ?", arguments: [disabled ? Timestamp.now() : nil, user.id])
        if disabled {
            try WebSessions.endAll(userId: user.id, db: db)
            try APITokens.revokeAll(userId: user.id, db: db)
        }
    }

    public static func setRole(_ role: UserRole, login: String, db: Database) throws {
        let user = try existing(login: login, db: db)
        try db.execute(sql: "UPDATE app_user SET role = ? WHERE id = ?", arguments: [role.rawValue, user.id])
    }

    static func decode(_ row: Row) -> UserAccount {
        UserAccount(id: row[0], login: row[1], referent: row[2], role: UserRole(rawValue: row[3]) ?? .sales, passwordHash: row[4],
                    disabledAt: row[5], createdAt: row[6], passwordChangedAt: row[7])
    }
}
