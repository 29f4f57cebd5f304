// Address labels and envelopes of any segment (outside a campaign too): one ČSN 01 6910 block
// per person of a person segment (firm, name with titles, the address), one per firm of a firm
// segment — `kontakt labels` and `kontakt envelopes`, and the print links of the firm list.

import CRM
import Campaigns
import Print
import Store

/// What a print run wrote, and whose blocks had to be set smaller or cut.
public struct AddressPrint: Sendable, Equatable {
    public let count: Int
    public let pages: Int
    /// "person 12", "firm 3" of the blocks set smaller, and of those cut with an ellipsis.
    public let shrunk: [String]
    public let truncated: [String]
}

/// The envelope sizes, for the front ends.
public typealias EnvelopeSize = EnvelopeFormat

/// A label sheet as a picker lists it.
public struct SheetChoice: Sendable, Equatable {
    public let name: String
    public let description: String
}

extension Workspace {
    public var addressPrinting: AddressPrinting { AddressPrinting(workspace: self) }

    public struct AddressPrinting: Sendable {
        let workspace: Workspace

        /// The presets of these folders (gLabels' library is named by product code instead).
        public func sheets(folders: [String]) throws -> [SheetChoice] {
            try LabelSheetCatalog(folders: folders, libraries: false).matching("").map { SheetChoice(name: $0.name, description: $0.description) }
        }

        public func labels(_ choice: SegmentChoice, sheetNamed name: String, sheetFolders: [String], skip: Int, to path: String) throws -> AddressPrint {
            let sheet = try LabelSheetCatalog.sheet(named: name, in: sheetFolders)
            guard skip >= 0, skip < sheet.labelsPerPage else {
                throw WorkspaceError.invalid(field: "skip", "skipping \(skip) would skip the whole sheet of \(sheet.labelsPerPage) labels")
            }
            let (blocks, owners) = try self.blocks(choice, "labels")
            let report = try LabelPrinter.print(blocks, sheet: sheet, skip: skip, to: path)
            return AddressPrint(count: report.labels, pages: report.pages, shrunk: report.shrunk.map { owners[$0 - 1] },
                                truncated: report.truncated.map { owners[$0 - 1] })
        }

        /// Envelopes with the sender's block: `sender`, else the setting print.sender.
        public func envelopes(_ choice: SegmentChoice, format: EnvelopeFormat, sender: [String]? = nil, to path: String) throws -> AddressPrint {
            let (blocks, owners) = try self.blocks(choice, "envelopes")
            let stored = try workspace.database.read { db in try Settings.get("print.sender", db: db) }
            let report = try EnvelopePrinter.print(blocks, sender: sender ?? Workspace.CampaignDesk.senderLines(stored), format: format, to: path)
            return AddressPrint(count: report.envelopes, pages: report.envelopes, shrunk: report.shrunk.map { owners[$0 - 1] },
                                truncated: report.truncated.map { owners[$0 - 1] })
        }

        /// The blocks in print order and whose each is; an empty segment is an error.
        func blocks(_ choice: SegmentChoice, _ what: String) throws -> (blocks: [[String]], owners: [String]) {
            let today = workspace.clock().date
            let result = try workspace.database.read { db -> ([[String]], [String]) in
                let segment = try workspace.segment(choice, defaultTarget: .person, today: today, db: db)
                let schema = segment.vocabulary.schema
                var blocks: [[String]] = [], owners: [String] = []
                if segment.target == .firm {
                    try Firms.forEach(filter: segment.filter(selecting: .firm), schema: schema, db: db) { firm in
                        blocks.append(AddressBlock(firmName: firm.name, address: firm.address).lines)
                        owners.append("firm \(firm.id!)")
                    }
                } else {
                    var firm: Firm?
                    try Persons.forEach(filter: segment.filter(selecting: .person), byFirm: true, schema: schema, db: db) { listing in
                        let person = listing.person
                        if firm?.id != person.firmId { firm = try Firms.fetch(id: person.firmId, schema: schema, db: db) }
                        blocks.append(AddressBlock(firmName: firm!.name, person: person.name, gender: person.gender, address: person.postalAddress(firm: firm!)).lines)
                        owners.append("person \(person.id!)")
                    }
                }
                return (blocks, owners)
            }
            guard !result.0.isEmpty else { throw WorkspaceError.conflict(PrintRunMessages.nobodySelected(what)) }
            return result
        }
    }
}

/// Letters of a template for a segment (outside a campaign), each logged as a contact.
public struct LetterRequest: Sendable {
    public var template: String
    public var segment: SegmentChoice
    /// The referent who signs and is logged.
    public var referent: String
    /// The sender's header; nil takes the setting print.sender.
    public var sender: [String]?
    public var log = true
    public var groupByFirm = false

    public init(template: String, segment: SegmentChoice, referent: String) {
        self.template = template; self.segment = segment; self.referent = referent
    }
}

public typealias LetterSummary = LetterRun.Summary

extension Workspace.AddressPrinting {
    /// `kontakt letters` and the print page's letters: one PDF, each letter logged as a
    /// contact by the signing referent (a sales user signs as its own).
    public func letters(_ request: LetterRequest, by principal: Principal, to path: String) throws -> LetterSummary {
        if request.log { try Policy.check(.logContact(referent: request.referent), principal) }
        let now = workspace.clock()
        let (segment, signer, stored) = try workspace.database.read { db in
            (try workspace.segment(request.segment, defaultTarget: .person, today: now.date, db: db), try Referents.existing(code: request.referent, db: db),
             try Settings.get("print.sender", db: db))
        }
        var options = LetterRun.Options(referent: signer, sender: request.sender ?? Workspace.CampaignDesk.senderLines(stored), today: now.date, now: now)
        options.log = request.log
        options.groupByFirm = request.groupByFirm
        return try LetterRun.print(templatePath: request.template, segment: segment, options: options, to: path, database: workspace.database)
    }
}
