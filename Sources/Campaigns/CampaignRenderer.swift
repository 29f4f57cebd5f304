// `campaign create` and `campaign render`: snapshots of a template and a segment, then one
// message per recipient written to the Outbox and recorded in the journal.

import CRM
import Foundation
import GRDB
import Interchange
import Mail
import Merge
import Segmentation
import Store

public struct RenderSummary: Sendable {
    public let rendered: Int
    public let skipped: Int
    public let folder: String
}

public enum CampaignRenderer {
    /// Checks the template against the merge schema and the expression against the attributes,
    /// then stores the campaign with both snapshots.
    public static func create(name: String, templatePath: String, expression: String, target: EntityKind, segmentName: String?,
                              referent: String, today: CivilDate, db: Database) throws -> StoredCampaign {
        let vocabulary = try Vocabulary.load(db: db)
        let template = try Template.load(path: templatePath, schema: MergeSchema(attributes: vocabulary.schema.definitions))
        _ = try Segment(expression, target: target, vocabulary: vocabulary, today: today)
        guard try Referents.fetch(code: referent, db: db) != nil else {
            throw StoreError.notFound(entity: "referent", id: "\"\(referent)\"")
        }
        var campaign = StoredCampaign(name: name, templatePath: templatePath, templateSource: template.source,
                                      templateHash: SHA256.hex(template.source), expression: expression, target: target,
                                      segmentName: segmentName, referent: referent)
        campaign.id = try CampaignRecords.create(campaign, db: db)
        return campaign
    }

    /// Renders every recipient of the campaign into `outbox/NAME/`: one `.eml` per message and a
    /// `manifest.csv`, each recipient recorded as rendered or skipped with the reason. Persons
    /// stream from the database firm by firm, so memory holds one firm and one message at a
    /// time (and the set of addresses seen: of persons sharing an address, the first recorded
    /// gets the message).
    public static func render(name: String, database: KontaktDatabase, outbox: String, today: CivilDate) throws -> RenderSummary {
        try database.write { db in
            let campaign = try CampaignRecords.fetch(name: name, db: db)
            let vocabulary = try Vocabulary.load(db: db)
            let schema = vocabulary.schema
            let template = try Template(path: campaign.templatePath, source: campaign.templateSource,
                                        schema: MergeSchema(attributes: schema.definitions))
            let segment = try Segment(campaign.expression, target: campaign.target, vocabulary: vocabulary, today: today)
            let referent = try Referents.fetch(code: campaign.referent, db: db)
            try CampaignRecords.clearRendering(campaignId: campaign.id!, db: db)

            let folder = URL(fileURLWithPath: outbox).appendingPathComponent(campaign.name)
            try OutboxFolder.prepare(folder)
            let manifest = try OutboxFile(folder.appendingPathComponent("manifest.csv").path)
            var csv = CSVWriter(delimiter: ",")
            csv.write(["person", "firm", "name", "email", "state", "reason", "messageId", "file"])
            let journal = try CampaignRecords.JournalWriter(campaignId: campaign.id!, db: db)
            var seen: [String: Int64] = [:]
            var firm: Firm?
            var rendered = 0, skipped = 0
            try Persons.forEach(filter: segment.filter(selecting: .person), byFirm: true, schema: schema, db: db) { listing in
                let person = listing.person
                if firm?.id != person.firmId { firm = try Firms.fetch(id: person.firmId, schema: schema, db: db) }
                var reason: String?
                var messageID: String?
                var file: String?
                let email = person.email?.value.lowercased()
                if let email, let first = seen[email] {
                    reason = "the same address as person \(first)"
                } else {
                    if let email { seen[email] = person.id! }
                    let merged = template.render(MergeContext(person: person, firm: firm!, referent: referent, campaign: campaign.name, today: today))
                    switch try MessageComposer.compose(merged, person: person, referent: referent, template: template) {
                    case .skipped(let why):
                        reason = why.description
                    case .message(let message):
                        let bytes = try MessageWriter.render(message)
                        let name = "\(person.id!).eml"
                        try OutboxFile.store(bytes.bytes, at: folder.appendingPathComponent(name).path)
                        messageID = bytes.messageID
                        file = name
                    }
                }
                if reason == nil { rendered += 1 } else { skipped += 1 }
                try journal.add(personId: person.id!, firmId: person.firmId, email: person.email?.value, state: reason == nil ? .rendered : .skipped,
                                reason: reason, messageId: messageID, file: file)
                csv.write([String(person.id!), listing.firmName, person.name.withTitles, person.email?.value ?? "",
                           reason == nil ? "rendered" : "skipped", reason ?? "", messageID ?? "", file ?? ""])
                if csv.text.utf8.count > 65_536 { try manifest.append(csv.drain()) }
            }
            try journal.flush()
            try manifest.append(csv.drain())
            try manifest.finish()
            return RenderSummary(rendered: rendered, skipped: skipped, folder: folder.path)
        }
    }
}
