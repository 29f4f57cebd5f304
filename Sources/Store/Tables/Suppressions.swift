// The suppression list: addresses no campaign sends to any more, each with why and since when —
// a hard bounce, too many soft bounces, a complaint, a permanent refusal at RCPT, or an entry
// made by hand (`kontakt suppression add`). Rendering and sending skip them with the reason.

import GRDB

public struct Suppression: Sendable, Equatable {
    public enum Reason: String, Sendable, CaseIterable {
        case hardBounce = "hard-bounce"
        case softBounces = "soft-bounces"
        case complaint
        /// The server refused the address for good while the message was being sent (550 5.1.1).
        case rejected
        case manual

        /// The words a skipped recipient's reason uses.
        public var described: String {
            switch self {
            case .hardBounce: return "hard bounce"
            case .softBounces: return "repeated soft bounces"
            case .complaint: return "spam complaint"
            case .rejected: return "refused by the server as unknown"
            case .manual: return "added by hand"
            }
        }
    }

    public let address: String
    public let reason: Reason
    /// The server's diagnostic, or the note of whoever added it.
    public let detail: String?
    public let personId: Int64?
    public let campaignId: Int64?
    /// Who or what put it there: the bounce message's key, a campaign, a user.
    public let source: String
    public let since: String

    public init(address: String, reason: Reason, detail: String?, personId: Int64?, campaignId: Int64?, source: String, since: String) {
        self.address = address.lowercased()
        self.reason = reason
        self.detail = detail
        self.personId = personId
        self.campaignId = campaignId
        self.source = source
        self.since = since
    }

    /// `suppressed since 2026-12-02 (hard bounce: 550 5.1.1 user unknown)`, for a skip reason.
    public var skipReason: String {
        "the address \(address) is suppressed since \(since.prefix(10)) (\(reason.described)" + (detail.map { ": \($0)" } ?? "") + ")"
    }
}

public enum Suppressions {
    /// Adds the address; one already listed keeps its first reason and date (the earliest is
    /// what explains the skips since). Returns whether it was new.
    @discardableResult
    public static func add(_ entry: Suppression, db: Database) throws -> Bool {
        try db.cachedStatement(sql: """
            INSERT INTO suppression(address, reason, detail, person_id, campaign_id, source, since) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(address) DO NOTHING
            """).execute(arguments: [entry.address, entry.reason.rawValue, entry.detail, entry.personId, entry.campaignId, entry.source, entry.since])
        return db.changesCount > 0
    }

    /// Removes the address; whether it was listed.
    @discardableResult
    public static func remove(address: String, db: Database) throws -> Bool {
        try db.execute(sql: "DELETE FROM suppression WHERE address = ?", arguments: [address.lowercased()])
        return db.changesCount > 0
    }

    public static func entry(address: String, db: Database) throws -> Suppression? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM suppression WHERE address = ?"), arguments: [address.lowercased()]).map(suppression)
    }

    /// The list in address order, optionally of one reason, a page at a time.
    public static func list(reason: Suppression.Reason? = nil, after address: String = "", limit: Int = 1000, db: Database) throws -> [Suppression] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM suppression WHERE address > ? AND (? IS NULL OR reason = ?) ORDER BY address LIMIT ?
            """, arguments: [address.lowercased(), reason?.rawValue, reason?.rawValue, limit]).map(suppression)
    }

    public static func count(db: Database) throws -> [Suppression.Reason: Int] {
        var counts: [Suppression.Reason: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT reason, COUNT(*) AS n FROM suppression GROUP BY reason") {
            if let reason = Suppression.Reason(rawValue: row["reason"]) { counts[reason] = row["n"] }
        }
        return counts
    }

    private static func suppression(_ row: Row) -> Suppression {
        Suppression(address: row["address"], reason: Suppression.Reason(rawValue: row["reason"]) ?? .manual, detail: row["detail"],
                    personId: row["person_id"], campaignId: row["campaign_id"], source: row["source"], since: row["since"])
    }
}
