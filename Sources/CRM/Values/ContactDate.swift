// When a contact happened: a day, optionally with the wall-clock time.

/// The date of a contact or task. The time is optional because a task "for Friday" has none;
/// stored as `2026-11-29` or `2026-11-29T14:30`, which sort together in time order.
///
///     try ContactDate(parsing: "29.11.2026 14:30").iso   // "2026-11-29T14:30"
public struct ContactDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: CivilDate
    /// Minutes after midnight, when a time was given.
    public let minuteOfDay: Int?

    public init(date: CivilDate, minuteOfDay: Int? = nil) {
        self.date = date
        self.minuteOfDay = minuteOfDay
    }

    public init(parsing text: String, field: String = "date") throws {
        if let stored = ContactDate(storedForm: text) { self = stored; return }
        let trimmed = text.trimmingSpaces
        let error = ValidationError(field: field, message: "\"\(text)\" is not a date: expected YYYY-MM-DD[THH:MM] or D.M.YYYY [H:MM], e.g. 2026-11-29T14:30 or 29.11.2026 14:30")
        var datePart = Substring(trimmed)
        var timePart: Substring?
        if let t = trimmed.firstIndex(of: "T") {
            datePart = trimmed[..<t]; timePart = trimmed[trimmed.index(after: t)...]
        } else if let colon = trimmed.firstIndex(of: ":"), let space = trimmed[..<colon].lastIndex(of: " ") {
            datePart = trimmed[..<space]; timePart = trimmed[trimmed.index(after: space)...]
        }
        guard let date = CivilDate.parse(datePart.trimmingSpaces) else { throw error }
        guard let timePart else { self.init(date: date); return }
        let hm = timePart.trimmingSpaces.split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2 || hm.count == 3, let h = Int(hm[0]), let m = Int(hm[1]), hm[1].count == 2,
              (0...23).contains(h), (0...59).contains(m) else { throw error }
        self.init(date: date, minuteOfDay: h * 60 + m)
    }

    /// The two forms the database stores (`2026-11-29`, `2026-11-29T14:30`), read straight
    /// from the bytes: listing a history of thousands of contacts parses every date.
    init?(storedForm text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 || bytes.count == 16, let date = CivilDate(isoBytes: bytes) else { return nil }
        guard bytes.count == 16 else { self.init(date: date); return }
        guard bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              let hour = DigitRun.value(bytes, 11..<13), let minute = DigitRun.value(bytes, 14..<16), hour < 24, minute < 60 else { return nil }
        self.init(date: date, minuteOfDay: hour * 60 + minute)
    }

    public var iso: String {
        guard let minuteOfDay else { return date.iso }
        return "\(date.iso)T\(pad(minuteOfDay / 60, 2)):\(pad(minuteOfDay % 60, 2))"
    }

    public var description: String { iso }

    /// The order of the stored text (a day without a time before the same day with one),
    /// compared without building it: sorting a long history compares dates many times.
    public static func < (a: ContactDate, b: ContactDate) -> Bool {
        a.date != b.date ? a.date < b.date : (a.minuteOfDay ?? -1) < (b.minuteOfDay ?? -1)
    }
}
