// Dates as the segment language writes them, for options too: `today`, `tomorrow`,
// `today + 3d`, `today - 2w`, `today + 1m` (a month later, the day clamped to its length), with
// an optional time (`tomorrow 9:30`). Czech words work as well: `dnes`, `zítra`, `včera`.

public enum RelativeDate {
    private static let words: [String: Int] = ["today": 0, "tomorrow": 1, "yesterday": -1, "dnes": 0, "zítra": 1, "zitra": 1, "včera": -1, "vcera": -1]

    /// The absolute form of `text` (`2026-12-04`, or `2026-12-04 9:30` with a time) when it is
    /// relative; nil when it is not (an ISO or Czech date is left to the date parser).
    public static func resolve(_ text: String, today: CivilDate, field: String) throws -> String? {
        let trimmed = text.trimmingSpaces
        let lower = trimmed.lowercased()
        guard let word = words.keys.sorted(by: { $0.count > $1.count }).first(where: { lower.hasPrefix($0) }) else { return nil }
        var date = today.adding(days: words[word]!)
        var rest = Substring(lower.dropFirst(word.count))
        func fail() -> ValidationError {
            ValidationError(field: field, message: "\"\(text)\" is not a date: expected e.g. today, tomorrow, today + 3d, today - 2w, today + 1m, a date such as 29.11.2026 or 2026-11-29, and an optional time 14:30")
        }
        var time = ""
        while true {
            rest = rest.drop { $0 == " " }
            guard let sign = rest.first else { break }
            if sign.isNumber {
                // A time after the date: "tomorrow 9:30".
                guard rest.contains(":"), rest.allSatisfy({ $0.isNumber || $0 == ":" }) else { throw fail() }
                time = " " + rest
                break
            }
            guard sign == "+" || sign == "-" else { throw fail() }
            rest = rest.dropFirst().drop { $0 == " " }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 6, let amount = Int(digits), let unit = rest.dropFirst(digits.count).first else { throw fail() }
            let signed = sign == "+" ? amount : -amount
            switch unit {
            case "d": date = date.adding(days: signed)
            case "w": date = date.adding(days: 7 * signed)
            case "m": guard let later = date.adding(months: signed) else { throw fail() }; date = later
            case "y": guard let later = date.adding(months: 12 * signed) else { throw fail() }; date = later
            default: throw fail()
            }
            // Far offsets leave the calendar the dates are kept in.
            guard (1 ... 9999).contains(date.year) else { throw fail() }
            rest = rest.dropFirst(digits.count + 1)
        }
        return date.iso + time
    }
}

extension CivilDate {
    /// The same day `months` later (or earlier), clamped to the month's length: 31.1. + 1m = 28.2.;
    /// nil beyond the years 1–9999.
    public func adding(months: Int) -> CivilDate? {
        let (index, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        guard !overflow, index >= 12, index < 12 * 10_000 else { return nil }
        let newYear = index / 12, newMonth = index % 12 + 1
        return CivilDate(year: newYear, month: newMonth, day: min(day, CivilDate.daysIn(month: newMonth, year: newYear)))
    }
}
