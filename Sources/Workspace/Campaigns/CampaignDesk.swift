// Campaigns as the workspace reads them: the list and one campaign's status (recipients by
// state, every failure with the server's reply, the next retry, the process sending it now) —
// what `kontakt campaign status` prints and `/api/v1/campaigns/{name}` answers.

import Foundation
import Store

/// One campaign's standing at this moment.
public struct CampaignStatus: Sendable {
    public let campaign: StoredCampaign
    /// Recipients in each state; a state with none is absent.
    public let counts: [RecipientState: Int]
    public let failures: [DeliveryFailure]
    /// The earliest retry of a deferred recipient (UTC), if any.
    public let nextRetry: String?
    /// The process rendering or sending it now; nil when no live lease is held.
    public let running: LeaseHolder?
    public let archivedAt: String?
    /// Asked to stop (`campaign pause`, the page's button); the next send clears it.
    public let paused: Bool

    public func count(_ state: RecipientState) -> Int { counts[state] ?? 0 }
}

public struct CampaignSummary: Sendable, Equatable {
    public let name: String
    public let createdAt: String
    public let archivedAt: String?
}

extension Workspace {
    public var campaigns: CampaignDesk { CampaignDesk(workspace: self) }

    public struct CampaignDesk: Sendable {
        let workspace: Workspace

        /// Every campaign, oldest first; the archived ones only when asked.
        public func list(includingArchived: Bool = false) throws -> [CampaignSummary] {
            try workspace.database.read { db in try CampaignRecords.listing(db: db) }
                .filter { includingArchived || $0.archivedAt == nil }
                .map { CampaignSummary(name: $0.name, createdAt: $0.createdAt, archivedAt: $0.archivedAt) }
        }

        public func status(name: String) throws -> CampaignStatus {
            let now = workspace.seconds()
            return try workspace.database.read { db in
                let campaign = try CampaignRecords.fetch(name: name, db: db)
                let id = campaign.id!
                let holder = try CampaignLeases.holder(campaignId: id, db: db)
                return CampaignStatus(campaign: campaign, counts: try CampaignRecords.counts(campaignId: id, db: db),
                                      failures: try DeliveryJournal.failures(campaignId: id, db: db),
                                      nextRetry: try DeliveryJournal.nextRetry(campaignId: id, db: db),
                                      running: holder.flatMap { $0.expires >= now ? $0 : nil },
                                      archivedAt: try CampaignRecords.archivedAt(campaignId: id, db: db),
                                      paused: try DeliveryJournal.isPaused(campaignId: id, db: db))
            }
        }
    }
}
