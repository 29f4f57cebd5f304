// The Date header (RFC 5322 §3.3): `Sun, 29 Nov 2026 16:10:05 +0100`.

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A moment with the UTC offset it is shown in.
public struct MailDate: Sendable, Equatable {
    /// Seconds since 1970-01-01 UTC.
    public let seconds: Int
    /// Minutes east of UTC.
    public let offsetMinutes: Int

    public init(seconds: Int, offsetMinutes: Int) {
        self.seconds = seconds; self.offsetMinutes = offsetMinutes
    }

    /// Now, in the local time zone.
    public static func now() -> MailDate {
        var time = time(nil)
        var parts = tm()
        localtime_r(&time, &parts)
        return MailDate(seconds: Int(time), offsetMinutes: Int(parts.tm_gmtoff) / 60)
    }

    private static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"] // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public var headerValue: String {
        let local = seconds + offsetMinutes * 60
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - day * 86_400
        // Days to civil date (Howard Hinnant's algorithm).
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let dayOfMonth = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = MailDate.days[((day % 7) + 7) % 7]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return "\(weekday), \(dayOfMonth) \(MailDate.months[month - 1]) \(year) \(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) \(sign)\(two(offset / 60))\(two(offset % 60))"
    }
}
