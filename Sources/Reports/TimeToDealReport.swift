// `report time-to-deal`: how long it takes from the first contact with a firm to its first deal,
// per referent and overall.

import CRM
import GRDB
import Store

public struct TimeToDealRow: Sendable, Equatable {
    /// nil for the overall row.
    public var referent: String?
    public var name: String
    /// The deals counted and their days from the first contact.
    public var days: DayStatistics
    /// Firms (lanes, for a referent) first contacted by the end of the period without a deal by then.
    public var open: Int
}

public struct TimeToDeal: Sendable, Equatable {
    /// One row per referent (those without deals too), by code, then the overall row.
    public var rows: [TimeToDealRow]
    /// Every firm's days to its first deal, for the histogram.
    public var overallDays: [Int]
}

public enum TimeToDealReport {
    /// Overall, a firm counts once: from its first contact with anyone to its first deal with
    /// anyone. Per referent, the referent's own lane: from their first contact with the firm to
    /// their first deal with it. A deal counts when it falls in the period; a firm (lane) is open
    /// when its first contact is on or before the period's end and it had no deal by then.
    public static func compute(scope: ReportScope, db: Database) throws -> TimeToDeal {
        let range = scope.dayRange
        var laneDays: [String: [Int]] = [:], laneOpen: [String: Int] = [:]
        var firmDays: [Int] = [], firmOpen = 0
        func count(firstContact: Int, firstDeal: Int?, into days: inout [Int], open: inout Int) {
            if let deal = firstDeal, range.contains(deal) { days.append(deal - firstContact) }
            if firstContact <= range.upperBound, (firstDeal.map { $0 > range.upperBound } ?? true) { open += 1 }
        }
        try DealProgress.forEachFirm(scope: scope, db: db) { firm in
            count(firstContact: firm.firstContact, firstDeal: firm.firstDeal, into: &firmDays, open: &firmOpen)
            for lane in firm.lanes {
                count(firstContact: lane.firstContact, firstDeal: lane.firstDeal, into: &laneDays[lane.referent, default: []], open: &laneOpen[lane.referent, default: 0])
            }
        }
        var rows = try Referents.all(db: db).map { TimeToDealRow(referent: $0.code, name: $0.name, days: DayStatistics(laneDays[$0.code] ?? []), open: laneOpen[$0.code] ?? 0) }
        rows.append(TimeToDealRow(referent: nil, name: "", days: DayStatistics(firmDays), open: firmOpen))
        return TimeToDeal(rows: rows, overallDays: firmDays)
    }

    /// The histogram's ranges of days, inclusive.
    static let bins: [(label: String, range: ClosedRange<Int>)] = [
        ("0", 0...0), ("1–7", 1...7), ("8–30", 8...30), ("31–90", 31...90), ("91–180", 91...180), ("181–365", 181...365), ("> 365", 366...Int.max),
    ]

    public static let definitions = [
        "Obchod: první kontakt s výsledkem třídy úspěch (např. uzavření smlouvy). Doba: dny od prvního kontaktu s firmou k prvnímu obchodu.",
        "Celkem: každá firma jednou, od prvního kontaktu kohokoli k prvnímu obchodu kohokoli. U referenta: od jeho prvního kontaktu s firmou k jeho prvnímu obchodu s ní.",
        "Počítají se obchody uzavřené v období; otevřené jsou firmy s prvním kontaktem do konce období bez obchodu do té doby. Medián: prostřední hodnota; 90. percentil: nejmenší hodnota, pod níž nebo na níž leží 90 % hodnot.",
    ]

    public static func table(_ report: TimeToDeal) -> ReportTable {
        var table = ReportTable(title: "Doba od prvního kontaktu k obchodu", columns: [
            ReportColumn("referent", "referent", "Referent"), ReportColumn("name", "name", "Jméno"),
            ReportColumn("deals", "deals", "Obchody"), ReportColumn("meanDays", "mean days", "Průměr (dny)"),
            ReportColumn("medianDays", "median", "Medián (dny)"), ReportColumn("p90Days", "p90", "90. percentil (dny)"),
            ReportColumn("open", "open", "Otevřené"),
        ], definitions: definitions)
        for row in report.rows {
            table.rows.append([row.referent.map(ReportValue.text) ?? .total, .text(row.name), .count(row.days.count), .days(row.days.mean),
                               .days(row.days.median), .days(row.days.p90), .count(row.open)])
        }
        table.charts.append(ReportChart(style: .histogram, title: "Rozložení doby do prvního obchodu (firmy)", categoryAxis: "dny od prvního kontaktu",
                                        valueAxis: "počet firem", scale: .count,
                                        bars: bins.map { bin in (bin.label, Double(report.overallDays.count { bin.range.contains($0) })) }))
        table.charts.append(ReportChart(title: "Medián doby do obchodu podle referentů", categoryAxis: "referent", valueAxis: "dny", scale: .days,
                                        bars: report.rows.compactMap { row in row.referent.map { ($0, row.days.median ?? 0) } }))
        return table
    }
}
