// `kontakt person card` and `kontakt firm dossier`: the seed's "print detail" and "print
// customer information as a basis for a meeting", as PDFs.

import Workspace
import ArgumentParser
import CRM
import Foundation
import Merge
import Print
import Store

extension PersonCommand {
    struct Card: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "card", abstract: "Print a person's card as a PDF: details, function, notes, the firm and recent contacts.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's id.") var id: Int64
        @Option(help: "The PDF to write (default: Outbox/person-ID.pdf).") var out: String?
        @Option(help: "How many recent contacts to list.") var contacts = 20

        func run() throws {
            let path = out ?? global.outbox + "/person-\(id).pdf"
            try OutputFolder.create(for: path)
            let printed = try global.workspace().documents.card(personId: id, recent: contacts, to: path)
            print("Printed the card of person \(id) (\(printed.pages) page(s)): \(path)")
        }
    }
}

extension FirmCommand {
    struct Dossier: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dossier",
            abstract: "Print a firm's dossier as a PDF, the brief for a meeting: data and attributes, persons, open tasks, the whole contact history with results, the first contact and the deals.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The firm's id.") var id: Int64
        @Option(help: "The PDF to write (default: Outbox/firm-ID.pdf).") var out: String?

        func run() throws {
            let path = out ?? global.outbox + "/firm-\(id).pdf"
            try OutputFolder.create(for: path)
            let printed = try global.workspace().documents.dossier(firmId: id, to: path)
            print("Printed the dossier of firm \(id) (\(printed.pages) page(s), \(printed.contacts) contact(s)): \(path)")
        }
    }
}
