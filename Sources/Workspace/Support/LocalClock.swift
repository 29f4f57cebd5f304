// The wall-clock "now" of the user's time zone, for contacts logged without a date and for
// `today` in segments and task lists.

import CRM
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

public enum LocalClock {
    /// Read with the C library's `localtime_r` (the TZ variable and /etc/localtime): Foundation's
    /// Calendar would load its time-zone database first, a millisecond of every command.
    @Sendable public static func now() -> ContactDate {
        var seconds = time(nil)
        var parts = tm()
        localtime_r(&seconds, &parts)
        let date = CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
        return ContactDate(date: date, minuteOfDay: Int(parts.tm_hour) * 60 + Int(parts.tm_min))
    }

    /// Seconds since 1970, with the fraction.
    @Sendable public static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
