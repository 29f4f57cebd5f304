// `campaign send`: the rendered messages go out over K connections, each recipient moving
// through the journal's state machine, each accepted message logged as a contact.
//
// The promise a crash keeps: a recipient is marked `sending` (committed) before its SMTP
// transaction starts, and the same commit records the result of the message its worker sent
// before. So at any moment at most `concurrency` recipients stand in `sending`, and only they
// (the messages in flight when the process died) can be sent twice when the run resumes. The
// campaign's lease keeps a second sender out; the commits that mark `sending` also renew it.

import CRM
import Foundation
import GRDB
import Mail
import Store

public enum CampaignSender {
    /// Sends the campaign's due recipients: rendered ones, those a stopped run left in
    /// `sending`, and deferred ones whose retry is due.
    ///
    /// - Throws: `CampaignError.leased` when another run holds the campaign.
    public static func send(name: String, database: KontaktDatabase, outbox: String, options: SendOptions,
                            transport: @escaping @Sendable () throws -> MessageTransport,
                            progress report: (SendProgress) -> Void = { _ in }) throws -> SendSummary {
        guard options.concurrency >= 1 else { throw SendError.usage("--concurrency must be at least 1") }
        if options.dryRun {
            // One transaction around everything, rolled back: the commits become savepoints,
            // and no lease is needed (nobody else can see this run).
            return try database.write(commit: false) { db in
                var delivery = try Delivery(name: name, outbox: outbox, options: options, lease: nil, db: db)
                return try delivery.run(transport: transport, report: report)
            }
        }
        let lease = try CampaignLease.acquire(campaign: name, purpose: .send, database: database)
        defer { lease.release(database: database) }
        return try database.session { db in
            // Each delivery commit reaches the disk before the next SMTP transaction starts: a
            // power loss must not forget a message the server took (NORMAL could lose the last
            // commits, and with them `sent`, so the resumed run would mail those again).
            try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA cache_size = -8192; PRAGMA mmap_size = 0")
            defer { try? db.execute(sql: "PRAGMA synchronous = NORMAL") }
            var delivery = try Delivery(name: name, outbox: outbox, options: options, lease: lease, db: db)
            return try delivery.run(transport: transport, report: report)
        }
    }

    /// `--test-to`: the first `count` rendered messages, exactly as rendered, to one address;
    /// the journal and the contact log are left as they are.
    public static func sendTest(name: String, to address: String, count: Int, database: KontaktDatabase, outbox: String,
                                transport: @escaping @Sendable () throws -> MessageTransport) throws -> [(person: Int64, delivery: SMTPDelivery)] {
        let (campaign, due, signer) = try database.read { db in
            let campaign = try CampaignRecords.fetch(name: name, db: db)
            return (campaign, try DeliveryJournal.due(campaignId: campaign.id!, afterPerson: 0, now: "", limit: count, db: db),
                    try OutgoingMail.configuredSigner(db: db))
        }
        guard !due.isEmpty else { throw SendError.notRendered(campaign.name) }
        let workers = DeliveryWorkers(count: 1, transport: transport)
        defer { workers.close() }
        var outcomes: [(Int64, SMTPDelivery)] = []
        for recipient in due {
            workers.submit(DeliveryJob(recipient: recipient, path: outbox + "/" + campaign.name + "/" + recipient.file, redirectTo: [address],
                                       outgoing: OutgoingMail(signer: signer), campaignId: nil))
            for result in workers.collect(timeout: .infinity) {
                switch result {
                case .delivered(_, let outcome, _, _): outcomes.append((recipient.personId, outcome))
                case .stopped(_, let error): throw error
                case .refused(let job, let problem): throw SendError.unreadable(path: job.path, reason: problem.description)
                }
            }
        }
        return outcomes
    }
}
