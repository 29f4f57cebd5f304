// What a run writes for each recipient, inside the pass's commit: the server's verdict, the
// contact that logs an accepted message (whatever happened to the person meanwhile), the
// daily-count slot given back when nothing went out, and the skips decided at send time.

import CRM
import Foundation
import GRDB
import Mail
import Store

extension Delivery {
    /// Applies one worker's result to the journal (and the contact log).
    mutating func record(_ result: DeliveryResult, now: Double, day: String) throws {
        let job: DeliveryJob
        var journey: RecipientDelivery
        var reason: String?
        // Only a row that still stands as this run dispatched it is this run's to write: after
        // a lapsed lease, the run that took over may have sent the recipient again.
        let ours = try DeliveryJournal.isDispatched(campaignId: campaign.id!, personId: result.job.recipient.personId,
                                                    attempts: result.job.recipient.attempts + 1, db: db)
        switch result {
        case .delivered(let done, let outcome, let bytes, _):
            job = done
            journey = RecipientDelivery(state: .sending, attempts: job.recipient.attempts + 1)
            switch outcome {
            case .accepted(let reply):
                // The message went out: the history says so, whoever owns the row now.
                let logged = try logContact(personId: job.recipient.personId, firmId: job.recipient.firmId, kind: "email",
                                            subject: job.recipient.subject, reply: reply) { contactId in
                    try DeliveryJournal.storeMessage(contactId: contactId, campaignId: campaign.id, messageId: job.recipient.messageId,
                                                     bytes: bytes, db: db)
                }
                progress.sent += 1
                connectionTrouble = 0
                deferredInARow = 0
                guard ours else { return }
                try journey.accept(reply: reply)
                // The slot stays counted (the message went out); the row holds it no longer.
                slots[job.recipient.personId] = nil
                try DeliveryJournal.record(campaignId: campaign.id!, personId: job.recipient.personId, state: .sent, attempts: journey.attempts,
                                           reply: reply, reason: logged.problem, contactId: logged.contactId, db: db)
                return
            case .deferred where !ours, .rejected where !ours:
                return
            case .deferred(_, let reply, let connection):
                try journey.postpone(reply: reply, now: now, policy: options.retry)
                // The server as a whole (421, refused, dropped) backs off at once; per-message
                // 4xx (450, 451, 454 …) when every connection met one in a row: a server
                // throttling or greylisting the sender.
                deferredInARow += 1
                if connection || deferredInARow >= options.concurrency { backOff(reply) }
            case .rejected(let code, let reply):
                try journey.reject(reply: reply)
                connectionTrouble = 0
                deferredInARow = 0
                try suppressIfUnknown(job, code: code, reply: reply)
            }
        case .stopped(let done, let error):
            job = done
            if stop == nil { stop = .failed("\(error)") }
            guard ours else { return }
            journey = RecipientDelivery(state: .sending, attempts: job.recipient.attempts + 1)
            try journey.abandon()
        case .refused(let done, let problem):
            // This recipient's file must not go out; the rest of the campaign goes on.
            job = done
            guard ours else { return }
            journey = RecipientDelivery(state: .sending, attempts: job.recipient.attempts + 1)
            try journey.refuse()
            reason = "\(problem) (\(job.recipient.file)); not sent"
            options.logger.warning("refused a rendered file", metadata: ["campaign": "\(campaign.name)", "person": "\(job.recipient.personId)",
                                                                       "reason": "\(problem)"])
        }
        if journey.state == .deferred { progress.deferred += 1 }
        if journey.state == .failed { progress.failed += 1 }
        try giveBackSlot(slots.removeValue(forKey: job.recipient.personId) ?? job.recipient.capSlot)
        try DeliveryJournal.record(campaignId: campaign.id!, personId: job.recipient.personId, state: journey.state, attempts: journey.attempts,
                                   retryAt: journey.retryAt.map(Timestamp.at), reply: journey.reply, reason: reason, db: db)
    }

    /// A refusal that says the address does not exist (`550 5.1.1` at RCPT) puts it on the
    /// suppression list, so the next campaign skips it with the reason instead of trying again.
    /// A full mailbox or a refused sender (5.7.x) does not: neither is the address's fault.
    func suppressIfUnknown(_ job: DeliveryJob, code: Int, reply: String) throws {
        guard !options.dryRun, job.redirectTo == nil, let address = job.recipient.email,
              BounceClassifier.kind(status: StatusCode.first(in: reply), diagnostic: reply) == .hard, code >= 500 else { return }
        try Suppressions.add(Suppression(address: address, reason: .rejected, detail: String(reply.prefix(300)), personId: job.recipient.personId,
                                         campaignId: campaign.id, source: "campaign \(campaign.name)", since: Timestamp.now()), db: db)
    }

    /// A recipient the CRM no longer lets have the message: recorded as skipped with the reason.
    mutating func skip(_ recipient: DueRecipient, reason: String) throws {
        var journey = RecipientDelivery(state: recipient.state, attempts: recipient.attempts)
        try journey.withhold()
        try giveBackSlot(recipient.capSlot)
        try DeliveryJournal.record(campaignId: campaign.id!, personId: recipient.personId, state: journey.state, attempts: journey.attempts,
                                   reason: reason, db: db)
        progress.due -= 1
        summary.skipped += 1
    }

    /// Gives a message's slot back to the daily count it was taken from: nothing went out.
    func giveBackSlot(_ slot: String?) throws {
        guard let slot, let tab = slot.lastIndex(of: "\t") else { return }
        try DeliveryJournal.countSent(-1, account: String(slot[..<tab]), day: String(slot[slot.index(after: tab)...]), db: db)
    }

    /// Logs a message that went out as a contact, for the person if they still exist, else for
    /// their firm, else not at all — a failed log never undoes the delivery it records (the
    /// journal still says `sent`, so the message is never sent again). `store` keeps the
    /// message's bytes beside the contact.
    func logContact(personId: Int64, firmId: Int64, kind: String, subject: String, reply: String,
                    store: (Int64) throws -> Void = { _ in }) throws -> (contactId: Int64?, problem: String?) {
        let current = try DeliveryJournal.current(personId: personId, db: db)
        let firm = current?.firmId ?? firmId
        guard try current != nil || DeliveryJournal.firmExists(firm, db: db) else {
            return (nil, "delivered, but no contact was logged: person \(personId) and firm \(firm) were removed meanwhile")
        }
        let contact = ContactLog.contact(personId: current == nil ? nil : personId, firmId: firm, kind: kind, referent: campaign.referent,
                                         subject: subject, campaign: campaign.name, reply: reply, date: options.clock())
        do {
            var contactId: Int64 = 0
            try db.inSavepoint {
                contactId = try Contacts.record(contact, checkingReferences: false, db: db).contactId
                try store(contactId)
                return .commit
            }
            return (contactId, current == nil ? "person \(personId) was removed meanwhile: the contact is the firm's" : nil)
        } catch {
            options.logger.error("a delivered message's contact could not be logged", metadata: ["person": "\(personId)", "error": "\(error)"])
            return (nil, "delivered, but the contact could not be logged: \(error)")
        }
    }

    /// A burst of refusals pauses dispatching, twice as long each time up to a minute; after ten
    /// pauses with no message accepted or refused in between, the run stops.
    mutating func backOff(_ reply: String) {
        connectionTrouble += 1
        let pause = min(60, 0.5 * Double(1 << min(connectionTrouble - 1, 8)))
        backoffUntil = Date().timeIntervalSince1970 + pause
        if connectionTrouble >= 10, stop == nil { stop = .serverTrouble(reply) }
    }

    /// Records the campaign's rendered letters as sent, each with its contact (kind letter), in
    /// one transaction; returns how many.
    mutating func recordLetters() throws -> Int {
        let letters = try DeliveryJournal.renderedLetters(campaignId: campaign.id!, db: db)
        guard !letters.isEmpty else { return 0 }
        try commits.commit {
            if let lease { try lease.renew(db: db, now: Date().timeIntervalSince1970) }
            for letter in letters {
                var journey = RecipientDelivery(state: .rendered)
                try journey.dispatch()
                try journey.accept(reply: "printed in letters.pdf")
                let logged = try logContact(personId: letter.personId, firmId: letter.firmId, kind: "letter", subject: letter.subject,
                                            reply: "letter")
                try DeliveryJournal.record(campaignId: campaign.id!, personId: letter.personId, state: journey.state, attempts: journey.attempts,
                                           reply: journey.reply, reason: logged.problem, contactId: logged.contactId, db: db)
            }
        }
        return letters.count
    }
}
