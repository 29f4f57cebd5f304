// `kontakt export`: firms, persons and contacts as CSV (Excel-friendly encodings), persons as
// vCard 4.0, tasks and meetings as iCalendar.

import ArgumentParser
import Workspace
import CRM
import Foundation
import Interchange
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

    struct CSV: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csv",
            abstract: "Export firms, persons or contacts as CSV, with the columns `kontakt import` reads back and one per attribute.",
            discussion: "--where/--segment select firms or persons (for contacts: the contacts of the selected firms). Windows-1250 with ; is what Czech Excel opens directly; UTF-8 opens with its diacritics in Excel when it starts with a BOM (--bom).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "firms, persons or contacts.") var table: ExportTable
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
            let text = try global.workspace().exports.csv(table, selection: selection.choice, delimiter: separator)
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
            let text = try global.workspace().exports.vCards(person: person, selection: selection.choice)
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
            let text = try global.workspace().exports.calendar(referent: referent)
            try ExportCommand.emit(Array(text.utf8), to: out)
        }
    }
}

extension ExportTable: ExpressibleByArgument {}
