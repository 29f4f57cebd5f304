// Browser sessions, kept in the database so they survive a restart of the server. Only the
// SHA-256 of a session's cookie is stored: a copy of the file logs nobody in.

import Foundation
import GRDB

public struct WebSessionRecord: Sendable, Equatable {
    public var userId: Int64
    /// Seconds since 1970.
    public var createdAt: Double
    public var lastSeenAt: Double
}

public enum WebSessions {
    public static func create(tokenHash: [UInt8], userId: Int64, now: Double, db: Database) throws {
        try db.execute(sql: "INSERT INTO web_session(token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
                       arguments: [Data(tokenHash), userId, now, now])
    }

    public static func fetch(tokenHash: [UInt8], db: Database) throws -> WebSessionRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT user_id, created_at, last_seen_at FROM web_session WHERE token_hash = ?"), arguments: [Data(tokenHash)])
            .map { WebSessionRecord(userId: $0[0], createdAt: $0[1], lastSeenAt: $0[2]) }
    }

    public static func touch(tokenHash: [UInt8], now: Double, db: Database) throws {
        try db.cachedStatement(sql: "UPDATE web_session SET last_seen_at = ? WHERE token_hash = ?").execute(arguments: [now, Data(tokenHash)])
    }

    public static func end(tokenHash: [UInt8], db: Database) throws {
        try db.execute(sql: "DELETE FROM web_session WHERE token_hash = ?", arguments: [Data(tokenHash)])
    }

    public static func endAll(userId: Int64, db: Database) throws {
        try db.execute(sql: "DELETE FROM web_session WHERE user_id = ?", arguments: [userId])
    }

    /// Removes sessions idle since `idleBefore` or begun before `createdBefore`.
    @discardableResult
    public static func removeExpired(idleBefore: Double, createdBefore: Double, db: Database) throws -> Int {
        try db.execute(sql: "DELETE FROM web_session WHERE last_seen_at < ? OR created_at < ?", arguments: [idleBefore, createdBefore])
        return db.changesCount
    }

    public static func count(userId: Int64, db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM web_session WHERE user_id = ?", arguments: [userId]) ?? 0
    }
}

/// Bearer tokens for the JSON API, stored as their SHA-256.
public enum APITokens {
    public static func add(tokenHash: [UInt8], userId: Int64, db: Database) throws {
        try db.execute(sql: "INSERT INTO api_token(token_hash, user_id, created_at) VALUES (?, ?, ?)",
                       arguments: [Data(tokenHash), userId, Timestamp.now()])
    }

    /// The user a token belongs to.
    public static func userId(tokenHash: [UInt8], db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT user_id FROM api_token WHERE token_hash = ?"), arguments: [Data(tokenHash)])
    }

    public static func revokeAll(userId: Int64, db: Database) throws {
        try db.execute(sql: "DELETE FROM api_token WHERE user_id = ?", arguments: [userId])
    }

    public static func count(userId: Int64, db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM api_token WHERE user_id = ?", arguments: [userId]) ?? 0
    }
}
