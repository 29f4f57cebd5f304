// The delivery side of a campaign's per-recipient journal: who is due, each transition's row,
// the exact bytes sent, the pause flag and the per-account daily counts.

import Foundation
import GRDB

/// One recipient ready for the SMTP transaction, as the journal holds it.
public struct DueRecipient: Sendable, Equatable {
    public let personId: Int64
    public let firmId: Int64
    public let state: RecipientState
    public let attempts: Int
    public let file: String
    public let messageId: String
    public let envelopeFrom: String
    public let envelopeTo: [String]
    public let subject: String
    /// The SHA-256 of the rendered file, as rendering recorded it (none for a rendering from
    /// before hashes were journalled).
    public let fileHash: String?
    /// The address the message was rendered for.
    public let email: String?
    /// The daily-cap slot this recipient holds while in flight (`account day`), if any.
    public let capSlot: String?
}

/// A recipient as the CRM holds them now, for the checks made just before sending.
public struct CurrentRecipient: Sendable, Equatable {
    public let firmId: Int64
    public let email: String?
    public let emailConsent: Bool
}

/// A recipient that could not be sent, for `campaign status`.
/// One recipient of a campaign as the journal holds them now, for paging through them.
public struct JournalEntry: Sendable, Equatable {
    public let personId: Int64
    public let firmId: Int64
    public let email: String?
    public let state: RecipientState
    public let reason: String?
    public let subject: String?
    /// The rendered file in the campaign's Outbox folder (`7.eml`, `letters.pdf`); nil when skipped.
    public let file: String?
    public let letter: Bool
    public let reply: String?
    public let contactId: Int64?
}

public struct DeliveryFailure: Sendable, Equatable {
    public let personId: Int64
    public let email: String?
    public let state: RecipientState
    public let attempts: Int
    public let reply: String?
}

public enum DeliveryJournal {
    /// Recipients to send now, in person order after `afterPerson`: rendered ones, those left in
    /// `sending` by a run that stopped (the in-flight window), and deferred ones whose retry is due.
    public static func due(campaignId: Int64, afterPerson: Int64, now: String, limit: Int, onlySending: Bool = false,
                           db: Database) throws -> [DueRecipient] {
        let states = onlySending ? "state = 'sending'" : "(state IN ('rendered', 'sending') OR (state = 'deferred' AND (retry_at IS NULL OR retry_at <= ?)))"
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT person_id, firm_id, state, attempts, file, message_id, envelope_from, envelope_to, email, subject, file_hash, cap_slot
            FROM campaign_recipient
            WHERE campaign_id = ? AND person_id > ? AND file IS NOT NULL AND channel = 'email' AND \(states)
            ORDER BY person_id LIMIT ?
            """), arguments: onlySending ? [campaignId, afterPerson, limit] : [campaignId, afterPerson, now, limit]).map { row in
            // A rendering from before envelopes were journalled goes to the person's address.
            let envelopeTo: String? = row["envelope_to"]
            let email: String? = row["email"]
            return DueRecipient(personId: row["person_id"], firmId: row["firm_id"], state: RecipientState(rawValue: row["state"]) ?? .rendered,
                                attempts: row["attempts"], file: row["file"], messageId: row["message_id"] ?? "",
                                envelopeFrom: row["envelope_from"] ?? "",
                                envelopeTo: (envelopeTo ?? email ?? "").split(separator: ",").map(String.init), subject: row["subject"] ?? "",
                                fileHash: row["file_hash"], email: email, capSlot: row["cap_slot"])
        }
    }

    /// Writes a recipient's new state and what goes with it, in one statement. A `reason` (why a
    /// recipient was skipped or failed without a word from the server) replaces the one
    /// rendering gave; `capSlot` is the daily count the row holds a slot of afterwards (nil: none).
    public static func record(campaignId: Int64, personId: Int64, state: RecipientState, attempts: Int, retryAt: String? = nil,
                              reply: String? = nil, reason: String? = nil, contactId: Int64? = nil, capSlot: String? = nil, db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE campaign_recipient SET state = ?, attempts = ?, retry_at = ?, reply = ?, reason = COALESCE(?, reason),
                contact_id = COALESCE(?, contact_id), cap_slot = ?, updated_at = ?
            WHERE campaign_id = ? AND person_id = ?
            """).execute(arguments: [state.rawValue, attempts, retryAt, reply, reason, contactId, capSlot, Timestamp.now(), campaignId, personId])
    }

    /// Whether the recipient still stands as this run dispatched it (`sending`, after the
    /// `attempts`-th attempt): a run whose lease lapsed must not overwrite what the run that
    /// took over recorded.
    public static func isDispatched(campaignId: Int64, personId: Int64, attempts: Int, db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM campaign_recipient WHERE campaign_id = ? AND person_id = ? AND state = 'sending' AND attempts = ?"),
                          arguments: [campaignId, personId, attempts]) ?? false
    }

    /// Recipients a stopped run left in `sending`: the in-flight window, sent again first.
    public static func leftInFlight(campaignId: Int64, db: Database) throws -> [DueRecipient] {
        try due(campaignId: campaignId, afterPerson: 0, now: "", limit: Int.max, onlySending: true, db: db)
    }

    /// The person as the CRM holds them now; nil once they were removed.
    public static func current(personId: Int64, db: Database) throws -> CurrentRecipient? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT firm_id, email, email_consent FROM person WHERE id = ?"), arguments: [personId]).map {
            CurrentRecipient(firmId: $0["firm_id"], email: $0["email"], emailConsent: $0["email_consent"])
        }
    }

    public static func firmExists(_ firmId: Int64, db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM firm WHERE id = ?"), arguments: [firmId]) ?? false
    }

    /// The earliest retry of a deferred recipient, if any.
    public static func nextRetry(campaignId: Int64, db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT MIN(retry_at) FROM campaign_recipient WHERE campaign_id = ? AND state = 'deferred'", arguments: [campaignId])
    }

    /// Recipients deferred or failed, with the server's last reply, and those skipped at send
    /// time (rendered, then withheld), with the reason.
    /// Recipients after `afterPerson`, in person order: keyset pages, never OFFSET.
    public static func entries(campaignId: Int64, afterPerson: Int64, limit: Int, db: Database) throws -> [JournalEntry] {
        try Row.fetchAll(db, sql: """
            SELECT person_id, firm_id, email, state, reason, subject, file, channel, reply, contact_id FROM campaign_recipient
            WHERE campaign_id = ? AND person_id > ? ORDER BY person_id LIMIT ?
            """, arguments: [campaignId, afterPerson, limit]).map(entry)
    }

    public static func entry(campaignId: Int64, personId: Int64, db: Database) throws -> JournalEntry? {
        try Row.fetchOne(db, sql: """
            SELECT person_id, firm_id, email, state, reason, subject, file, channel, reply, contact_id FROM campaign_recipient
            WHERE campaign_id = ? AND person_id = ?
            """, arguments: [campaignId, personId]).map(entry)
    }

    /// The recipient just before `personId`, for paging back one at a time.
    public static func personBefore(campaignId: Int64, personId: Int64, db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT person_id FROM campaign_recipient WHERE campaign_id = ? AND person_id < ? ORDER BY person_id DESC LIMIT 1",
                           arguments: [campaignId, personId])
    }

    private static func entry(_ row: Row) -> JournalEntry {
        JournalEntry(personId: row[0], firmId: row[1], email: row[2], state: RecipientState(rawValue: row[3]) ?? .skipped, reason: row[4],
                     subject: row[5], file: row[6], letter: (row[7] as String) == "letter", reply: row[8], contactId: row[9])
    }

    public static func failures(campaignId: Int64, db: Database) throws -> [DeliveryFailure] {
        try Row.fetchAll(db, sql: """
            SELECT person_id, email, state, attempts, COALESCE(reply, reason) AS reply FROM campaign_recipient
            WHERE campaign_id = ? AND (state IN ('deferred', 'failed') OR (state = 'skipped' AND file IS NOT NULL)) ORDER BY person_id
            """, arguments: [campaignId]).map {
            DeliveryFailure(personId: $0["person_id"], email: $0["email"], state: RecipientState(rawValue: $0["state"]) ?? .failed,
                            attempts: $0["attempts"], reply: $0["reply"])
        }
    }

    // MARK: Letters

    /// The campaign's letters not yet recorded as sent: their recipients, firms and subjects.
    public static func renderedLetters(campaignId: Int64, db: Database) throws -> [(personId: Int64, firmId: Int64, subject: String)] {
        try Row.fetchAll(db, sql: """
            SELECT person_id, firm_id, subject FROM campaign_recipient
            WHERE campaign_id = ? AND channel = 'letter' AND state = 'rendered' ORDER BY person_id
            """, arguments: [campaignId]).map { ($0["person_id"], $0["firm_id"], $0["subject"] ?? "") }
    }

    // MARK: The messages sent

    /// Keeps the exact bytes sent, beside the contact that logs them.
    public static func storeMessage(contactId: Int64, campaignId: Int64?, messageId: String, bytes: [UInt8], db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO sent_message(contact_id, message_id, campaign_id, bytes) VALUES (?, ?, ?, ?)")
            .execute(arguments: [contactId, messageId, campaignId, Data(bytes)])
    }

    /// The message a contact logged, byte for byte, if it was sent by Kontakt.
    public static func message(contactId: Int64, db: Database) throws -> [UInt8]? {
        try Data.fetchOne(db, sql: "SELECT bytes FROM sent_message WHERE contact_id = ?", arguments: [contactId]).map { Array($0) }
    }

    // MARK: Pause

    public static func isPaused(campaignId: Int64, db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT paused FROM campaign WHERE id = ?"), arguments: [campaignId]) ?? false
    }

    public static func setPaused(_ paused: Bool, campaignId: Int64, db: Database) throws {
        try db.execute(sql: "UPDATE campaign SET paused = ? WHERE id = ?", arguments: [paused, campaignId])
    }

    // MARK: Daily counts per SMTP account

    public static func sentToday(account: String, day: String, db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT sent FROM smtp_daily_count WHERE account = ? AND day = ?"), arguments: [account, day]) ?? 0
    }

    /// Adds `count` (negative to give slots back) to the messages of `account` on `day`.
    /// Delivery takes a slot when it dispatches a message and gives it back when the server
    /// did not take it, so every sender of one account sees the others' messages in flight.
    public static func countSent(_ count: Int, account: String, day: String, db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO smtp_daily_count(account, day, sent) VALUES (?, ?, MAX(0, ?))
            ON CONFLICT(account, day) DO UPDATE SET sent = MAX(0, sent + ?)
            """).execute(arguments: [account, day, count, count])
    }
}
