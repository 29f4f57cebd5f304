// Numbers and dates as a Czech reader writes them (ČSN 01 6910): a decimal comma, a space
// before the percent sign, a no-break space between thousands, `1. 12. 2026`.

import CRM

public enum CzechFormat {
    /// `1. 12. 2026`.
    public static func date(_ date: CivilDate) -> String { "\(date.day). \(date.month). \(date.year)" }

    /// `12,5 %`; "" for nil.
    public static func percent(_ fraction: Double?) -> String {
        guard let fraction else { return "" }
        return decimal(fraction * 100) + " %"
    }

    /// One decimal place: `12,5`, `3,0`; "" for nil.
    public static func decimal(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        let tenths = Int((abs(value) * 10).rounded())
        return (value < 0 && tenths > 0 ? "-" : "") + "\(tenths / 10),\(tenths % 10)"
    }

    /// `20 000`: groups of three digits joined by a no-break space.
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append("\u{00A0}") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A plain number for CSV and JSON: integers without a fraction, others with up to six places.
    public static func plain(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        let scaled = (value * 1_000_000).rounded() / 1_000_000
        return String(scaled)
    }
}
