// The lease one process holds on a campaign while it renders or sends it: a row with the
// holder, taken and renewed inside the same write transactions as the journal's, so that it
// works across processes (and, later, across the web server's background tasks).

import GRDB

/// Who holds a campaign's lease, as stored.
public struct LeaseHolder: Sendable, Equatable {
    /// A random token of the holding run.
    public let owner: String
    /// `send` or `render`.
    public let purpose: String
    public let process: Int32
    public let host: String
    public let takenAt: String
    /// Seconds since 1970 after which the lease is free for anyone.
    public let expires: Double

    public init(owner: String, purpose: String, process: Int32, host: String, takenAt: String, expires: Double) {
        self.owner = owner; self.purpose = purpose; self.process = process; self.host = host
        self.takenAt = takenAt; self.expires = expires
    }
}

public enum CampaignLeases {
    public static func holder(campaignId: Int64, db: Database) throws -> LeaseHolder? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT owner, purpose, process, host, taken_at, expires FROM campaign_lease WHERE campaign_id = ?"),
                         arguments: [campaignId]).map {
            LeaseHolder(owner: $0["owner"], purpose: $0["purpose"], process: $0["process"], host: $0["host"], takenAt: $0["taken_at"],
                        expires: $0["expires"])
        }
    }

    /// Writes `holder` as the campaign's lease, replacing whatever was there: the caller has
    /// decided, in this same transaction, that the lease is free.
    public static func take(campaignId: Int64, holder: LeaseHolder, db: Database) throws {
        try db.execute(sql: """
            INSERT INTO campaign_lease(campaign_id, owner, purpose, process, host, taken_at, expires) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(campaign_id) DO UPDATE SET owner = excluded.owner, purpose = excluded.purpose, process = excluded.process,
                host = excluded.host, taken_at = excluded.taken_at, expires = excluded.expires
            """, arguments: [campaignId, holder.owner, holder.purpose, holder.process, holder.host, holder.takenAt, holder.expires])
    }

    /// Extends the lease of `owner`; false when `owner` no longer holds it (it expired and
    /// another run took it).
    public static func renew(campaignId: Int64, owner: String, expires: Double, db: Database) throws -> Bool {
        try db.cachedStatement(sql: "UPDATE campaign_lease SET expires = ? WHERE campaign_id = ? AND owner = ?")
            .execute(arguments: [expires, campaignId, owner])
        return db.changesCount == 1
    }

    public static func release(campaignId: Int64, owner: String, db: Database) throws {
        try db.execute(sql: "DELETE FROM campaign_lease WHERE campaign_id = ? AND owner = ?", arguments: [campaignId, owner])
    }
}
