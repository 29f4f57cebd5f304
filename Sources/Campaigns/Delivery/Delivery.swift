// One run of `campaign send` on one connection to the database: the dispatch loop. Each pass
// makes one commit that records the results that came in and marks `sending` what goes out
// next, after checking, in that same transaction, the lease, the shared daily count and each
// recipient as the CRM holds them now.

import CRM
import Foundation
import GRDB
import Mail
import Store

struct Delivery {
    let campaign: StoredCampaign
    let folder: String
    let options: SendOptions
    let db: Database
    /// Nil in a dry run, which nobody else can see.
    let lease: CampaignLease?
    let commits: JournalCommits
    let started = Date().timeIntervalSince1970
    var lastRenewal: Double
    var progress: SendProgress
    var summary: SendSummary
    var limiter: RateLimiter
    var stop: SendStop?
    /// Consecutive connection-level deferrals (421, refused, dropped), and the pause they impose.
    var connectionTrouble = 0
    var deferredInARow = 0
    var backoffUntil: Double = 0
    /// The daily count (`account day`) each message in flight holds a slot of.
    var slots: [Int64: String] = [:]
    /// DKIM and VERP, as the settings were when the run started.
    let outgoing: OutgoingMail

    init(name: String, outbox: String, options: SendOptions, lease: CampaignLease?, db: Database) throws {
        campaign = try CampaignRecords.fetch(name: name, db: db)
        folder = outbox + "/" + campaign.name
        self.options = options
        self.db = db
        self.lease = lease
        let logger = options.logger
        let campaignName = campaign.name
        var lastWarning = 0.0
        commits = JournalCommits(db: db) { waited in
            // The busy timeout passes every 10 s: say so now and then, not each time.
            guard waited - lastWarning >= 30 || lastWarning == 0 else { return }
            lastWarning = waited
            logger.warning("waiting for another writer to release the database", metadata: ["campaign": "\(campaignName)", "waited": "\(Int(waited)) s"])
        }
        lastRenewal = started
        outgoing = try OutgoingMail.configured(db: db)
        let counts = try CampaignRecords.counts(campaignId: campaign.id!, db: db)
        if counts.values.reduce(0, +) == 0 { throw SendError.notRendered(campaign.name) }
        var isFolder: ObjCBool = false
        let folderExists = FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue
        if !folderExists, try !DeliveryJournal.due(campaignId: campaign.id!, afterPerson: 0, now: Timestamp.now(), limit: 1, db: db).isEmpty {
            throw CampaignError.noOutboxFolder(campaign: campaign.name, path: folder)
        }
        // A rendering killed after its commit left its files staged: they are the ones the
        // journal names. (A dry run holds no lease, so it leaves the folder to whoever does.)
        if folderExists, lease != nil {
            try OutboxStaging.discardAbandoned(folder: folder, keeping: try CampaignRecords.renderId(campaignId: campaign.id!, db: db))
        }
        progress = SendProgress(due: 0)
        summary = SendSummary(progress: progress)
        limiter = RateLimiter(rate: options.rate, burst: options.concurrency, now: started)
        // The campaign's printed letters go out with it: each is recorded as sent, with its contact.
        summary.letters = try recordLetters()
        let due = (counts[.rendered] ?? 0) + (counts[.sending] ?? 0) + (counts[.deferred] ?? 0) - summary.letters
        progress = SendProgress(due: options.limit.map { min($0, due) } ?? due)
        summary.progress = progress
        summary.resumedInFlight = counts[.sending] ?? 0
        // Sending again is how a paused campaign resumes.
        try commits.commit { try DeliveryJournal.setPaused(false, campaignId: campaign.id!, db: db) }
    }

    /// The daily count (`account day`) a message dispatched on `day` takes a slot of.
    func slot(on day: String) -> String { options.account + "\t" + day }

    mutating func run(transport: @escaping @Sendable () throws -> MessageTransport, report: (SendProgress) -> Void) throws -> SendSummary {
        let workers: DeliveryLanes = options.concurrency == 1 ? InlineDelivery(transport: transport)
            : DeliveryWorkers(count: options.concurrency, transport: transport)
        defer { workers.close() }
        // Those a stopped run left in flight go first, so that a run killed again soon after
        // leaves no more than --concurrency in `sending`; the paging below passes over them.
        var waiting = try DeliveryJournal.leftInFlight(campaignId: campaign.id!, db: db)
        let resumed = Set(waiting.map(\.personId))
        var after: Int64 = 0
        var exhausted = false
        var results: [DeliveryResult] = []
        var dispatched = 0
        var lastPauseCheck = started
        while true {
            let now = Date().timeIntervalSince1970
            if stop == nil, let reason = options.interruption.reason { stop = .interrupted(reason) }
            // Choose the next recipients for the connections that are free.
            var candidates: [DueRecipient] = []
            while stop == nil, progress.inFlight + candidates.count < options.concurrency, now >= backoffUntil {
                if let limit = options.limit, dispatched + candidates.count >= limit { stop = .limit(limit); break }
                while waiting.isEmpty && !exhausted {
                    let page = try DeliveryJournal.due(campaignId: campaign.id!, afterPerson: after, now: Timestamp.at(now), limit: 256, db: db)
                    if let last = page.last { after = last.personId } else { exhausted = true }
                    waiting = resumed.isEmpty ? page : page.filter { !resumed.contains($0.personId) || $0.state != .sending }
                }
                guard !waiting.isEmpty, limiter.take(now: now) else { break }
                candidates.append(waiting.removeFirst())
            }
            // One commit: the results that came in, and `sending` for what goes out next.
            var jobs: [DueRecipient] = []
            let renewalDue = lease != nil && now - lastRenewal >= CampaignLease.renewal
            if !results.isEmpty || !candidates.isEmpty || renewalDue {
                let finished = results
                // One day for the whole pass: a pass across midnight counts on one day only.
                let day = options.clock().date.iso
                try commits.commit {
                    let holding = try renewLease(now: now, extend: renewalDue)
                    for result in finished { try record(result, now: now, day: day) }
                    jobs = holding ? try dispatch(candidates, day: day) : []
                }
                if renewalDue { lastRenewal = now }
                results = []
            }
            for job in jobs { workers.submit(DeliveryJob(recipient: job, path: folder + "/" + job.file, redirectTo: nil,
                                                                outgoing: outgoing, campaignId: campaign.id)) }
            progress.inFlight += jobs.count
            dispatched += jobs.count
            progress.elapsed = now - started
            report(progress)

            if progress.inFlight == 0 {
                if stop != nil { break }
                if exhausted {
                    // Only deferred recipients are left: wait for those due soon, else end the run.
                    guard let next = try DeliveryJournal.nextRetry(campaignId: campaign.id!, db: db),
                          let due = Self.seconds(next), due - now <= options.waitForRetries else { break }
                    Thread.sleep(forTimeInterval: min(max(due - now, 0.05), 1))
                    exhausted = false
                    after = 0
                } else if candidates.isEmpty {
                    // Held back by the rate or a back-off. (When every candidate was skipped at
                    // send time, the next ones are taken at once.)
                    Thread.sleep(forTimeInterval: min(max(limiter.wait(now: now), backoffUntil - now, 0.01), 1))
                }
            } else {
                results = workers.collect(timeout: 0.25)
                progress.inFlight -= results.count
            }
            if now - lastPauseCheck >= 0.5 {
                lastPauseCheck = now
                if stop == nil, try DeliveryJournal.isPaused(campaignId: campaign.id!, db: db) { stop = .paused }
            }
        }
        summary.progress = progress
        summary.stop = stop
        summary.nextRetry = try DeliveryJournal.nextRetry(campaignId: campaign.id!, db: db)
        let counts = try CampaignRecords.counts(campaignId: campaign.id!, db: db)
        summary.remaining = (counts[.rendered] ?? 0) + (counts[.sending] ?? 0) + (counts[.deferred] ?? 0)
        return summary
    }

    /// Inside the pass's commit, first: renews the lease. A run whose lease lapsed and was taken
    /// by another records what came in (where the rows are still its own) and starts nothing.
    private mutating func renewLease(now: Double, extend: Bool) throws -> Bool {
        guard let lease else { return true }
        do {
            // Every commit checks the lease; every `renewal` seconds one extends it.
            if extend { try lease.renew(db: db, now: now) } else { try lease.confirm(db: db) }
            return true
        } catch let error as CampaignError {
            if stop == nil { stop = .failed(error.description) }
            return false
        }
    }

    /// Inside the pass's commit: marks `sending` each candidate that may still be sent —
    /// skipping, with the reason, those whom the CRM no longer lets have it — while the
    /// account's daily count has room. Returns the recipients to hand to the workers.
    private mutating func dispatch(_ candidates: [DueRecipient], day: String) throws -> [DueRecipient] {
        let slot = self.slot(on: day)
        var used: Int?
        var jobs: [DueRecipient] = []
        for candidate in candidates {
            if let reason = try SendTimeCheck.reason(candidate, db: db) {
                try skip(candidate, reason: reason)
                continue
            }
            let holdsSlot = candidate.capSlot == slot
            if !holdsSlot, let cap = options.dailyCap {
                // Read in this transaction, which holds the write lock: every other sender of
                // the account has counted its messages in flight already.
                let count = try used ?? DeliveryJournal.sentToday(account: options.account, day: day, db: db)
                if count >= cap {
                    stop = .dailyCap(cap, account: options.account)
                    break
                }
                used = count + 1
            }
            var journey = RecipientDelivery(state: candidate.state, attempts: candidate.attempts)
            try journey.dispatch()
            try DeliveryJournal.record(campaignId: campaign.id!, personId: candidate.personId, state: journey.state,
                                       attempts: journey.attempts, capSlot: slot, db: db)
            if !holdsSlot {
                try giveBackSlot(candidate.capSlot)
                try DeliveryJournal.countSent(1, account: options.account, day: day, db: db)
            }
            slots[candidate.personId] = slot
            jobs.append(candidate)
        }
        return jobs
    }

    /// Seconds since 1970 of a stored UTC timestamp (`2026-11-29T16:10:05Z`).
    static func seconds(_ stamp: String) -> Double? {
        let parts = stamp.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int($0) }
        guard parts.count == 6 else { return nil }
        var fields = tm()
        fields.tm_year = Int32(parts[0] - 1900); fields.tm_mon = Int32(parts[1] - 1); fields.tm_mday = Int32(parts[2])
        fields.tm_hour = Int32(parts[3]); fields.tm_min = Int32(parts[4]); fields.tm_sec = Int32(parts[5])
        return Double(timegm(&fields))
    }
}
