// Why a campaign could not be rendered or sent, as one sentence for the user.

import Foundation
import Store

public enum CampaignError: Error, CustomStringConvertible, Sendable {
    case renderFailed(String)
    /// Another run holds the campaign's lease.
    case leased(campaign: String, holder: LeaseHolder, now: Double)
    /// This run's lease lapsed (the database was held too long by another writer) and another
    /// run took it.
    case leaseLost(campaign: String, holder: LeaseHolder?)
    /// The campaign's Outbox folder is not where the journal's files should be.
    case noOutboxFolder(campaign: String, path: String)
    /// The campaign is archived: nothing more is rendered or sent.
    case archived(campaign: String, at: String)

    public var description: String {
        switch self {
        case .renderFailed(let message): return "rendering stopped, nothing was recorded: \(message)"
        case .leased(let campaign, let holder, let now):
            let doing = holder.purpose == "render" ? "rendering" : "sending"
            let until = holder.host == CampaignLease.host ? "it keeps the campaign for as long as that process runs"
                : "its lease expires \(Int((holder.expires - now).rounded(.up))) s after its last sign of life"
            return "campaign \(campaign) is being \(holder.purpose == "render" ? "rendered" : "sent") by process \(holder.process) on \(holder.host) "
                + "(\(doing) since \(holder.takenAt)); wait for it to finish or stop it (`kontakt campaign pause \(campaign)`); \(until)"
        case .leaseLost(let campaign, let holder):
            let taker = holder.map { " by process \($0.process) on \($0.host)" } ?? ""
            return "this run lost campaign \(campaign)'s lease (it lapsed while the database was held by another writer and was taken\(taker)); "
                + "it sent nothing more: run `kontakt campaign status \(campaign)` to see where the campaign stands"
        case .noOutboxFolder(let campaign, let path):
            return "campaign \(campaign) was rendered into \(path), which does not exist: give the Outbox it was rendered into with --outbox"
        case .archived(let campaign, let at):
            return "campaign \(campaign) was archived at \(at): it renders and sends no more (create a new campaign to write again)"
        }
    }
}
