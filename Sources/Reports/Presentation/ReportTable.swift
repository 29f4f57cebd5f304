// What every report hands to its renderers: named columns, rows of typed values, the charts
// the HTML shows, and the definitions of its figures. The CLI writes it as a text table, CSV
// or JSON; `HTMLReport` as a self-contained page.

/// One cell. Counts, rates and day figures keep their numbers, so each format can write them
/// its own way: Czech in tables (`12,5 %`), plain in CSV and JSON (`0.125`).
public enum ReportValue: Sendable, Equatable {
    case text(String)
    case count(Int)
    /// A fraction (0.125 for 12.5 %); nil where there was nothing to divide.
    case rate(Double?)
    /// A number of days, possibly fractional (a mean); nil where there was nothing to count.
    case days(Double?)
    /// The label cell of the overall row: "(all)" in tables, CSV and JSON, "celkem" in HTML.
    case total

    public static let totalLabel = "(all)"
}

public struct ReportColumn: Sendable, Equatable {
    /// The CSV header and JSON key.
    public let key: String
    /// The text table's header (English, as the rest of the command line).
    public let heading: String
    /// The HTML header (Czech, for the printed report).
    public let title: String

    public init(_ key: String, _ heading: String, _ title: String) {
        self.key = key; self.heading = heading; self.title = title
    }
}

public struct ReportChart: Sendable {
    public enum Style: Sendable, Equatable {
        /// One bar per category, labelled beneath it.
        case bars
        /// Adjacent bars over consecutive ranges (the categories are the ranges).
        case histogram
    }

    public enum Scale: Sendable, Equatable { case count, rate, days }

    public var style: Style
    public var title: String
    public var categoryAxis: String
    public var valueAxis: String
    public var scale: Scale
    public var bars: [(label: String, value: Double)]

    public init(style: Style = .bars, title: String, categoryAxis: String, valueAxis: String, scale: Scale, bars: [(label: String, value: Double)]) {
        self.style = style; self.title = title; self.categoryAxis = categoryAxis; self.valueAxis = valueAxis; self.scale = scale; self.bars = bars
    }
}

public struct ReportTable: Sendable {
    /// The page's heading (Czech).
    public var title: String
    public var columns: [ReportColumn]
    public var rows: [[ReportValue]]
    public var charts: [ReportChart]
    /// What each figure counts (Czech), printed under the table.
    public var definitions: [String]

    public init(title: String, columns: [ReportColumn], rows: [[ReportValue]] = [], charts: [ReportChart] = [], definitions: [String] = []) {
        self.title = title; self.columns = columns; self.rows = rows; self.charts = charts; self.definitions = definitions
    }

    /// The value in a named column of a row (for tests and callers that pick figures out).
    public func value(_ key: String, row: Int) -> ReportValue? {
        columns.firstIndex { $0.key == key }.map { rows[row][$0] }
    }
}
