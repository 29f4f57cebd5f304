// `report conversion --by ATTR` and `report sources`: firms grouped by one of their attributes,
// how many reached a deal, the rate, the median time to it, and (sources) each group's share
// of all contracts.

import CRM
import GRDB
import Store

public struct ConversionOptions: Sendable {
    /// The firm attribute to group by.
    public var attribute: String
    /// Lower bounds of bands for a number attribute (`0, 10, 50, 250` gives 0–9, 10–49, 50–249, 250+).
    public var bands: [Double]?
    /// Only firms that held this role at their first contact (from the role history).
    public var role: Role?

    public init(attribute: String, bands: [Double]? = nil, role: Role? = nil) {
        self.attribute = attribute; self.bands = bands; self.role = role
    }
}

public struct ConversionGroup: Sendable, Equatable {
    /// The stored value (a code for a code list), the band's label, or "" for firms without one.
    public var value: String
    public var label: String
    public var firms = 0
    /// Firms with at least one deal.
    public var converted = 0
    /// Days from the first contact to the first deal of each converted firm.
    public var days: [Int] = []
    /// Deals (contacts with a success result) of the group's firms.
    public var contracts = 0

    public var rate: Double? { firms == 0 ? nil : Double(converted) / Double(firms) }

    /// Counts one firm of the group; nil for a firm nobody has contacted.
    mutating func count(_ progress: FirmProgress?) {
        firms += 1
        guard let progress else { return }
        if let days = progress.daysToDeal { converted += 1; self.days.append(days) }
        contracts += progress.deals
    }
}

public struct Conversion: Sendable, Equatable {
    public var attribute: AttributeDefinition
    /// Which firms were counted, in words (Czech), for the page and the CSV.
    public var cohort: String = "" 
    /// In the code list's order, bands in order, other values sorted; firms without a value last.
    public var groups: [ConversionGroup]
    public var total: ConversionGroup
}

public enum ConversionReport {
    static let noValue = "(neuvedeno)"

    /// The cohort: the scope's firms whose first contact falls in the period (every contacted
    /// firm without one), with `role` only those that held it at that first contact. A firm
    /// that became a customer stays in its cohort: it converted. Outcomes (deals, days,
    /// contracts) are counted to date.
    public static func compute(options: ConversionOptions, scope: ReportScope, db: Database) throws -> Conversion {
        let schema = try AttributeDefinitions.schema(db: db)
        let definition = try schema.definition(named: options.attribute, on: .firm)
        if options.bands != nil, definition.type != .number {
            throw ValidationError(field: "bands", message: "--bands groups a number attribute; \(definition.name) is of type \(definition.type.rawValue)")
        }
        let column = AttributeValues.column(for: definition)
        var conditions: [String] = []
        var arguments: [DatabaseValue] = []
        if let firms = scope.firms { conditions.append("f.id IN (\(firms.idQuery))"); arguments += firms.allArguments }
        // Both this and the summary come in firm id order: one merge, no table of firms in memory.
        let values = try Row.fetchCursor(db, sql: """
            SELECT f.id, fv.\(column) FROM firm f JOIN firm_values fv ON fv.firm_id = f.id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) ORDER BY f.id
            """, arguments: StatementArguments(arguments))
        // GRDB reuses one row for a cursor's every step: take the values out before moving on.
        func nextFirm() throws -> (id: Int64, value: DatabaseValue)? { try values.next().map { ($0[0], $0[1]) } }
        var pending = try nextFirm()
        let grouping = Grouping(definition: definition, codeBook: schema.codeBook, bands: options.bands)
        var groups: [String: ConversionGroup] = [:]
        var ranks: [String: Grouping.Rank] = [:]
        // Many firms share few values: each distinct value is grouped once.
        var keyOfValue: [DatabaseValue: String] = [:]
        var total = ConversionGroup(value: "", label: "")
        // Every band is listed, an empty one too: a manager reads the gaps as well.
        for bound in grouping.bands ?? [] {
            let group = grouping.group(of: bound.databaseValue)
            ranks[group.key] = group.rank
            groups[group.key] = ConversionGroup(value: group.key, label: group.label)
        }
        func add(_ value: DatabaseValue, progress: FirmProgress?) {
            let key: String
            if let known = keyOfValue[value] {
                key = known
            } else {
                let group = grouping.group(of: value)
                key = group.key
                keyOfValue[value] = key
                ranks[key] = group.rank
                if groups[key] == nil { groups[key] = ConversionGroup(value: key, label: group.label) }
            }
            groups[key]!.count(progress)
            total.count(progress)
        }
        let range = scope.dayRange
        let roles = try options.role.map { try RoleHistory(role: $0, db: db) }
        // Firms nobody has contacted have no first contact: they are in no cohort.
        func passUncontacted(before firmId: Int64) throws {
            while let firm = pending, firm.id < firmId { pending = try nextFirm() }
        }
        try DealProgress.forEachFirm(scope: scope, lanes: false, db: db) { progress in
            try passUncontacted(before: progress.firmId)
            guard let firm = pending, firm.id == progress.firmId else { return }
            pending = try nextFirm()
            guard range.contains(progress.firstContact) else { return }
            if let roles, !roles.held(by: firm.id, onDay: progress.firstContact) { return }
            add(firm.value, progress: progress)
        }
        return Conversion(attribute: definition, cohort: cohort(scope: scope, role: options.role, book: schema.codeBook),
                          groups: groups.values.sorted { ranks[$0.value]! < ranks[$1.value]! }, total: total)
    }

    /// "Firmy s prvním kontaktem od 1. 2. 2026 do 30. 6. 2026, při něm v roli potenciální zákazník".
    static func cohort(scope: ReportScope, role: Role?, book: CodeBook) -> String {
        var text: String
        switch (scope.from, scope.to) {
        case (nil, nil): text = "Všechny firmy s aspoň jedním kontaktem"
        case (let from?, nil): text = "Firmy s prvním kontaktem od \(shortDate(from))"
        case (nil, let to?): text = "Firmy s prvním kontaktem do \(shortDate(to))"
        case (let from?, let to?): text = "Firmy s prvním kontaktem od \(shortDate(from)) do \(shortDate(to))"
        }
        if let role { text += ", při něm v roli \(book.roleLabels([role]).lowercased())" }
        return text + "; obchod kdykoli do dneška"
    }

    private static func shortDate(_ date: CivilDate) -> String { "\(date.day). \(date.month). \(date.year)" }

    /// How a stored attribute value maps to a group, and where the group goes in the list.
    struct Grouping {
        let definition: AttributeDefinition
        let codeBook: CodeBook
        let bands: [Double]?
        let positions: [String: Int]

        init(definition: AttributeDefinition, codeBook: CodeBook, bands: [Double]?) {
            self.definition = definition; self.codeBook = codeBook; self.bands = bands?.sorted()
            positions = definition.codeList.map { list in
                Dictionary(codeBook.values(of: list).enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
            } ?? [:]
        }

        /// Groups sort by (class, number, text): code-list position, band or number, Czech order
        /// for free text; values outside the code list after it, firms without a value last.
        struct Rank: Comparable {
            let order: Int, number: Double, text: String
            static func < (a: Rank, b: Rank) -> Bool { (a.order, a.number, a.text) < (b.order, b.number, b.text) }
        }

        func group(of value: DatabaseValue) -> (key: String, label: String, rank: Rank) {
            if value.isNull { return ("", ConversionReport.noValue, Rank(order: 2, number: 0, text: "")) }
            if let bands, !bands.isEmpty, let number = Double.fromDatabaseValue(value) {
                guard let index = bands.lastIndex(where: { number >= $0 }) else {
                    return ("< \(plain(bands[0]))", "< \(plain(bands[0]))", Rank(order: 0, number: -1, text: ""))
                }
                let label = index + 1 < bands.count ? bandLabel(bands[index], bands[index + 1]) : "\(plain(bands[index]))+"
                return (label, label, Rank(order: 0, number: Double(index), text: ""))
            }
            let text = String.fromDatabaseValue(value) ?? Double.fromDatabaseValue(value).map(CzechFormat.plain) ?? value.description
            if let position = positions[text], let list = definition.codeList, let coded = codeBook.values(of: list).first(where: { $0.code == text }) {
                return (text, coded.label, Rank(order: 0, number: Double(position), text: ""))
            }
            if definition.type == .number, let number = Double.fromDatabaseValue(value) { return (text, text, Rank(order: 0, number: number, text: "")) }
            return (text, text, Rank(order: 1, number: 0, text: CzechCollation.sortKey(text)))
        }

        /// `10–49` between whole numbers, `≥ 0,5 a < 2` otherwise.
        private func bandLabel(_ lower: Double, _ upper: Double) -> String {
            if lower.rounded() == lower, upper.rounded() == upper { return "\(plain(lower))–\(plain(upper - 1))" }
            return "≥ \(plain(lower)) a < \(plain(upper))"
        }

        private func plain(_ number: Double) -> String { CzechFormat.plain(number).replacingOccurrences(of: ".", with: ",") }
    }

    public static let definitions = [
        "Soubor: firmy, jejichž první kontakt spadá do období (bez období každá firma s kontaktem), omezené výběrem; s --role jen ty, které měly tu roli při prvním kontaktu.",
        "Obchod: kontakt s výsledkem třídy úspěch. Úspěšnost: firmy s obchodem ÷ firmy ve skupině. Medián: dny od prvního kontaktu k prvnímu obchodu u firem s obchodem. Výsledky se počítají dodnes.",
    ]

    public static let sourceDefinitions = definitions + [
        "Smlouvy: všechny kontakty s výsledkem třídy úspěch u firem skupiny. Podíl na smlouvách: smlouvy skupiny ÷ smlouvy všech skupin.",
    ]

    /// - Parameter contracts: adds the contracts and their share (the sources report).
    public static func table(_ report: Conversion, contracts: Bool) -> ReportTable {
        let name = report.attribute.label.isEmpty ? report.attribute.name : report.attribute.label
        var columns = [ReportColumn("value", report.attribute.name, name), ReportColumn("label", "label", "Popis"),
                       ReportColumn("firms", "firms", "Firmy"), ReportColumn("converted", "with deal", "S obchodem"),
                       ReportColumn("rate", "rate", "Úspěšnost"), ReportColumn("medianDays", "median days", "Medián (dny)")]
        if contracts { columns += [ReportColumn("contracts", "contracts", "Smlouvy"), ReportColumn("contractShare", "share of contracts", "Podíl na smlouvách")] }
        // Which firms were counted travels with every row, so a CSV read alone still says it.
        columns.append(ReportColumn("cohort", "cohort", "Kohorta"))
        var table = ReportTable(title: contracts ? "Zdroje informací: úspěšnost a podíl na smlouvách" : "Úspěšnost akvizic podle: \(name)",
                                columns: columns, definitions: ["Kohorta: \(report.cohort)."] + (contracts ? sourceDefinitions : definitions))
        func row(_ group: ConversionGroup, label: ReportValue) -> [ReportValue] {
            var cells: [ReportValue] = [label, .text(group.label), .count(group.firms), .count(group.converted), .rate(group.rate),
                                        .days(DayStatistics(group.days).median)]
            if contracts { cells += [.count(group.contracts), .rate(report.total.contracts == 0 ? nil : Double(group.contracts) / Double(report.total.contracts))] }
            return cells + [.text(report.cohort)]
        }
        table.rows = report.groups.map { row($0, label: .text($0.value)) } + [row(report.total, label: .total)]
        table.charts.append(ReportChart(title: "Úspěšnost podle: \(name)", categoryAxis: name, valueAxis: "podíl firem s obchodem", scale: .rate,
                                        bars: report.groups.map { ($0.label, $0.rate ?? 0) }))
        if contracts {
            table.charts.append(ReportChart(title: "Podíl na všech smlouvách", categoryAxis: name, valueAxis: "podíl smluv", scale: .rate,
                                            bars: report.groups.map { ($0.label, report.total.contracts == 0 ? 0 : Double($0.contracts) / Double(report.total.contracts)) }))
        }
        return table
    }
}
