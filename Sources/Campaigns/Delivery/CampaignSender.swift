// `campaign send`: the rendered messages go out over K connections, each recipient moving
// through the journal's state machine, each accepted message logged as a contact.
//
// The promise a crash keeps: a recipient is marked `sending` (committed) before its SMTP
// transaction starts, and the same commit records the result of the message its worker sent
// before. So at any moment at most `concurrency` recipients stand in `sending`, and only they
// (the messages in flight when the process died) can be sent twice when the run resumes.

import CRM
import Foundation
import GRDB
import Mail
import Store

public enum CampaignSender {
    /// Sends the campaign's due recipients: rendered ones, those a stopped run left in
    /// `sending`, and deferred ones whose retry is due.
    public static func send(name: String, database: KontaktDatabase, outbox: String, options: SendOptions,
                            transport: @escaping @Sendable () throws -> MessageTransport,
                            progress report: (SendProgress) -> Void = { _ in }) throws -> SendSummary {
        guard options.concurrency >= 1 else { throw SendError.usage("--concurrency must be at least 1") }
        func run(_ db: Database) throws -> SendSummary {
            var delivery = try Delivery(name: name, outbox: outbox, options: options, db: db)
            return try delivery.run(transport: transport, report: report)
        }
        if options.dryRun {
            // One transaction around everything, rolled back: the batches become savepoints.
            return try database.write(commit: false, run)
        }
        return try database.session { db in
            // Many small commits: the write-ahead log is folded back into the file every ~40 MB
            // rather than every 4 MB (each fold syncs the disk), and the page cache stays small
            // while thousands of stored messages pass through it.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 10000; PRAGMA cache_size = -8192; PRAGMA mmap_size = 0")
            defer { try? db.execute(sql: "PRAGMA wal_autocheckpoint = 1000") }
            return try run(db)
        }
    }

    /// `--test-to`: the first `count` rendered messages, exactly as rendered, to one address;
    /// the journal and the contact log are left as they are.
    public static func sendTest(name: String, to address: String, count: Int, database: KontaktDatabase, outbox: String,
                                transport: @escaping @Sendable () throws -> MessageTransport) throws -> [(person: Int64, delivery: SMTPDelivery)] {
        let (campaign, due) = try database.read { db in
            let campaign = try CampaignRecords.fetch(name: name, db: db)
            return (campaign, try DeliveryJournal.due(campaignId: campaign.id!, afterPerson: 0, now: "", limit: count, db: db))
        }
        guard !due.isEmpty else { throw SendError.notRendered(campaign.name) }
        let workers = DeliveryWorkers(count: 1, transport: transport)
        defer { workers.close() }
        var outcomes: [(Int64, SMTPDelivery)] = []
        for recipient in due {
            workers.submit(DeliveryJob(recipient: recipient, path: outbox + "/" + campaign.name + "/" + recipient.file, redirectTo: [address]))
            for result in workers.collect(timeout: .infinity) {
                switch result {
                case .delivered(_, let outcome, _, _): outcomes.append((recipient.personId, outcome))
                case .stopped(_, let error): throw error
                case .unreadable(let job, let reason): throw SendError.unreadable(path: job.path, reason: reason)
                }
            }
        }
        return outcomes
    }
}

/// One run of `campaign send` on one connection to the database.
private struct Delivery {
    let campaign: StoredCampaign
    let folder: String
    let options: SendOptions
    let db: Database
    let started = Date().timeIntervalSince1970
    var progress: SendProgress
    var summary: SendSummary
    var limiter: RateLimiter
    var stop: SendStop?
    /// Consecutive connection-level deferrals (421, refused, dropped), and the pause they impose.
    var connectionTrouble = 0
    var deferredInARow = 0
    var backoffUntil: Double = 0
    var sentToday: Int
    let day: String

    init(name: String, outbox: String, options: SendOptions, db: Database) throws {
        campaign = try CampaignRecords.fetch(name: name, db: db)
        folder = outbox + "/" + campaign.name
        self.options = options
        self.db = db
        if try CampaignRecords.counts(campaignId: campaign.id!, db: db).values.reduce(0, +) == 0 { throw SendError.notRendered(campaign.name) }
        // The campaign's printed letters go out with it: each is recorded as sent, with its contact.
        let letters = try Delivery.recordLetters(campaign: campaign, date: options.clock(), db: db)
        let counts = try CampaignRecords.counts(campaignId: campaign.id!, db: db)
        let due = (counts[.rendered] ?? 0) + (counts[.sending] ?? 0) + (counts[.deferred] ?? 0)
        progress = SendProgress(due: options.limit.map { min($0, due) } ?? due)
        summary = SendSummary(progress: progress, resumedInFlight: counts[.sending] ?? 0)
        summary.letters = letters
        limiter = RateLimiter(rate: options.rate, burst: options.concurrency, now: started)
        day = options.clock().date.iso
        sentToday = try DeliveryJournal.sentToday(account: options.account, day: day, db: db)
        // Sending again is how a paused campaign resumes.
        try db.inSavepoint {
            try DeliveryJournal.setPaused(false, campaignId: campaign.id!, db: db)
            return .commit
        }
    }

    mutating func run(transport: @escaping @Sendable () throws -> MessageTransport, report: (SendProgress) -> Void) throws -> SendSummary {
        let workers: DeliveryLanes = options.concurrency == 1 ? InlineDelivery(transport: transport)
            : DeliveryWorkers(count: options.concurrency, transport: transport)
        defer { workers.close() }
        var waiting: [DueRecipient] = []
        var after: Int64 = 0
        var exhausted = false
        var results: [DeliveryResult] = []
        var dispatched = 0
        var lastPauseCheck = started
        while true {
            let now = Date().timeIntervalSince1970
            // Choose the next recipients for the connections that are free.
            var jobs: [DueRecipient] = []
            while stop == nil, progress.inFlight + jobs.count < options.concurrency, now >= backoffUntil {
                if let limit = options.limit, dispatched + jobs.count >= limit { stop = .limit(limit); break }
                // Results collected but not yet recorded may be acceptances: they count too.
                if let cap = options.dailyCap, sentToday + progress.inFlight + results.count + jobs.count >= cap {
                    stop = .dailyCap(cap, account: options.account)
                    break
                }
                if waiting.isEmpty && !exhausted {
                    waiting = try DeliveryJournal.due(campaignId: campaign.id!, afterPerson: after, now: Timestamp.at(now), limit: 256, db: db)
                    if let last = waiting.last { after = last.personId } else { exhausted = true }
                }
                guard !waiting.isEmpty, limiter.take(now: now) else { break }
                jobs.append(waiting.removeFirst())
            }
            // One commit: the results that came in, and `sending` for what goes out next.
            if !results.isEmpty || !jobs.isEmpty {
                let finished = results
                try db.inSavepoint {
                    for result in finished { try record(result, now: now) }
                    for job in jobs {
                        var journey = RecipientDelivery(state: job.state, attempts: job.attempts)
                        try journey.dispatch()
                        try DeliveryJournal.record(campaignId: campaign.id!, personId: job.personId, state: journey.state,
                                                   attempts: journey.attempts, db: db)
                    }
                    return .commit
                }
                results = []
            }
            for job in jobs { workers.submit(DeliveryJob(recipient: job, path: folder + "/" + job.file, redirectTo: nil)) }
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
                } else {
                    // Held back by the rate or a back-off.
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
        return summary
    }

    /// Applies one worker's result to the journal (and the contact log), inside the batch's
    /// transaction.
    private mutating func record(_ result: DeliveryResult, now: Double) throws {
        let job: DeliveryJob
        var journey: RecipientDelivery
        switch result {
        case .delivered(let done, let outcome, let bytes, _):
            job = done
            journey = RecipientDelivery(state: .sending, attempts: job.recipient.attempts + 1)
            switch outcome {
            case .accepted(let reply):
                try journey.accept(reply: reply)
                let contact = ContactLog.contact(personId: job.recipient.personId, firmId: job.recipient.firmId, referent: campaign.referent,
                                                 subject: job.recipient.subject, campaign: campaign.name, reply: reply, date: options.clock())
                let contactId = try Contacts.record(contact, checkingReferences: false, db: db).contactId
                try DeliveryJournal.storeMessage(contactId: contactId, campaignId: campaign.id, messageId: job.recipient.messageId, bytes: bytes, db: db)
                try DeliveryJournal.countSent(1, account: options.account, day: day, db: db)
                try DeliveryJournal.record(campaignId: campaign.id!, personId: job.recipient.personId, state: .sent, attempts: journey.attempts,
                                           reply: reply, contactId: contactId, db: db)
                sentToday += 1
                progress.sent += 1
                connectionTrouble = 0
                deferredInARow = 0
                return
            case .deferred(_, let reply, let connection):
                try journey.postpone(reply: reply, now: now, policy: options.retry)
                // The server as a whole (421, refused, dropped) backs off at once; per-message
                // 4xx (450, 451, 454 …) when every connection met one in a row: a server
                // throttling or greylisting the sender.
                deferredInARow += 1
                if connection || deferredInARow >= options.concurrency { backOff(reply) }
            case .rejected(_, let reply):
                try journey.reject(reply: reply)
                connectionTrouble = 0
                deferredInARow = 0
            }
        case .stopped(let done, let error):
            job = done
            journey = RecipientDelivery(state: .sending, attempts: job.recipient.attempts + 1)
            try journey.abandon()
            if stop == nil { stop = .failed("\(error)") }
        case .unreadable(let done, let reason):
            job = done
            journey = RecipientDelivery(state: .sending, attempts: job.recipient.attempts + 1)
            try journey.abandon()
            if stop == nil { stop = .failed(SendError.unreadable(path: job.path, reason: reason).description) }
        }
        if journey.state == .deferred { progress.deferred += 1 }
        if journey.state == .failed { progress.failed += 1 }
        try DeliveryJournal.record(campaignId: campaign.id!, personId: job.recipient.personId, state: journey.state, attempts: journey.attempts,
                                   retryAt: journey.retryAt.map(Timestamp.at), reply: journey.reply, db: db)
    }

    /// A burst of refusals pauses dispatching, twice as long each time up to a minute; after ten
    /// pauses with no message accepted or refused in between, the run stops.
    private mutating func backOff(_ reply: String) {
        connectionTrouble += 1
        let pause = min(60, 0.5 * Double(1 << min(connectionTrouble - 1, 8)))
        backoffUntil = Date().timeIntervalSince1970 + pause
        if connectionTrouble >= 10, stop == nil { stop = .serverTrouble(reply) }
    }

    /// Records the campaign's rendered letters as sent, each with its contact (kind letter), in
    /// one transaction; returns how many.
    static func recordLetters(campaign: StoredCampaign, date: ContactDate, db: Database) throws -> Int {
        let letters = try DeliveryJournal.renderedLetters(campaignId: campaign.id!, db: db)
        guard !letters.isEmpty else { return 0 }
        try db.inSavepoint {
            for letter in letters {
                var journey = RecipientDelivery(state: .rendered)
                try journey.dispatch()
                try journey.accept(reply: "printed in letters.pdf")
                let contact = Contact(firmId: letter.firmId, personId: letter.personId, date: date, kind: "letter", referent: campaign.referent,
                                      text: ContactLog.text(subject: letter.subject), note: "campaign \(campaign.name) · letter")
                let contactId = try Contacts.record(contact, checkingReferences: false, db: db).contactId
                try DeliveryJournal.record(campaignId: campaign.id!, personId: letter.personId, state: journey.state, attempts: journey.attempts,
                                           reply: journey.reply, contactId: contactId, db: db)
            }
            return .commit
        }
        return letters.count
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
