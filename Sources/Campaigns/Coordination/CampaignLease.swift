// One process works on a campaign at a time: a `campaign send` or `campaign render` holds the
// campaign's lease, confirmed in every commit it makes and extended every few seconds, so a
// second sender is turned away with the holder's name instead of mailing everyone a second time.

import Foundation
import GRDB
import Store

/// A run's hold on one campaign.
///
///     let lease = try CampaignLease.acquire(campaign: "novinky", purpose: .send, database: database)
///     defer { lease.release(database: database) }
///     try lease.confirm(db: db)            // in each of the run's transactions
///     try lease.renew(db: db, now: now)    // every `renewal` seconds
public final class CampaignLease: Sendable {
    public enum Purpose: String, Sendable { case send, render }

    /// How long a lease lasts without renewal. A holder renews it every `renewal` seconds; one SMTP transaction may block it for up to 2 × (30 s to connect
    /// + 120 s for a reply), so the lease outlasts that. On the holder's own host its process
    /// is asked instead: a live holder keeps its lease, a dead one frees it at once.
    public static let duration: Double = 360
    static let renewal: Double = 10

    public let campaignId: Int64
    public let campaignName: String
    public let owner: String
    public let purpose: Purpose

    private init(campaignId: Int64, campaignName: String, purpose: Purpose) {
        self.campaignId = campaignId
        self.campaignName = campaignName
        self.purpose = purpose
        owner = UUID().uuidString.lowercased()
    }

    /// Takes the campaign's lease in a transaction of its own.
    ///
    /// - Throws: `CampaignError.leased` naming the holder when another live run holds it.
    public static func acquire(campaign name: String, purpose: Purpose, database: KontaktDatabase) throws -> CampaignLease {
        try database.session { db in
            var lease: CampaignLease?
            try JournalCommits(db: db).commit {
                let campaign = try CampaignRecords.fetch(name: name, db: db)
                if let archived = try CampaignRecords.archivedAt(campaignId: campaign.id!, db: db) {
                    throw CampaignError.archived(campaign: campaign.name, at: archived)
                }
                let taken = CampaignLease(campaignId: campaign.id!, campaignName: campaign.name, purpose: purpose)
                try taken.take(db: db, now: Date().timeIntervalSince1970)
                lease = taken
            }
            return lease!
        }
    }

    /// Takes the lease inside the caller's transaction.
    func take(db: Database, now: Double) throws {
        if let holder = try CampaignLeases.holder(campaignId: campaignId, db: db), holder.owner != owner, !Self.isFree(holder, now: now) {
            throw CampaignError.leased(campaign: campaignName, holder: holder, now: now)
        }
        try CampaignLeases.take(campaignId: campaignId, holder: LeaseHolder(owner: owner, purpose: purpose.rawValue, process: getpid(),
                                                                         host: Self.host, takenAt: Timestamp.at(now),
                                                                         expires: now + Self.duration), db: db)
    }

    /// Extends the lease inside the caller's transaction.
    ///
    /// - Throws: `CampaignError.leaseLost` when it lapsed and another run took it: this run
    ///   must start nothing more.
    public func renew(db: Database, now: Double) throws {
        guard try CampaignLeases.renew(campaignId: campaignId, owner: owner, expires: now + Self.duration, db: db) else {
            let holder = try CampaignLeases.holder(campaignId: campaignId, db: db)
            throw CampaignError.leaseLost(campaign: campaignName, holder: holder)
        }
    }

    /// Checks, inside the caller's transaction, that this run still holds the lease, without
    /// writing: a commit per message need not rewrite the lease's page each time.
    public func confirm(db: Database) throws {
        let holder = try CampaignLeases.holder(campaignId: campaignId, db: db)
        guard holder?.owner == owner else { throw CampaignError.leaseLost(campaign: campaignName, holder: holder) }
    }

    /// Gives the lease up; a run that cannot (the database is gone) leaves it to expire.
    public func release(database: KontaktDatabase) {
        try? database.session { db in
            try JournalCommits(db: db).commit { try CampaignLeases.release(campaignId: campaignId, owner: owner, db: db) }
        }
    }

    /// A lease held from this machine is free when its process is gone (a `kill -9` need not be
    /// waited out) — or, should the process id have been reused, an hour after it lapsed; one
    /// held from another machine, once it lapsed.
    static func isFree(_ holder: LeaseHolder, now: Double) -> Bool {
        guard holder.host == host else { return holder.expires < now }
        if holder.process == getpid() { return holder.expires < now }
        return (kill(holder.process, 0) != 0 && errno == ESRCH) || holder.expires + 3_600 < now
    }

    static let host: String = {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count) == 0 else { return "localhost" }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()
}
