// Campaigns and their per-recipient journal in the database.

import CRM
import GRDB

/// A campaign as stored: the snapshots it renders from.
public struct StoredCampaign: Sendable, Equatable {
    public var id: Int64?
    public var name: String
    public var templatePath: String
    public var templateSource: String
    public var templateHash: String
    public var expression: String
    /// What the expression selects: a firm segment sends to the persons of its firms.
    public var target: EntityKind
    public var segmentName: String?
    public var referent: String
    public var channel: CampaignChannel
    public var createdAt: String

    public init(id: Int64? = nil, name: String, templatePath: String, templateSource: String, templateHash: String,
                expression: String, target: EntityKind, segmentName: String?, referent: String, channel: CampaignChannel = .email,
                createdAt: String = "") {
        self.id = id; self.name = name; self.templatePath = templatePath; self.templateSource = templateSource
        self.templateHash = templateHash; self.expression = expression; self.target = target; self.segmentName = segmentName
        self.referent = referent; self.channel = channel; self.createdAt = createdAt
    }
}

/// How a campaign reaches its recipients: e-mail, a printed letter, or e-mail to those with an
/// address and consent and a letter (with its label) to the rest.
public enum CampaignChannel: String, CaseIterable, Sendable {
    case email, letter, auto
}

/// Where a recipient stands. Rendering records `rendered` or `skipped`; delivery moves a
/// rendered recipient through `sending` to `sent`, `deferred` or `failed`.
public enum RecipientState: String, CaseIterable, Sendable {
    case rendered, skipped, sending, sent, deferred, failed
}

public enum CampaignRecords {
    public static func create(_ campaign: StoredCampaign, db: Database) throws -> Int64 {
        try SavedSegment.validateName(campaign.name)
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM campaign WHERE name = ?", arguments: [campaign.name]) == true {
            throw StoreError.conflict("the campaign \"\(campaign.name)\" exists already; choose another name")
        }
        try db.execute(sql: """
            INSERT INTO campaign(name, template_path, template_source, template_hash, expression, target, segment_name, referent, channel, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [campaign.name, campaign.templatePath, campaign.templateSource, campaign.templateHash, campaign.expression,
                             campaign.target.rawValue, campaign.segmentName, campaign.referent, campaign.channel.rawValue, Timestamp.now()])
        return db.lastInsertedRowID
    }

    private static let columns = "id, name, template_path, template_source, template_hash, expression, target, segment_name, referent, created_at, channel"

    private static func campaign(_ row: Row) -> StoredCampaign {
        StoredCampaign(id: row[0], name: row[1], templatePath: row[2], templateSource: row[3], templateHash: row[4],
                       expression: row[5], target: EntityKind(rawValue: row[6]) ?? .person, segmentName: row[7],
                       referent: row[8], channel: CampaignChannel(rawValue: row[10]) ?? .email, createdAt: row[9])
    }

    public static func fetch(name: String, db: Database) throws -> StoredCampaign {
        if let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM campaign WHERE name = ?", arguments: [name]) { return campaign(row) }
        let names = try String.fetchAll(db, sql: "SELECT name FROM campaign ORDER BY name")
        let known = names.isEmpty ? "no campaigns exist yet (kontakt campaign create)" : "campaigns: \(names.joined(separator: ", "))"
        throw StoreError.unknownName("there is no campaign \"\(name)\": \(known)\(NearestMatch.hint(for: name, among: names))")
    }

    public static func fetch(id: Int64, db: Database) throws -> StoredCampaign {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM campaign WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound(entity: "campaign", id: String(id))
        }
        return campaign(row)
    }

    /// Whether the campaign is archived (and when): it sends and renders no more.
    public static func archivedAt(campaignId: Int64, db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT archived_at FROM campaign WHERE id = ?", arguments: [campaignId])
    }

    /// How many recipients have been sent to or are being sent to (a letter recorded counts).
    public static func dispatched(campaignId: Int64, db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM campaign_recipient WHERE campaign_id = ? AND state IN ('sent', 'sending')",
                         arguments: [campaignId]) ?? 0
    }

    /// Removes a campaign that has sent nothing, with its journal; one that has is refused.
    public static func remove(name: String, db: Database) throws {
        let campaign = try fetch(name: name, db: db)
        let sent = try dispatched(campaignId: campaign.id!, db: db)
        guard sent == 0 else {
            throw StoreError.conflict("campaign \(name) has sent \(sent) message(s), which are in the recipients' history: archive it with `kontakt campaign archive \(name)` instead")
        }
        try db.execute(sql: "DELETE FROM campaign WHERE id = ?", arguments: [campaign.id!])
    }

    /// Archives a campaign: it stays with its journal and contacts, out of `campaign list`.
    public static func archive(name: String, db: Database) throws {
        let campaign = try fetch(name: name, db: db)
        try db.execute(sql: "UPDATE campaign SET archived_at = coalesce(archived_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) WHERE id = ?",
                       arguments: [campaign.id!])
    }

    /// Every campaign with when it was archived, if it was.
    public static func listing(db: Database) throws -> [(name: String, createdAt: String, archivedAt: String?)] {
        try Row.fetchAll(db, sql: "SELECT name, created_at, archived_at FROM campaign ORDER BY created_at, name").map { ($0[0], $0[1], $0[2]) }
    }

    public static func all(db: Database) throws -> [(name: String, createdAt: String)] {
        try Row.fetchAll(db, sql: "SELECT name, created_at FROM campaign ORDER BY created_at, name").map { ($0[0], $0[1]) }
    }

    /// How many recipients stand in each state.
    public static func counts(campaignId: Int64, db: Database) throws -> [RecipientState: Int] {
        var counts: [RecipientState: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) FROM campaign_recipient WHERE campaign_id = ? GROUP BY state", arguments: [campaignId]) {
            if let state = RecipientState(rawValue: row[0]) { counts[state] = row[1] }
        }
        return counts
    }

    /// Forgets a campaign's rendering so it can be rendered again; refused once delivery began.
    public static func clearRendering(campaignId: Int64, db: Database) throws {
        let started = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM campaign_recipient WHERE campaign_id = ? AND state NOT IN ('rendered', 'skipped')",
                                       arguments: [campaignId]) ?? 0
        if started > 0 {
            throw StoreError.conflict("delivery of this campaign has begun (\(started) recipient(s) past rendering), so it cannot be rendered again")
        }
        try db.execute(sql: "DELETE FROM campaign_recipient WHERE campaign_id = ?", arguments: [campaignId])
    }

    /// The rendering whose files the journal names: set in the transaction that records them.
    public static func renderId(campaignId: Int64, db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT render_id FROM campaign WHERE id = ?", arguments: [campaignId])
    }

    public static func setRenderId(_ id: String, campaignId: Int64, db: Database) throws {
        try db.execute(sql: "UPDATE campaign SET render_id = ? WHERE id = ?", arguments: [id, campaignId])
    }

    /// Writes journal rows in groups.
    public final class JournalWriter {
        private let rows: BatchedInsert
        private let campaignId: Int64
        private let now = Timestamp.now().databaseValue

        public init(campaignId: Int64, db: Database) throws {
            self.campaignId = campaignId
            rows = try BatchedInsert(db: db, table: "campaign_recipient",
                                     columns: ["campaign_id", "person_id", "firm_id", "email", "state", "reason", "message_id", "file",
                                               "file_hash", "envelope_from", "envelope_to", "subject", "channel", "updated_at"], groupSize: 64)
        }

        /// - Parameter envelope: the SMTP envelope of a rendered message: the sender and every
        ///   recipient (To, Cc and Bcc).
        ///   - fileHash: the SHA-256 of the file written for this recipient, in lower-case hex.
        public func add(personId: Int64, firmId: Int64, email: String?, state: RecipientState, reason: String?, messageId: String?, file: String?,
                        fileHash: String? = nil, envelope: (from: String, to: [String])? = nil, subject: String? = nil, letter: Bool = false) throws {
            rows.add([campaignId.databaseValue, personId.databaseValue, firmId.databaseValue, email.databaseValue, state.rawValue.databaseValue,
                      reason.databaseValue, messageId.databaseValue, file.databaseValue, fileHash.databaseValue, envelope?.from.databaseValue ?? .null,
                      envelope.map { $0.to.joined(separator: ",") }.databaseValue, subject.databaseValue,
                      (letter ? "letter" : "email").databaseValue, now])
            if rows.pendingRows >= 64 { try rows.flush() }
        }

        public func flush() throws { try rows.flush() }
    }
}
