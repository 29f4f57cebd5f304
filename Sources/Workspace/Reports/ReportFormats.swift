// A report table as the front ends hand it out besides their own pages: CSV with plain numbers
// (0.125, not 12,5 %), and what was counted in Czech words for the printable page.

import CRM
import Interchange
import Reports

extension ReportTable {
    /// One header row of column keys, then the rows; the total row is named "(all)".
    public var csv: String {
        var csv = CSVWriter(delimiter: ",")
        csv.write(columns.map(\.key))
        for row in rows {
            csv.write(row.map { value in
                switch value {
                case .text(let string): string
                case .total: ReportValue.totalLabel
                case .count(let count): String(count)
                case .rate(let number), .days(let number): number.map(CzechFormat.plain) ?? ""
                }
            })
        }
        return csv.text
    }
}

extension ReportScope {
    /// "Období: 1. 1. 2026 – 30. 6. 2026" and "Firmy: …", under a report's title.
    public func described(firms choice: SegmentChoice?) -> [String] {
        let period = switch (from, to) {
        case (nil, nil): "Období: celá historie"
        case let (from?, nil): "Období: od \(CzechFormat.date(from))"
        case let (nil, to?): "Období: do \(CzechFormat.date(to))"
        case let (from?, to?): "Období: \(CzechFormat.date(from)) – \(CzechFormat.date(to))"
        }
        let firms: String
        switch choice {
        case .expression(let text)?: firms = "Firmy: \(text)"
        case .saved(let name)?: firms = "Firmy: segment \(name)"
        case nil: firms = "Firmy: všechny"
        }
        return [period, firms]
    }
}
