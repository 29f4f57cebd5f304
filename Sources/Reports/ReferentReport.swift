// `report referents`: per salesperson, the visits and what came of them, all their contacts by
// kind, the e-mails and letters sent, and their open and overdue tasks.

import CRM
import GRDB
import Store

public struct ReferentRow: Sendable, Equatable {
    public var referent: String
    public var name: String
    /// Contacts of the visit kind, and how many had a result of each outcome class, or none.
    public var visits = 0
    public var successes = 0
    public var openResults = 0
    public var failures = 0
    public var withoutResult = 0
    /// Contacts (not tasks) of every kind, by kind code.
    public var contactsByKind: [String: Int] = [:]
    public var emails = 0
    public var letters = 0
    public var openTasks = 0
    public var overdueTasks = 0

    /// Successful visits over all visits; nil without visits.
    public var successRate: Double? { visits == 0 ? nil : Double(successes) / Double(visits) }
    public var contacts: Int { contactsByKind.values.reduce(0, +) }
}

public enum ReferentReport {
    /// One row per referent, those without contacts in scope included, by code.
    /// - Parameter visitKind: the kind that counts as a visit (default `meeting`).
    public static func rows(scope: ReportScope, visitKind: String = "meeting", db: Database) throws -> [ReferentRow] {
        var rows: [String: ReferentRow] = [:]
        for referent in try Referents.all(db: db) { rows[referent.code] = ReferentRow(referent: referent.code, name: referent.name) }
        let (tally, arguments) = scope.tally()
        let sql = """
            SELECT t.referent, t.kind, t.status, t.open, t.day < ? AS overdue, v.outcome, sum(t.n) AS n
            FROM (\(tally)) t LEFT JOIN code_value v ON v.list = 'result' AND v.code = t.result
            GROUP BY 1, 2, 3, 4, 5, 6
            """
        for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments([scope.today.iso.databaseValue] + arguments)) {
            let code: String = row["referent"]
            var entry = rows[code] ?? ReferentRow(referent: code, name: code)
            let count: Int = row["n"], kind: String = row["kind"]
            if row["status"] as String == "task" {
                if row["open"] as Bool {
                    entry.openTasks += count
                    if row["overdue"] as Bool { entry.overdueTasks += count }
                }
            } else {
                entry.contactsByKind[kind, default: 0] += count
                if kind == "email" { entry.emails += count }
                if kind == "letter" { entry.letters += count }
                if kind == visitKind {
                    entry.visits += count
                    switch row["outcome"] as String? {
                    case "success": entry.successes += count
                    case "failure": entry.failures += count
                    case "open": entry.openResults += count
                    default: entry.withoutResult += count
                    }
                }
            }
            rows[code] = entry
        }
        return rows.values.sorted(byCzech: \.referent)
    }
}

extension ReferentReport {
    public static let definitions = [
        "Návštěvy: kontakty (ne úkoly) druhu návštěvy (--kind, výchozí meeting) v období. Úspěch / otevřené / neúspěch: návštěvy s výsledkem dané třídy číselníku výsledků; bez výsledku: ostatní. Úspěšnost: úspěchy ÷ návštěvy.",
        "Kontakty: všechny kontakty (ne úkoly) v období, i podle druhů; e-maily a dopisy včetně kampaní. Otevřené úkoly: nesplněné úkoly s datem v období; po termínu: otevřené úkoly s datem před dneškem.",
    ]

    /// - Parameter kinds: the kind code list, for one column per kind (kinds outside it follow by code).
    public static func table(_ rows: [ReferentRow], kinds: [CodeValue]) -> ReportTable {
        var kindColumns = kinds.map { ($0.code, $0.label) }
        let known = Set(kindColumns.map(\.0))
        for extra in Set(rows.flatMap(\.contactsByKind.keys)).subtracting(known).sorted() { kindColumns.append((extra, extra)) }
        var table = ReportTable(title: "Úspěšnost návštěv a práce referentů", columns: [
            ReportColumn("referent", "referent", "Referent"), ReportColumn("name", "name", "Jméno"),
            ReportColumn("visits", "visits", "Návštěvy"), ReportColumn("success", "success", "Úspěch"),
            ReportColumn("open", "open", "Otevřené"), ReportColumn("failure", "failure", "Neúspěch"),
            ReportColumn("none", "none", "Bez výsledku"), ReportColumn("rate", "rate", "Úspěšnost"),
            ReportColumn("contacts", "contacts", "Kontakty"),
        ] + kindColumns.map { ReportColumn("kind." + $0.0, $0.0, $0.1) } + [
            ReportColumn("emails", "e-mails", "E-maily"), ReportColumn("letters", "letters", "Dopisy"),
            ReportColumn("openTasks", "open tasks", "Otevřené úkoly"), ReportColumn("overdueTasks", "overdue", "Po termínu"),
        ], definitions: definitions)
        for row in rows {
            table.rows.append([.text(row.referent), .text(row.name), .count(row.visits), .count(row.successes), .count(row.openResults),
                               .count(row.failures), .count(row.withoutResult), .rate(row.successRate), .count(row.contacts)]
                              + kindColumns.map { .count(row.contactsByKind[$0.0] ?? 0) }
                              + [.count(row.emails), .count(row.letters), .count(row.openTasks), .count(row.overdueTasks)])
        }
        table.charts.append(ReportChart(title: "Úspěšnost návštěv podle referentů", categoryAxis: "referent", valueAxis: "podíl úspěšných návštěv",
                                        scale: .rate, bars: rows.map { ($0.referent, $0.successRate ?? 0) }))
        table.charts.append(ReportChart(title: "Návštěvy podle referentů", categoryAxis: "referent", valueAxis: "počet návštěv",
                                        scale: .count, bars: rows.map { ($0.referent, Double($0.visits)) }))
        return table
    }
}
