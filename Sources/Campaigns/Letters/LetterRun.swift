// `kontakt letters`: a template merged for each person of a segment, laid out as ČSN letters in
// one PDF, each letter recorded as a contact (kind letter) in the same transaction.

import CRM
import GRDB
import Merge
import Print
import Segmentation
import Store

public enum LetterRun {
    public struct Options: Sendable {
        public var referent: Referent
        /// The sender's header lines.
        public var sender: [String]
        public var today: CivilDate
        /// The contacts' date and time.
        public var now: ContactDate
        /// Record each letter as a contact.
        public var log = true
        /// One letter per firm, addressed to the firm, naming its selected persons.
        public var groupByFirm = false
        /// What precedes those names (Czech "K rukám").
        public var attentionLabel = "K rukám"

        public init(referent: Referent, sender: [String], today: CivilDate, now: ContactDate) {
            self.referent = referent
            self.sender = sender
            self.today = today
            self.now = now
        }
    }

    public struct Summary: Sendable {
        public var letters = 0
        public var pages = 0
        /// Who got no letter ("person 12", "firm 3"), with the reason.
        public var skipped: [(owner: String, reason: String)] = []
        public var contacts = 0
    }

    /// Prints one letter per person the segment selects (a firm segment: its firms' persons)
    /// into `path`. Everything is one transaction: a failure records no contact.
    public static func print(templatePath: String, segment: Segment, options: Options, to path: String, database: KontaktDatabase) throws -> Summary {
        try database.write(commit: options.log) { db in
            let schema = try AttributeDefinitions.schema(db: db)
            let template = try Template.load(path: templatePath, schema: MergeSchema(attributes: schema.definitions))
            let codeLabels = CodeLabels(definitions: schema.definitions, book: try CodeLists.codeBook(db: db))
            let printer = try LetterPrinter(path: path, options: LetterComposer.options(template))
            var summary = Summary()
            let referent = options.referent, sender = options.sender, today = options.today
            // Merging and composing (pure work) run a chunk ahead on the other cores; drawing,
            // which writes one PDF stream, and the contacts stay here, in order.
            let attentionLabel = options.attentionLabel
            let pipeline = Pipeline<LetterRecipient, LetterOutcome>(chunkSize: 128, prepare: { recipient in
                let person = recipient.person, firm = recipient.firm
                let context = MergeContext(person: person, firm: firm, referent: referent, campaign: "", today: today, uses: template.selection,
                                           codeLabels: codeLabels, channel: .letter)
                let merged = template.render(context)
                if !merged.missing.isEmpty { return .skipped("required field(s) empty: \(merged.missing.joined(separator: ", "))") }
                let letter = LetterComposer.letter(merged, salutation: context.salutation, person: person, firm: firm, template: template,
                                                   referent: referent, sender: sender, today: today, attention: recipient.attention,
                                                   attentionLabel: attentionLabel)
                return .letter(letter)
            }, consume: { recipient, outcome in
                switch outcome {
                case .skipped(let reason):
                    summary.skipped.append((recipient.person.map { "person \($0.id!)" } ?? "firm \(recipient.firm.id!)", reason))
                case .letter(let letter):
                    printer.add(letter)
                    summary.letters += 1
                    if options.log {
                        let contact = Contact(firmId: recipient.firm.id!, personId: recipient.person?.id, date: options.now, kind: "letter", referent: referent.code,
                                              text: ContactLog.text(subject: letter.subject), note: "letter · \(templatePath)")
                        try Contacts.record(contact, checkingReferences: false, db: db)
                        summary.contacts += 1
                    }
                }
            })
            var firm: Firm?
            var attention: [String] = []
            try Persons.forEach(filter: segment.filter(selecting: .person), byFirm: true, schema: schema, db: db) { listing in
                let person = listing.person
                if firm?.id != person.firmId {
                    if options.groupByFirm, let done = firm { try pipeline.push(LetterRecipient(firm: done, person: nil, attention: attention)) }
                    firm = try Firms.fetch(id: person.firmId, schema: schema, db: db)
                    attention = []
                }
                if options.groupByFirm {
                    attention.append(person.name.withTitles)
                } else {
                    try pipeline.push(LetterRecipient(firm: firm!, person: person, attention: []))
                }
            }
            if options.groupByFirm, let done = firm { try pipeline.push(LetterRecipient(firm: done, person: nil, attention: attention)) }
            try pipeline.finish()
            guard summary.letters > 0 else {
                guard let first = summary.skipped.first else { throw SendError.usage(PrintRunMessages.nobodySelected("letters")) }
                throw SendError.usage("no letters to print: all \(summary.skipped.count) selected were skipped (\(first.owner): \(first.reason))")
            }
            try printer.finish()
            summary.pages = printer.pages
            return summary
        }
    }
}

/// Who a letter is for: a person of a firm, or (grouped by firm) the firm, naming its persons.
struct LetterRecipient: Sendable {
    let firm: Firm
    let person: Person?
    let attention: [String]
}

/// What composing made of a recipient: their letter, or why they get none.
enum LetterOutcome: Sendable {
    case letter(Letter)
    case skipped(String)
}
