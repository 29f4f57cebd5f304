// A campaign's life as both front ends drive it: created from a template and a segment,
// rendered into the Outbox, test-sent, sent (resumably, exactly once per recipient) and paused.
// The engines (CampaignRenderer, CampaignSender) own their transactions and the journal; here
// are the rights, the settings under the request, and the audit.

import CRM
import Campaigns
import Foundation
import Logging
import Mail
import Print
import Store

/// A recipient's journal entry with the rendered message, if an e-mail was rendered for them.
public struct RecipientMessage: Sendable {
    public let entry: JournalEntry
    public let bytes: [UInt8]?
    public let parts: MessageParts?

    init(entry: JournalEntry, bytes: [UInt8]?) {
        self.entry = entry
        self.bytes = bytes
        parts = bytes.map(MessageParts.init)
    }
}

/// What a new campaign is made of.
public struct CampaignDraft: Sendable {
    public var name: String
    /// The template file; its text is kept as a snapshot.
    public var template: String
    public var segment: SegmentChoice
    public var referent: String
    public var channel: CampaignChannel

    public init(name: String, template: String, segment: SegmentChoice, referent: String, channel: CampaignChannel = .email) {
        self.name = name; self.template = template; self.segment = segment; self.referent = referent; self.channel = channel
    }
}

/// A send: the request's own values over the settings smtp.rate, smtp.daily-cap and
/// smtp.concurrency, over the defaults.
public struct CampaignSendRequest: Sendable {
    public var campaign: String
    public var outbox: String
    /// The server as a front end resolved it (the CLI's flags); nil takes the settings with
    /// `credential`.
    public var smtp: SMTPSettings?
    public var credential: SMTPCredential?
    public var concurrency: Int?
    public var rate: SendRate?
    public var dailyCap: Int?
    public var limit: Int?
    public var dryRun = false
    public var retry = RetryPolicy()
    public var waitForRetries = 0.0
    /// Set from outside (a signal, the server shutting down) to stop after the messages in flight.
    public var interruption = SendInterruption()

    public init(campaign: String, outbox: String) {
        self.campaign = campaign
        self.outbox = outbox
    }
}

extension Workspace.CampaignDesk {
    public func campaign(name: String) throws -> StoredCampaign {
        try workspace.database.read { db in try CampaignRecords.fetch(name: name, db: db) }
    }

    /// Checks the template against the merge fields and the segment against the attributes,
    /// then keeps both as snapshots: later edits of the file or the saved segment change nothing.
    public func create(_ draft: CampaignDraft, by principal: Principal) throws -> StoredCampaign {
        try Policy.check(.runCampaign(referent: draft.referent), principal)
        let today = workspace.clock().date
        return try workspace.database.write { db in
            let (expression, target, segmentName): (String, EntityKind, String?)
            switch draft.segment {
            case .saved(let name):
                let saved = try SavedSegments.fetch(name: name, db: db)
                (expression, target, segmentName) = (saved.expression, saved.target, saved.name)
            case .expression(let text):
                (expression, target, segmentName) = (text, .person, nil)
            }
            let campaign = try CampaignRenderer.create(name: draft.name, templatePath: draft.template, expression: expression, target: target,
                                                       segmentName: segmentName, referent: draft.referent, channel: draft.channel, today: today, db: db)
            try AuditLog.append([AuditTrail.entry("create", entity: "campaign", id: campaign.id, actor: principal.auditName, field: "name", value: campaign.name)], db: db)
            return campaign
        }
    }

    /// Renders into `outbox/NAME/`. Letters get the sender's header (`sender`, else the setting
    /// print.sender) and their labels on `labelSheet`; an e-mail campaign needs neither.
    public func render(name: String, outbox: String, sender: [String]? = nil, labelSheet: LabelSheet?, by principal: Principal) throws -> RenderSummary {
        let (campaign, stored) = try workspace.database.read { db in
            (try CampaignRecords.fetch(name: name, db: db), try Settings.get("print.sender", db: db))
        }
        try Policy.check(.runCampaign(referent: campaign.referent), principal)
        let lines = sender ?? Self.senderLines(stored)
        let summary = try CampaignRenderer.render(name: name, database: workspace.database, outbox: outbox, today: workspace.clock().date,
                                                  letters: LetterSettings(sender: lines, labelSheet: campaign.channel == .email ? nil : labelSheet))
        try audit("render", campaign, "\(summary.rendered) rendered, \(summary.skipped) skipped", by: principal)
        return summary
    }

    /// The same, with the label sheet named (a preset or a gLabels product code) and looked up
    /// in `sheetFolders` only when the campaign prints letters.
    public func render(name: String, outbox: String, labelSheetNamed sheet: String, sheetFolders: [String], by principal: Principal) throws -> RenderSummary {
        let channel = try campaign(name: name).channel
        let labelSheet = channel == .email ? nil : try LabelSheetCatalog.sheet(named: sheet, in: sheetFolders)
        return try render(name: name, outbox: outbox, labelSheet: labelSheet, by: principal)
    }

    /// Sends what is due; a second sender of the same campaign is refused (its lease), a paused
    /// campaign resumes. `progress` is called on the sending thread, throttled by the engine.
    public func send(_ request: CampaignSendRequest, by principal: Principal,
                     progress: (SendProgress) -> Void = { _ in }) throws -> SendSummary {
        let (campaign, options, settings) = try prepare(request, by: principal)
        let lettersOnly = campaign.channel == .letter, dryRun = request.dryRun
        let transport: @Sendable () throws -> MessageTransport = { dryRun || lettersOnly ? DryRunTransport() : try SMTPConnection(settings: settings) }
        let summary = try CampaignSender.send(name: campaign.name, database: workspace.database, outbox: request.outbox, options: options,
                                              transport: transport, progress: progress)
        if !dryRun {
            let p = summary.progress
            try audit("send", campaign, "sent \(p.sent), deferred \(p.deferred), failed \(p.failed)" + (summary.stop.map { "; stopped: \($0)" } ?? ""), by: principal)
        }
        return summary
    }

    /// The first `count` rendered messages, exactly as rendered, to `address` only; nothing is
    /// recorded (a test message carries its recipient's real unsubscribe link).
    public func sendTest(name: String, to address: String, count: Int = 1, outbox: String, smtp: SMTPSettings? = nil,
                         credential: SMTPCredential? = nil, by principal: Principal) throws -> [(person: Int64, delivery: SMTPDelivery)] {
        let campaign = try campaign(name: name)
        try Policy.check(.runCampaign(referent: campaign.referent), principal)
        let to: MailAddress
        do { to = try MailAddress(parsing: address) } catch { throw WorkspaceError.invalid(field: "to", "\(error)") }
        let settings = try smtp ?? workspace.smtpSettings(secret: credential?.secret)
        return try CampaignSender.sendTest(name: name, to: to.address, count: count, database: workspace.database, outbox: outbox,
                                           transport: { try SMTPConnection(settings: settings) })
    }

    /// Asks every sender of the campaign, in any process, to stop after the messages in flight.
    public func pause(name: String, by principal: Principal) throws {
        let campaign = try campaign(name: name)
        try Policy.check(.runCampaign(referent: campaign.referent), principal)
        try workspace.database.write { db in
            try DeliveryJournal.setPaused(true, campaignId: campaign.id!, db: db)
            try AuditLog.append([AuditTrail.entry("pause", entity: "campaign", id: campaign.id, actor: principal.auditName)], db: db)
        }
    }

    /// Recipients in person order after `afterPerson`.
    public func recipients(name: String, afterPerson: Int64 = 0, limit: Int = 50) throws -> [JournalEntry] {
        try workspace.database.read { db in
            let campaign = try CampaignRecords.fetch(name: name, db: db)
            return try DeliveryJournal.entries(campaignId: campaign.id!, afterPerson: afterPerson, limit: min(max(limit, 1), 500), db: db)
        }
    }

    public func recipientBefore(name: String, personId: Int64) throws -> Int64? {
        try workspace.database.read { db in
            try DeliveryJournal.personBefore(campaignId: try CampaignRecords.fetch(name: name, db: db).id!, personId: personId, db: db)
        }
    }

    /// One recipient's journal entry and, when an e-mail was rendered for them, its exact bytes
    /// from the Outbox — what the recipient gets — with its parts read back for showing.
    public func recipient(name: String, personId: Int64, outbox: String) throws -> RecipientMessage {
        let (campaign, entry) = try workspace.database.read { db in
            let campaign = try CampaignRecords.fetch(name: name, db: db)
            return (campaign, try DeliveryJournal.entry(campaignId: campaign.id!, personId: personId, db: db))
        }
        guard let entry else { throw WorkspaceError.notFound("person \(personId) is not a recipient of campaign \(name)") }
        guard let file = entry.file, !entry.letter else { return RecipientMessage(entry: entry, bytes: nil) }
        // The file name is the journal's own (`ID.eml`), never a request's.
        let path = outbox + "/" + campaign.name + "/" + file
        return RecipientMessage(entry: entry, bytes: FileManager.default.contents(atPath: path).map { Array($0) })
    }

    static func senderLines(_ stored: String?) -> [String] {
        (stored ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private func prepare(_ request: CampaignSendRequest, by principal: Principal) throws -> (StoredCampaign, SendOptions, SMTPSettings) {
        let (campaign, stored) = try workspace.database.read { db in
            (try CampaignRecords.fetch(name: request.campaign, db: db),
             (rate: try Settings.get("smtp.rate", db: db), cap: try Settings.get("smtp.daily-cap", db: db),
              concurrency: try Settings.get("smtp.concurrency", db: db)))
        }
        try Policy.check(.runCampaign(referent: campaign.referent), principal)
        // A campaign of letters only needs no SMTP server.
        let settings = campaign.channel == .letter ? try SMTPSettings(url: "smtp://localhost")
            : try request.smtp ?? workspace.smtpSettings(secret: request.credential?.secret)
        var options = SendOptions(account: settings.account, clock: workspace.clock)
        options.concurrency = try request.concurrency ?? stored.concurrency.map { try Self.number($0, "smtp.concurrency") } ?? 4
        do {
            options.rate = try request.rate ?? stored.rate.map { try SendRate(parsing: $0) }
        } catch {
            throw WorkspaceError.invalid(field: nil, "the setting smtp.rate is \"\(stored.rate ?? "")\": \(error)")
        }
        options.dailyCap = try request.dailyCap ?? stored.cap.map { try Self.number($0, "smtp.daily-cap") }
        options.limit = request.limit
        options.dryRun = request.dryRun
        options.retry = request.retry
        options.waitForRetries = request.waitForRetries
        options.interruption = request.interruption
        return (campaign, options, settings)
    }

    private static func number(_ text: String, _ key: String) throws -> Int {
        guard let value = Int(text), value > 0 else { throw WorkspaceError.invalid(field: nil, "the setting \(key) is \"\(text)\", not a positive number") }
        return value
    }

    private func audit(_ action: String, _ campaign: StoredCampaign, _ value: String, by principal: Principal) throws {
        try workspace.database.write { db in
            try AuditLog.append([AuditTrail.entry(action, entity: "campaign", id: campaign.id, actor: principal.auditName, field: "result", value: value)], db: db)
        }
    }
}
