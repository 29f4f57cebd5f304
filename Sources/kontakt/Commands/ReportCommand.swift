// `kontakt report …`: the seed's sales statistics, computed from the contact log.

import Workspace
import ArgumentParser
import CRM
import Foundation
import Interchange
import Reports
import Store

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Sales statistics from the contact log.",
        discussion: "Each report takes --from/--to, --where/--segment (which firms count), --format table|csv|json|html and --out FILE. Tables use Czech number formats (12,5 %); CSV and JSON plain numbers (0.125). HTML is one self-contained page with charts, for the screen or A4.",
        subcommands: [Referents.self, TimeToDeal.self, LossReasons.self, Conversion.self, Sources.self])

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, html }

    /// The options every report shares: the period, the firms, the output.
    struct Scope: ParsableArguments {
        @Option(help: "Count from this day (YYYY-MM-DD or D. M. YYYY).") var from: String?
        @Option(help: "Count up to this day, inclusive.") var to: String?
        @OptionGroup var selection: SelectionOptions
        @Option(help: "table (Czech number format), csv or json (plain numbers), html (a page with charts).") var format: Format = .table
        @Flag(help: "The same as --format json.") var json = false
        @Option(help: "Write to this file instead of standard output.") var out: String?

        /// Writes the report in the chosen format.
        private func emit(_ table: ReportTable, scope: ReportScope) throws {
            switch json ? .json : format {
            case .table: try write(ReportCommand.text(table) + "\n")
            case .csv: try write(table.csv)
            case .json:
                let buffer = try OutputBuffer.to(out)
                ReportCommand.json(table, into: buffer)
            case .html:
                try write(HTMLReport.render(table, scope: scope.described(firms: selection.choice), generated: CzechFormat.date(LocalClock.now().date)))
            }
        }

        /// Counts the report in the chosen period and firms, and writes it.
        func report(_ global: GlobalOptions, _ report: SalesReport) throws {
            let today = LocalClock.now().date
            let request = ReportRequest(
                from: try DateOption.absolute(from, option: "--from", today: today).map { try ContactDate(parsing: $0, field: "--from").date },
                to: try DateOption.absolute(to, option: "--to", today: today).map { try ContactDate(parsing: $0, field: "--to").date },
                firms: selection.choice)
            let (table, counted) = try global.workspace().report(report, request)
            try emit(table, scope: counted)
        }

        private func write(_ text: String) throws { try ExportCommand.emit(Array(text.utf8), to: out) }
    }

    static func text(_ table: ReportTable) -> String {
        var text = TextTable(headings: table.columns.map(\.heading))
        for row in table.rows {
            text.add(cells: row.map { value in
                switch value {
                case .text(let string): string
                case .total: ReportValue.totalLabel
                case .count(let count): CzechFormat.count(count)
                case .rate(let rate): CzechFormat.percent(rate)
                case .days(let days): CzechFormat.decimal(days)
                }
            })
        }
        return text.render()
    }

    static func json(_ table: ReportTable, into buffer: OutputBuffer) {
        let json = JSONWriter(output: buffer)
        json.array {
            for row in table.rows {
                json.object {
                    for (column, value) in zip(table.columns, row) {
                        switch value {
                        case .text(let string): json.field(column.key, string)
                        case .total: json.field(column.key, ReportValue.totalLabel)
                        case .count(let count): json.field(column.key, Int64(count))
                        case .rate(let number), .days(let number):
                            if let number { json.field(column.key, number: number) } else { json.key(column.key); json.null() }
                        }
                    }
                }
            }
        }
        json.newline()
    }

    struct Referents: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "referents",
            abstract: "Per referent: visits and their results, the success rate, contacts of every kind, e-mails and letters sent, open and overdue tasks.",
            discussion: """
                visits: contacts (not tasks) of the visit kind (--kind, default meeting) dated in the period. success / open / \
                failure: those visits whose result belongs to that outcome class of the result code list; none: visits with no \
                result or one without a class. rate: success ÷ visits. contacts: every contact (not task) in the period, of any \
                kind, and one column per kind; e-mails and letters: those of kind email and letter (campaign messages and letters \
                included). open tasks: tasks not yet done dated in the period (all of them without --from/--to); overdue: open \
                tasks dated before today. --where/--segment restrict all of it to the contacts of the selected firms. Every \
                referent is listed, those with nothing in the period too.
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: Scope
        @Option(help: "The contact kind that counts as a visit.") var kind = "meeting"

        func run() throws {
            try options.report(global, .referents(visitKind: kind))
        }
    }

    struct TimeToDeal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "time-to-deal",
            abstract: "Days from the first contact with a firm to its first deal: count, mean, median and 90th percentile, per referent and overall.",
            discussion: """
                A deal is a contact whose result is of the success class. Overall, each firm counts once: from its first \
                contact with anyone to its first deal with anyone. Per referent, the referent's own lane: from their first \
                contact with the firm to their first deal with it. deals: first deals dated in the period. open: firms (lanes) \
                first contacted by the end of the period with no deal by then. median: the middle value (the mean of the two \
                middle ones for an even count); p90: the smallest value with at least 90 % of the values at or below it. \
                Tasks do not count as contacts. The HTML page adds a histogram of the overall days.
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: Scope

        func run() throws {
            try options.report(global, .timeToDeal)
        }
    }

    struct LossReasons: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "loss-reasons",
            abstract: "Why acquisitions failed: each result of the failure class, counted and as a share, overall and per referent.",
            discussion: """
                Counts contacts (not tasks) dated in the period whose result is of the failure class in the result code list; \
                every such result is listed, those never given too. share: the count ÷ all failures (overall, or of that \
                referent in the referent's columns).
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: Scope

        func run() throws {
            try options.report(global, .lossReasons)
        }
    }

    /// `--bands 0,10,50,250`: lower bounds, ascending.
    static func bands(_ text: String?) throws -> [Double]? {
        guard let text else { return nil }
        let bounds = try text.split(separator: ",").map { part -> Double in
            guard let number = Double(part.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")) else {
                throw ValidationError("--bands: \"\(part)\" is not a number; expected lower bounds such as 0,10,50,250")
            }
            return number
        }
        guard !bounds.isEmpty, zip(bounds, bounds.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw ValidationError("--bands: expected ascending lower bounds such as 0,10,50,250")
        }
        return bounds
    }

    static let cohortDiscussion = """
        The cohort: the firms whose first contact falls in --from/--to (without a period, every firm with a contact), \
        restricted by --where/--segment; with --role, only those that held the role at their first contact (recorded from \
        the role history; a prospect that became a customer stays in, converted). The page and the CSV name the cohort. firms: the group's firms. \
        with deal: firms with at least one contact whose result is of the success class (counted to date). rate: with deal ÷ \
        firms. median days: from the first contact to the first deal, over the firms with a deal. Firms without a value \
        form the group "(neuvedeno)".
        """

    struct Conversion: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "conversion",
            abstract: "Acquisition success by a firm attribute (industry, territory, employees in bands…): firms, how many reached a deal, the rate, the median days to it.",
            discussion: ReportCommand.cohortDiscussion + " A number attribute groups by value, or in bands with --bands 0,10,50,250 (0–9, 10–49, 50–249, 250+).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: Scope
        @Option(help: ArgumentHelp("The firm attribute to group by.", valueName: "ATTR")) var by: String
        @Option(help: ArgumentHelp("Lower bounds of bands for a number attribute.", valueName: "N,N,…")) var bands: String?
        @Option(help: "Only firms with this role at their first contact: customer, prospect or supplier.") var role: String?
        @Flag(help: .hidden) var allFirms = false

        func run() throws {
            let bounds = try ReportCommand.bands(bands)
            let role = try self.role.map { try Role(parsing: $0, field: "--role") }
            try options.report(global, .conversion(ConversionOptions(attribute: by, bands: bounds, role: role), sources: false))
        }
    }

    struct Sources: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sources",
            abstract: "Acquisition success by information source, and each source's share of all contracts.",
            discussion: ReportCommand.cohortDiscussion + " contracts: every contact with a success result of the group's firms; share of contracts: the group's ÷ all groups'.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: Scope
        @Option(help: ArgumentHelp("The firm attribute holding the information source.", valueName: "ATTR")) var attribute = "source"
        @Option(help: "Only firms with this role at their first contact: customer, prospect or supplier.") var role: String?
        @Flag(help: .hidden) var allFirms = false

        func run() throws {
            let role = try self.role.map { try Role(parsing: $0, field: "--role") }
            try options.report(global, .conversion(ConversionOptions(attribute: attribute, role: role), sources: true))
        }
    }
}
