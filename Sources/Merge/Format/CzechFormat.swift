// Dates, numbers and money written the Czech way, for merge fields: "29. listopadu 2026",
// "1 234,5", "1 234,50 Kč".

import CRM

public enum CzechFormat {
    /// Months in the genitive, as a date is written: "29. listopadu 2026".
    static let months = ["ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu", "prosince"]

    /// The space Czech typography puts between thousands and before a currency: a no-break
    /// space, so "1 234 Kč" never breaks across lines.
    static let groupSeparator = "\u{A0}"

    /// "29. listopadu 2026" (with a no-break space after the day, where a line must not break).
    public static func longDate(_ date: CivilDate) -> String {
        "\(date.day).\(groupSeparator)\(months[date.month - 1]) \(date.year)"
    }

    /// "29. 11. 2026".
    public static func shortDate(_ date: CivilDate) -> String {
        "\(date.day).\(groupSeparator)\(date.month).\(groupSeparator)\(date.year)"
    }

    /// "1 234,5": thousands grouped, a decimal comma, at most `maximumFractionDigits` decimals
    /// (trailing zeros dropped), or exactly `fractionDigits` when given.
    public static func number(_ value: Double, fractionDigits: Int? = nil, maximumFractionDigits: Int = 6) -> String {
        let digits = fractionDigits ?? maximumFractionDigits
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = (scaled / scale).rounded(.towardZero)
        var fraction = String(Int64(scaled - whole * scale))
        fraction = String(repeating: "0", count: max(0, digits - fraction.count)) + fraction
        if fractionDigits == nil { while fraction.hasSuffix("0") { fraction.removeLast() } }
        var integer = String(Int64(whole))
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        let sign = value < 0 && scaled > 0 ? "−" : ""
        return sign + groups.joined(separator: groupSeparator) + (fraction.isEmpty ? "" : "," + fraction)
    }

    /// "1 234,50 Kč": two decimals and the currency after a no-break space.
    public static func money(_ value: Double, currency: String = "Kč") -> String {
        number(value, fractionDigits: 2) + groupSeparator + currency
    }
}
