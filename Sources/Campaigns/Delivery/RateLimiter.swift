// --rate N/s|N/min|N/h: a token bucket shared by every connection, kept by the dispatcher.

import Foundation

public struct SendRate: Sendable, Equatable, CustomStringConvertible {
    public let perSecond: Double
    public let text: String

    /// `10/s`, `600/min`, `20000/h`.
    public init(parsing text: String) throws {
        let parts = text.replacingOccurrences(of: " ", with: "").split(separator: "/")
        let units: [String: Double] = ["s": 1, "sec": 1, "min": 60, "m": 60, "h": 3600, "hour": 3600]
        guard parts.count == 2, let count = Double(parts[0]), count > 0, let seconds = units[parts[1].lowercased()] else {
            throw SendError.usage("--rate takes N/s, N/min or N/h (e.g. 10/s or 600/min), not \"\(text)\"")
        }
        perSecond = count / seconds
        self.text = text
    }

    public var description: String { text }
}

struct RateLimiter {
    private let rate: Double?
    private let burst: Double
    private var tokens: Double
    private var last: Double

    /// A full bucket holds `burst` tokens, so a run starts at once without exceeding the rate
    /// by more than one message per connection.
    init(rate: SendRate?, burst: Int, now: Double) {
        self.rate = rate?.perSecond
        self.burst = Double(max(1, burst))
        tokens = self.burst
        last = now
    }

    /// Takes a token when one is there.
    mutating func take(now: Double) -> Bool {
        guard let rate else { return true }
        tokens = min(burst, tokens + (now - last) * rate)
        last = now
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    /// Seconds until the next token.
    func wait(now: Double) -> Double {
        guard let rate else { return 0 }
        let available = min(burst, tokens + (now - last) * rate)
        return available >= 1 ? 0 : (1 - available) / rate
    }
}
