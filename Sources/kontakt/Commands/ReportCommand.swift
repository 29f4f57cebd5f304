// `kontakt report …`: the seed's sales statistics, computed from the contact log.

import ArgumentParser
import CRM
import Foundation
import GRDB
import Interchange
import Reports
import Store

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Sales statistics from the contact log.",
        subcommands: [Referents.self])

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    /// The options every report shares: the period, the firms, the output.
    struct Scope: ParsableArguments {
        @Option(help: "Count contacts from this day (YYYY-MM-DD or D. M. YYYY).") var from: String?
        @Option(help: "Count contacts up to this day, inclusive.") var to: String?
        @OptionGroup var selection: SelectionOptions
        @Option(help: "table (Czech number format), csv or json (plain numbers).") var format: Format = .table
        @Option(help: "Write to this file instead of standard output.") var out: String?

        func scope(db: Database) throws -> ReportScope {
            ReportScope(from: try from.map { try ContactDate(parsing: $0, field: "from").date },
                        to: try to.map { try ContactDate(parsing: $0, field: "to").date },
                        firms: try selection.filter(selecting: .firm, db: db), today: LocalClock.now().date)
        }

        func emit(_ text: String) throws {
            try ExportCommand.emit(Array(text.utf8), to: out)
        }
    }

    /// `12,5 %` in tables; "" when there is nothing to divide.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "" }
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10),\(tenths % 10) %"
    }

    struct Referents: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "referents",
            abstract: "Per referent: visits and their results, the success rate, contacts of every kind, e-mails and letters sent, open and overdue tasks.",
            discussion: """
                visits: contacts (not tasks) of the visit kind (--kind, default meeting) dated in the period. success / open / \
                failure: those visits whose result belongs to that outcome class of the result code list; none: visits with no \
                result or one without a class. rate: success ÷ visits. contacts: every contact (not task) in the period, of any \
                kind; e-mails and letters: those of kind email and letter (campaign messages and letters included). open tasks: \
                tasks not yet done dated in the period (all of them without --from/--to); overdue: open tasks dated before today. \
                --where/--segment restrict all of it to the contacts of the selected firms. Every referent is listed, those \
                with nothing in the period too.
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: Scope
        @Option(help: "The contact kind that counts as a visit.") var kind = "meeting"

        func run() throws {
            let rows = try global.open().read { db in try ReferentReport.rows(scope: options.scope(db: db), visitKind: kind, db: db) }
            switch options.format {
            case .table:
                var table = TextTable("referent", "visits", "success", "open", "failure", "none", "rate", "contacts", "e-mails", "letters", "open tasks", "overdue")
                for row in rows {
                    table.add(cells: [row.referent, String(row.visits), String(row.successes), String(row.openResults), String(row.failures),
                                      String(row.withoutResult), ReportCommand.percent(row.successRate), String(row.contacts), String(row.emails),
                                      String(row.letters), String(row.openTasks), String(row.overdueTasks)])
                }
                try options.emit(table.render() + "\n")
            case .csv:
                var csv = CSVWriter(delimiter: ",")
                csv.write(["referent", "name", "visits", "success", "open", "failure", "none", "rate", "contacts", "emails", "letters", "openTasks", "overdueTasks"])
                for row in rows {
                    csv.write([row.referent, row.name, String(row.visits), String(row.successes), String(row.openResults), String(row.failures),
                               String(row.withoutResult), row.successRate.map { String($0) } ?? "", String(row.contacts), String(row.emails),
                               String(row.letters), String(row.openTasks), String(row.overdueTasks)])
                }
                try options.emit(csv.text)
            case .json:
                let buffer = try options.out.map { path -> OutputBuffer in try OutputFolder.create(for: path); return try OutputBuffer(path: path) } ?? OutputBuffer()
                let json = JSONWriter(output: buffer)
                json.array {
                    for row in rows {
                        json.object {
                            json.field("referent", row.referent)
                            json.field("name", row.name)
                            json.field("visits", Int64(row.visits))
                            json.objectField("results") {
                                json.field("success", Int64(row.successes))
                                json.field("open", Int64(row.openResults))
                                json.field("failure", Int64(row.failures))
                                json.field("none", Int64(row.withoutResult))
                            }
                            if let rate = row.successRate { json.field("successRate", number: rate) } else { json.key("successRate"); json.null() }
                            json.field("contacts", Int64(row.contacts))
                            json.objectField("contactsByKind") { for kind in row.contactsByKind.keys.sorted() { json.field(kind, Int64(row.contactsByKind[kind]!)) } }
                            json.field("emails", Int64(row.emails))
                            json.field("letters", Int64(row.letters))
                            json.field("openTasks", Int64(row.openTasks))
                            json.field("overdueTasks", Int64(row.overdueTasks))
                        }
                    }
                }
                json.newline()
            }
        }
    }
}
