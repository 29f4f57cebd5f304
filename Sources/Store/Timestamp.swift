// Record timestamps: UTC, ISO 8601 to the second.

import Foundation

public enum Timestamp {
    public static func now() -> String { at(Date().timeIntervalSince1970) }

    /// The timestamp of a moment in seconds since 1970: stored timestamps compare as text.
    public static func at(_ seconds: Double) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
