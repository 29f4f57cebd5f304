// `report loss-reasons`: why acquisitions failed: the results of the failure class, counted and
// as shares, per referent and overall.

import CRM
import GRDB
import Store

public struct LossReasons: Sendable, Equatable {
    public struct Reason: Sendable, Equatable {
        public var code: String
        public var label: String
        /// By referent code.
        public var counts: [String: Int]
        public var total: Int { counts.values.reduce(0, +) }
    }

    /// Every result code of the failure class, in the code list's order (those never given too).
    public var reasons: [Reason]
    public var referents: [Referent]

    public func failures(of referent: String) -> Int { reasons.reduce(0) { $0 + ($1.counts[referent] ?? 0) } }
    public var failures: Int { reasons.reduce(0) { $0 + $1.total } }
}

public enum LossReasonsReport {
    /// Contacts (not tasks) dated in the period whose result is of the failure class.
    public static func compute(scope: ReportScope, db: Database) throws -> LossReasons {
        let book = try CodeLists.codeBook(db: db)
        var reasons = book.values(of: CodeListName.result).filter { $0.outcome == .failure }
            .map { LossReasons.Reason(code: $0.code, label: $0.label, counts: [:]) }
        let (tally, arguments) = scope.tally()
        let rows = try Row.fetchAll(db, sql: """
            SELECT t.referent, t.result, sum(t.n) FROM (\(tally)) t
            JOIN code_value v ON v.list = 'result' AND v.code = t.result AND v.outcome = 'failure'
            WHERE t.status = 'contact' GROUP BY 1, 2
            """, arguments: StatementArguments(arguments))
        for row in rows {
            let code: String = row[1]
            if let index = reasons.firstIndex(where: { $0.code == code }) { reasons[index].counts[row[0]] = row[2] }
        }
        return LossReasons(reasons: reasons, referents: try Referents.all(db: db))
    }

    public static let definitions = [
        "Neúspěch: kontakt (ne úkol) v období s výsledkem třídy neúspěch v číselníku výsledků. Podíl: počet s tímto důvodem ÷ všechny neúspěchy (celkem nebo daného referenta).",
    ]

    private static func share(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }

    public static func table(_ report: LossReasons) -> ReportTable {
        var columns = [ReportColumn("result", "result", "Důvod"), ReportColumn("label", "label", "Popis"),
                       ReportColumn("count", "count", "Počet"), ReportColumn("share", "share", "Podíl")]
        for referent in report.referents {
            columns.append(ReportColumn(referent.code, referent.code, referent.name))
            columns.append(ReportColumn(referent.code + "Share", referent.code + " %", "\(referent.name) – podíl"))
        }
        var table = ReportTable(title: "Důvody neúspěšné akvizice", columns: columns, definitions: definitions)
        for reason in report.reasons {
            var row: [ReportValue] = [.text(reason.code), .text(reason.label), .count(reason.total), .rate(share(reason.total, report.failures))]
            for referent in report.referents {
                let count = reason.counts[referent.code] ?? 0
                row += [.count(count), .rate(share(count, report.failures(of: referent.code)))]
            }
            table.rows.append(row)
        }
        var total: [ReportValue] = [.total, .text(""), .count(report.failures), .rate(share(report.failures, report.failures))]
        for referent in report.referents {
            let count = report.failures(of: referent.code)
            total += [.count(count), .rate(share(count, count))]
        }
        table.rows.append(total)
        table.charts.append(ReportChart(title: "Podíl důvodů neúspěchu", categoryAxis: "důvod", valueAxis: "podíl neúspěchů", scale: .rate,
                                        bars: report.reasons.map { ($0.label, share($0.total, report.failures) ?? 0) }))
        return table
    }
}
