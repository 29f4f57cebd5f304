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

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public var headerValue: String {
        // The wall-clock fields at the offset: the C library's calendar, shifted by the offset.
        var local = time_t(seconds + offsetMinutes * 60)
        var parts = tm()
        gmtime_r(&local, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = Int32(abs(offsetMinutes))
        return "\(MailDate.days[Int(parts.tm_wday)]), \(parts.tm_mday) \(MailDate.months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) \(sign)\(two(offset / 60))\(two(offset % 60))"
    }
}
