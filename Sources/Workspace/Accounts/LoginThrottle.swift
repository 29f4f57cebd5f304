// Login throttling: after `limit` failures within `window` seconds for one login, or from one
// address, further attempts are refused without checking the password until the window has
// passed. Kept in memory: it guards one server process, and a restart forgetting it costs an
// attacker a restart per ten guesses.

import Synchronization

public final class LoginThrottle: Sendable {
    public let limit: Int
    public let window: Double
    private let failures = Mutex<[String: [Double]]>([:])

    public init(limit: Int = 10, window: Double = 60) {
        self.limit = limit
        self.window = window
    }

    /// Seconds until `login` from `address` may try again, or nil when it may now.
    public func retryAfter(login: String, address: String, now: Double) -> Double? {
        failures.withLock { table in
            let waits = [Self.loginKey(login), Self.addressKey(address)].compactMap { key -> Double? in
                let recent = (table[key] ?? []).filter { now - $0 < window }
                table[key] = recent.isEmpty ? nil : recent
                guard recent.count >= limit, let oldest = recent.first else { return nil }
                return max(1, window - (now - oldest))
            }
            return waits.max()
        }
    }

    public func recordFailure(login: String, address: String, now: Double) {
        failures.withLock { table in
            for key in [Self.loginKey(login), Self.addressKey(address)] {
                var recent = (table[key] ?? []).filter { now - $0 < window }
                recent.append(now)
                table[key] = recent
            }
            // Forget whoever has not failed within the window, so the table cannot grow without end.
            if table.count > 10_000 { table = table.filter { $0.value.contains { now - $0 < window } } }
        }
    }

    public func recordSuccess(login: String) {
        _ = failures.withLock { table in table.removeValue(forKey: Self.loginKey(login)) }
    }

    static func loginKey(_ login: String) -> String { "login:" + login.lowercased() }
    static func addressKey(_ address: String) -> String { "address:" + address }
}
