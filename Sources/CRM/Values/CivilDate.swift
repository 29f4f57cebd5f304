// Calendar dates and wall-clock times as the office writes them, free of time zones.

/// A day of the calendar. Parsed from ISO 8601 (`2026-11-29`) or the Czech form
/// (`29.11.2026`, `29. 11. 2026`); stored and printed as ISO so text order is time order.
///
///     try CivilDate(parsing: "1.2.2026").iso   // "2026-02-01"
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    public init(parsing text: String, field: String = "date") throws {
        guard let date = CivilDate.parse(text.trimmingSpaces) else {
            throw ValidationError(field: field, message: "\"\(text)\" is not a date: expected YYYY-MM-DD or D.M.YYYY, e.g. 2026-11-29 or 29.11.2026")
        }
        self = date
    }

    static func parse(_ text: String) -> CivilDate? {
        let bytes = Array(text.utf8)
        if bytes.count == 10, let date = CivilDate(isoBytes: bytes) { return date }
        if text.contains("-") {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
            return numbers(parts).flatMap { CivilDate(year: $0[0], month: $0[1], day: $0[2]) }
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count) else { return nil }
        return numbers(parts).flatMap { CivilDate(year: $0[2], month: $0[1], day: $0[0]) }
    }

    /// Exactly `YYYY-MM-DD`, as the database stores days; nil otherwise.
    public init?(isoStored text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return nil }
        self.init(isoBytes: bytes)
    }

    /// `YYYY-MM-DD` at the start of `bytes`, as stored in the database.
    init?(isoBytes bytes: [UInt8]) {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = DigitRun.value(bytes, 0..<4), let month = DigitRun.value(bytes, 5..<7), let day = DigitRun.value(bytes, 8..<10)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    private static func numbers<S: StringProtocol>(_ parts: [S]) -> [Int]? {
        let values = parts.map { part in part.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(part) : nil }
        return values.contains(where: { $0 == nil }) ? nil : values.map { $0! }
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before), for differences and arithmetic.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0); month = m; day = d
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday).
    public var weekdayFromMonday: Int { ((dayNumber + 3) % 7 + 7) % 7 }

    public var iso: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
    /// `29.11.2026`, as Czech users write it.
    public var czech: String { "\(day).\(month).\(year)" }
    public var description: String { iso }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

/// The value of a run of ASCII digits, or nil when a byte is not a digit.
enum DigitRun {
    static func value(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let digit = Int(bytes[index]) - 0x30
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}
