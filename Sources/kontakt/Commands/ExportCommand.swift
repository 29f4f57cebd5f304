// `kontakt export`: firms, persons and contacts as CSV (Excel-friendly encodings), persons as
// vCard 4.0, tasks and meetings as iCalendar.

import ArgumentParser
import CRM
import Foundation
import GRDB
import Interchange
import Segmentation
import Store

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export firms, persons and contacts as CSV, persons as vCard, tasks and meetings as iCalendar.",
        subcommands: [CSV.self, VCard.self, ICS.self])

    /// Writes `bytes` to `path`, or to standard output.
    static func emit(_ bytes: [UInt8], to path: String?) throws {
        if let path {
            try OutputFolder.create(for: path)
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw ExitMessage("cannot write \(path)") }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    enum Table: String, ExpressibleByArgument, CaseIterable { case firms, persons, contacts }

    struct CSV: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csv",
            abstract: "Export firms, persons or contacts as CSV, with the columns `kontakt import` reads back and one per attribute.",
            discussion: "--where/--segment select firms or persons (for contacts: the contacts of the selected firms). Windows-1250 with ; is what Czech Excel opens directly; UTF-8 opens with its diacritics in Excel when it starts with a BOM (--bom).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "firms, persons or contacts.") var table: Table
        @OptionGroup var selection: SelectionOptions
        @Option(help: "utf-8 or windows-1250.") var encoding = "utf-8"
        @Flag(help: "Start a UTF-8 file with a byte-order mark, so Excel reads it as UTF-8.") var bom = false
        @Option(help: "The field separator (default ; for windows-1250, else ,).") var delimiter: String?
        @Option(help: "The file to write (default: standard output).") var out: String?

        func run() throws {
            let textEncoding = try TextEncoding(parsing: encoding)
            guard textEncoding == .utf8 || textEncoding == .windows1250 || textEncoding == .iso88592 else {
                throw ArgumentParser.ValidationError("export writes utf-8, windows-1250 or iso-8859-2, not \(encoding)")
            }
            let separator = Character(delimiter ?? (textEncoding == .utf8 ? "," : ";"))
            let text = try global.open().read { db -> String in
                var csv = CSVWriter(delimiter: separator, neutralizingFormulas: true)
                let schema = try AttributeDefinitions.schema(db: db)
                switch table {
                case .firms:
                    let names = schema.definitions.filter { $0.entity == .firm }.map(\.name)
                    csv.write(CSVExport.firmHeader(attributes: names))
                    try Firms.forEach(filter: selection.filter(selecting: .firm, db: db), schema: schema, db: db) {
                        csv.write(CSVExport.firmRow($0, attributes: names))
                    }
                case .persons:
                    let names = schema.definitions.filter { $0.entity == .person }.map(\.name)
                    csv.write(CSVExport.personHeader(attributes: names))
                    var firm: Firm?
                    try Persons.forEach(filter: selection.filter(selecting: .person, db: db), byFirm: true, schema: schema, db: db) { listing in
                        if firm?.id != listing.person.firmId { firm = try Firms.fetch(id: listing.person.firmId, schema: schema, db: db) }
                        csv.write(CSVExport.personRow(listing.person, firm: firm!, attributes: names))
                    }
                case .contacts:
                    csv.write(CSVExport.contactHeader)
                    func add(_ listing: ContactListing) { csv.write(CSVExport.contactRow(listing.contact, firm: listing.firmName, person: listing.personName?.withTitles ?? "")) }
                    if let filter = try selection.filter(selecting: .firm, db: db) {
                        try Firms.forEach(filter: filter, schema: schema, db: db) { firm in try Contacts.forEach(ContactFilter(firmId: firm.id), db: db, add) }
                    } else {
                        try Contacts.forEach(ContactFilter(), db: db, add)
                    }
                }
                return csv.text
            }
            var bytes = try textEncoding.encode(text)
            if bom && textEncoding == .utf8 { bytes = [0xEF, 0xBB, 0xBF] + bytes }
            try ExportCommand.emit(bytes, to: out)
        }
    }

    struct VCard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vcard", abstract: "Export persons as vCard 4.0 (RFC 6350): name with titles, organisation, function, e-mail, phones, address.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "One person's id.") var person: Int64?
        @OptionGroup var selection: SelectionOptions
        @Option(help: "The file to write (default: standard output).") var out: String?

        func validate() throws {
            if (person == nil) == (selection.expression == nil && selection.segment == nil) {
                throw ValidationError("give --person ID, or the persons with --where EXPR or --segment NAME")
            }
        }

        func run() throws {
            let text = try global.open().read { db -> String in
                let schema = try AttributeDefinitions.schema(db: db)
                var cards = ""
                if let person {
                    let listing = try Persons.fetch(id: person, schema: schema, db: db)
                    cards = VCardExport.card(listing.person, firm: try Firms.fetch(id: listing.person.firmId, schema: schema, db: db))
                } else {
                    var firm: Firm?
                    try Persons.forEach(filter: selection.filter(selecting: .person, db: db), byFirm: true, schema: schema, db: db) { listing in
                        if firm?.id != listing.person.firmId { firm = try Firms.fetch(id: listing.person.firmId, schema: schema, db: db) }
                        cards += VCardExport.card(listing.person, firm: firm!)
                    }
                }
                return cards
            }
            try ExportCommand.emit(Array(text.utf8), to: out)
        }
    }

    struct ICS: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics",
            abstract: "Export open tasks (next contacts included) as VTODO and meetings as VEVENT (iCalendar, RFC 5545), with stable UIDs.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this referent's.") var referent: String?
        @Option(help: "The file to write (default: standard output).") var out: String?

        func run() throws {
            let text = try global.open().read { db -> String in
                if let referent, try Referents.fetch(code: referent, db: db) == nil { throw StoreError.notFound(entity: "referent", id: "\"\(referent)\"") }
                let stamp = Timestamp.now().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
                var calendar = CalendarExport.header()
                try Contacts.forEach(ContactFilter(referent: referent), db: db) { listing in
                    if let component = CalendarExport.component(listing.contact, firmName: listing.firmName, personName: listing.personName?.withTitles,
                                                                stamp: stamp) {
                        calendar += component
                    }
                }
                return calendar + CalendarExport.footer
            }
            try ExportCommand.emit(Array(text.utf8), to: out)
        }
    }
}
