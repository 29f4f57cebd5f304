// `campaign create` and `campaign render`: snapshots of a template and a segment, then one
// message per recipient written to the Outbox and recorded in the journal.

import CRM
import Foundation
import GRDB
import Interchange
import Mail
import Merge
import Print
import Segmentation
import Store

public struct RenderSummary: Sendable {
    public let rendered: Int
    public let skipped: Int
    public let folder: String
    /// Of `rendered`, those that are letters (in `letters.pdf`, their labels in `labels.pdf`).
    public var letters = 0
}

/// What a rendering prints for the recipients who get a letter.
public struct LetterSettings: Sendable {
    /// The sender's header lines.
    public var sender: [String]
    /// The label sheet for the letters' address labels; nil prints none.
    public var labelSheet: LabelSheet?

    public init(sender: [String], labelSheet: LabelSheet?) {
        self.sender = sender
        self.labelSheet = labelSheet
    }
}

public enum CampaignRenderer {
    /// Checks the template against the merge schema and the expression against the attributes,
    /// then stores the campaign with both snapshots.
    public static func create(name: String, templatePath: String, expression: String, target: EntityKind, segmentName: String?,
                              referent: String, channel: CampaignChannel = .email, today: CivilDate, db: Database) throws -> StoredCampaign {
        let vocabulary = try Vocabulary.load(db: db)
        let template = try Template.load(path: templatePath, schema: MergeSchema(attributes: vocabulary.schema.definitions))
        _ = try Segment(expression, target: target, vocabulary: vocabulary, today: today)
        guard try Referents.fetch(code: referent, db: db) != nil else {
            throw StoreError.notFound(entity: "referent", id: "\"\(referent)\"")
        }
        var campaign = StoredCampaign(name: name, templatePath: templatePath, templateSource: template.source,
                                      templateHash: SHA256.hex(template.source), expression: expression, target: target,
                                      segmentName: segmentName, referent: referent, channel: channel)
        campaign.id = try CampaignRecords.create(campaign, db: db)
        return campaign
    }

    /// Renders every recipient of the campaign into `outbox/NAME/`: one `.eml` per message and a
    /// `manifest.csv`, each recipient recorded as rendered or skipped with the reason. Persons
    /// stream from the database firm by firm, so memory holds a few chunks of messages at a
    /// time (and a register of the addresses seen: of persons sharing an address, the first
    /// recorded gets the message).
    ///
    /// A campaign by letter (or `auto`, for those without an e-mail address or consent) prints
    /// their letters into `letters.pdf` and their address labels into `labels.pdf`.
    ///
    /// The files are staged and moved into place after the journal naming them (with their
    /// SHA-256) commits (see `OutboxStaging`); the campaign's lease is held throughout, so no
    /// send or other rendering of it runs meanwhile.
    public static func render(name: String, database: KontaktDatabase, outbox: String, today: CivilDate,
                              letters letterSettings: LetterSettings = LetterSettings(sender: [], labelSheet: nil)) throws -> RenderSummary {
        let lease = try CampaignLease.acquire(campaign: name, purpose: .render, database: database)
        defer { lease.release(database: database) }
        // Paths are joined as text: a URL would ask the file system about each one.
        let folder = (outbox.hasSuffix("/") ? String(outbox.dropLast()) : outbox) + "/" + lease.campaignName
        // A rendering killed after its commit is completed first: its files are the ones the
        // journal names, should this rendering fail.
        let committed = try database.read { db in try CampaignRecords.renderId(campaignId: lease.campaignId, db: db) }
        let staging = try OutboxStaging.begin(folder: folder, renderId: UUID().uuidString.lowercased(), committed: committed)
        let summary: RenderSummary
        do {
            summary = try database.write { db in
                let rendered = try render(campaignId: lease.campaignId, staging: staging, today: today, letterSettings: letterSettings, db: db)
                // Still this run's campaign as it commits.
                try lease.renew(db: db, now: Date().timeIntervalSince1970)
                return rendered
            }
        } catch {
            staging.discard()
            throw error
        }
        try staging.moveIntoPlace()
        return summary
    }

    /// The setting mail.unsubscribe-url, when set; a value the checks refuse (written past
    /// `config set`) stops the rendering rather than going out as a broken link.
    private static func configuredUnsubscribeLink(db: Database) throws -> UnsubscribeLink? {
        do { return try UnsubscribeLink.configured(db: db) } catch let error as UnsubscribeLinkError { throw CampaignError.renderFailed(error.description) }
    }

    private static func render(campaignId: Int64, staging: OutboxStaging, today: CivilDate, letterSettings: LetterSettings,
                               db: Database) throws -> RenderSummary {
        // The read cursor and the journal's pages (an earlier rendering's cleared ones too)
        // stay within a small cache, read without the memory map: memory does not grow with
        // the number of recipients or the file's size.
        try db.execute(sql: "PRAGMA cache_size = -4096")
        try db.execute(sql: "PRAGMA mmap_size = 0")
        let campaign = try CampaignRecords.fetch(id: campaignId, db: db)
        let vocabulary = try Vocabulary.load(db: db)
        let schema = vocabulary.schema
        let template = try Template(path: campaign.templatePath, source: campaign.templateSource,
                                    schema: MergeSchema(attributes: schema.definitions))
        let segment = try Segment(campaign.expression, target: campaign.target, vocabulary: vocabulary, today: today)
        let referent = try Referents.fetch(code: campaign.referent, db: db)
        let codeLabels = CodeLabels(definitions: schema.definitions, book: try CodeLists.codeBook(db: db))
        let unsubscribeKey = try Secrets.key(named: UnsubscribeToken.keyName, db: db)
        let unsubscribeLink = try configuredUnsubscribeLink(db: db)
        // The Outbox's files are signed too (sending signs them again, over the Date they go out with).
        let signer = try OutgoingMail.configuredSigner(db: db)
        try CampaignRecords.clearRendering(campaignId: campaign.id!, db: db)

        let folder = staging.folder
        let manifest = try OutboxFile(staging.file("manifest.csv"))
        var csv = CSVWriter(delimiter: ",")
        csv.write(["person", "firm", "name", "email", "gender", "state", "reason", "messageId", "file"])
        let journal = try CampaignRecords.JournalWriter(campaignId: campaign.id!, db: db)
        var rendered = 0, skipped = 0
        // Merging and MIME (pure work) run a chunk ahead on every core; the files, the journal
        // and the manifest are written here, in order. (Files created from several threads at
        // once contend for the folder: on this machine's ext4 that took twice as long.)
        let campaignName = campaign.name
        // Every message of one rendering carries the moment it was rendered.
        let renderedAt = MailDate.now()
        let channel = campaign.channel, sender = letterSettings.sender
        var letterPrinter: LetterPrinter?
        var labelBlocks: [[String]] = []
        let pipeline = Pipeline<Recipient, Outcome>(chunkSize: 256, prepare: { recipient in
            let person = recipient.person
            let byLetter = channel == .letter || (channel == .auto && (person.email == nil || !person.emailConsent || recipient.suppressed != nil))
            if let first = recipient.duplicateOf, !byLetter { return Outcome(reason: "the same address as person \(first)") }
            if let suppressed = recipient.suppressed, !byLetter { return Outcome(reason: suppressed) }
            let token = person.id.map { UnsubscribeToken(campaignId: campaignId, personId: $0).signed(with: unsubscribeKey) } ?? ""
            let link = unsubscribeLink.map { $0.link(token: token) }
            let context = MergeContext(person: person, firm: recipient.firm, referent: referent, campaign: campaignName, today: today,
                                       uses: template.selection, codeLabels: codeLabels, channel: byLetter ? .letter : .email,
                                       unsubscribeToken: token, unsubscribeURL: link ?? "")
            // A gender told from the name is recorded as such in the manifest.
            let gender = context.salutation.gender == .unknown ? "unknown"
                : context.salutation.gender.rawValue + (context.salutation.genderInferred ? " (inferred)" : "")
            if byLetter {
                let merged = template.render(context)
                if !merged.missing.isEmpty { return Outcome(reason: SkipReason.missingFields(merged.missing).description, gender: gender) }
                let letter = LetterComposer.letter(merged, salutation: context.salutation, person: person, firm: recipient.firm, template: template,
                                                   referent: referent, sender: sender, today: today)
                return Outcome(subject: merged.subject, gender: gender, letter: letter)
            }
            do {
                switch try MessageComposer.compose(template.render(context), person: recipient.person, referent: referent, template: template) {
                case .skipped(let why): return Outcome(reason: why.description, gender: gender)
                case .message(var message):
                    message.date = renderedAt
                    // The workspace's one-click link comes first, whatever the template lists.
                    if let link { message.listUnsubscribe = UnsubscribeLink.leading(link, message.listUnsubscribe) }
                    let rendered = try MessageWriter.render(message).signed(by: signer)
                    return Outcome(message: rendered, hash: SHA256.hex(rendered.bytes), subject: message.subject, gender: gender)
                }
            } catch MailError.invalidAddress(let address, let reason) where address == person.email?.value {
                // An address stored before the CRM checked addresses as the mail layer does:
                // this recipient is skipped, the rest are rendered.
                return Outcome(reason: "the address \(address) cannot be sent to: \(reason)", gender: gender)
            } catch {
                return Outcome(failure: "\(error)")
            }
        }, consume: { recipient, outcome in
            if let failure = outcome.failure { throw CampaignError.renderFailed(failure) }
            let person = recipient.person
            var file: String?
            if let message = outcome.message {
                file = "\(person.id!).eml"
                try OutboxFile.store(message.bytes, at: staging.file(file!))
            }
            if let letter = outcome.letter {
                if letterPrinter == nil { letterPrinter = try LetterPrinter(path: staging.file("letters.pdf"), options: LetterComposer.options(template)) }
                letterPrinter!.add(letter)
                labelBlocks.append(letter.recipient)
                file = "letters.pdf"
            }
            let messageID = outcome.message?.messageID
            if file == nil { skipped += 1 } else { rendered += 1 }
            try journal.add(personId: person.id!, firmId: person.firmId, email: person.email?.value, state: file == nil ? .skipped : .rendered,
                            reason: outcome.reason, messageId: messageID, file: file, fileHash: outcome.hash,
                            envelope: outcome.message.map { ($0.envelopeFrom, $0.envelopeTo) }, subject: outcome.subject,
                            letter: outcome.letter != nil)
            csv.write([String(person.id!), recipient.firm.name, person.name.withTitles, person.email?.value ?? "", outcome.gender ?? "",
                       file == nil ? "skipped" : "rendered", outcome.reason ?? "", messageID ?? "", file ?? ""])
            if csv.text.utf8.count > 65_536 { try manifest.append(csv.drain()) }
        })
        var register = AddressRegister()
        var firm: Firm?
        try Persons.forEach(filter: segment.filter(selecting: .person), byFirm: true, schema: schema, db: db) { listing in
            let person = listing.person
            if firm?.id != person.firmId { firm = try Firms.fetch(id: person.firmId, schema: schema, db: db) }
            var duplicateOf: Int64?
            // Only e-mail recipients share addresses; a letter goes to every one.
            let byEmail = campaign.channel == .email || (campaign.channel == .auto && person.emailConsent)
            if byEmail, let email = person.email?.value.lowercased() {
                duplicateOf = try register.firstHolder(of: email, person: person.id!) { holder in
                    try Persons.fetch(id: holder, schema: schema, db: db).person.email?.value
                }
            }
            // An address on the suppression list gets no e-mail (a letter still goes).
            let suppressed = try person.email.flatMap { try Suppressions.entry(address: $0.value, db: db) }?.skipReason
            try pipeline.push(Recipient(person: person, firm: firm!, duplicateOf: duplicateOf, suppressed: suppressed))
        }
        try pipeline.finish()
        try journal.flush()
        // Letters and their labels: printed when there are any (else moving into place
        // removes an earlier run's).
        try letterPrinter?.finish()
        if let sheet = letterSettings.labelSheet, !labelBlocks.isEmpty {
            _ = try LabelPrinter.print(labelBlocks, sheet: sheet, to: staging.file("labels.pdf"))
        }
        try manifest.append(csv.drain())
        try manifest.finish()
        // No sync of the files first: the journal's own commit is not synced either (NORMAL),
        // and a file the disk lost in a power cut is refused by its SHA-256, never sent wrong.
        try CampaignRecords.setRenderId(staging.renderId, campaignId: campaign.id!, db: db)
        var summary = RenderSummary(rendered: rendered, skipped: skipped, folder: folder)
        summary.letters = letterPrinter?.letters ?? 0
        return summary
    }
}

/// One person to render, with their firm; `duplicateOf` when an earlier recipient has the address.
struct Recipient: Sendable {
    let person: Person
    let firm: Firm
    let duplicateOf: Int64?
    /// Why the address gets no e-mail: it is on the suppression list.
    var suppressed: String? = nil
}

/// What merging made of a recipient: the message, a reason to skip, or a failure of the template.
struct Outcome: Sendable {
    var message: RenderedMessage?
    /// The SHA-256 of the message's bytes, journalled so a sender refuses a file that changed.
    var hash: String?
    var subject: String?
    var reason: String?
    /// `m`, `f (inferred)`, `unknown` …, for the manifest.
    var gender: String?
    var failure: String?
    /// For a recipient who gets a letter rather than an e-mail.
    var letter: Letter?
}
