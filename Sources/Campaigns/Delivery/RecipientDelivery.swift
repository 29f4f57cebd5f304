// The per-recipient state machine of delivery: one function per transition, each refusing a
// transition the journal must never record.
//
//   rendered ──dispatch──► sending ──accept──► sent
//   deferred ──dispatch──┘    │  └──postpone──► deferred (4xx; retried later) | failed (too many tries)
//   sending (a run that stopped) ──dispatch──┘  └──reject──► failed (5xx)
//                             └──abandon──► rendered | deferred (nothing was said to the server)
//                             └──refuse──► failed (the rendered file must not be sent)
//   rendered | deferred | sending ──withhold──► skipped (the CRM no longer lets the person have it)

import Store

public enum DeliveryError: Error, CustomStringConvertible, Sendable, Equatable {
    case invalidTransition(from: RecipientState, event: String)

    public var description: String {
        switch self {
        case .invalidTransition(let state, let event): return "a recipient in state \(state.rawValue) cannot \(event)"
        }
    }
}

/// How often and how long a deferred recipient is retried: the wait doubles from `firstDelay`
/// with each attempt, and after `maxAttempts` the recipient fails with the last reply.
public struct RetryPolicy: Sendable, Equatable {
    public var firstDelay: Double
    public var maxAttempts: Int

    public init(firstDelay: Double = 60, maxAttempts: Int = 5) {
        self.firstDelay = firstDelay
        self.maxAttempts = maxAttempts
    }

    /// Seconds to wait after the `attempts`-th attempt was deferred.
    public func delay(afterAttempt attempts: Int) -> Double {
        firstDelay * Double(1 << min(max(attempts - 1, 0), 20))
    }
}

public struct RecipientDelivery: Equatable, Sendable {
    public private(set) var state: RecipientState
    public private(set) var attempts: Int
    /// Seconds since 1970 of the next try, for a deferred recipient.
    public private(set) var retryAt: Double?
    public private(set) var reply: String?

    public init(state: RecipientState, attempts: Int = 0, retryAt: Double? = nil, reply: String? = nil) {
        self.state = state
        self.attempts = attempts
        self.retryAt = retryAt
        self.reply = reply
    }

    /// The SMTP transaction is about to start: committed before it does.
    public mutating func dispatch() throws {
        guard [.rendered, .deferred, .sending].contains(state) else { throw DeliveryError.invalidTransition(from: state, event: "be sent") }
        state = .sending
        attempts += 1
        retryAt = nil
    }

    /// The server took the message.
    public mutating func accept(reply: String) throws {
        guard state == .sending else { throw DeliveryError.invalidTransition(from: state, event: "be accepted") }
        state = .sent
        self.reply = reply
    }

    /// The server said "not now" (4xx) or the connection failed before it answered: retried
    /// after the policy's delay, or failed once the attempts are used up.
    public mutating func postpone(reply: String, now: Double, policy: RetryPolicy) throws {
        guard state == .sending else { throw DeliveryError.invalidTransition(from: state, event: "be deferred") }
        if attempts >= policy.maxAttempts {
            state = .failed
            self.reply = "gave up after \(attempts) attempts: \(reply)"
        } else {
            state = .deferred
            retryAt = now + policy.delay(afterAttempt: attempts)
            self.reply = reply
        }
    }

    /// The server refused the message for good (5xx).
    public mutating func reject(reply: String) throws {
        guard state == .sending else { throw DeliveryError.invalidTransition(from: state, event: "be rejected") }
        state = .failed
        self.reply = reply
    }

    /// Delivery stopped before this message's SMTP transaction could start (a refused login, an
    /// untrusted certificate): the attempt does not count.
    public mutating func abandon() throws {
        guard state == .sending else { throw DeliveryError.invalidTransition(from: state, event: "be put back") }
        attempts -= 1
        state = attempts == 0 ? .rendered : .deferred
    }

    /// The rendered file must not be sent (missing, changed, a link): the recipient fails
    /// without a word to the server, and the attempt does not count.
    public mutating func refuse() throws {
        guard state == .sending else { throw DeliveryError.invalidTransition(from: state, event: "be refused") }
        attempts -= 1
        state = .failed
    }

    /// Just before dispatch, the CRM says no (the person was removed, withdrew consent, has
    /// another address now): the recipient is skipped.
    public mutating func withhold() throws {
        guard [.rendered, .deferred, .sending].contains(state) else { throw DeliveryError.invalidTransition(from: state, event: "be skipped") }
        state = .skipped
        retryAt = nil
    }
}
