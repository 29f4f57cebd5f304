// How a campaign is sent: connections, pace, limits and what is only pretended.

import CRM
import Foundation
import Logging

public struct SendOptions: Sendable {
    /// Connections at once (each on its own thread): also the most recipients that can be left
    /// in `sending` by a crash, and so the most that a resumed run can send twice.
    public var concurrency: Int = 4
    public var rate: SendRate?
    /// The most messages the SMTP account sends per day, counted across runs.
    public var dailyCap: Int?
    /// The most messages this run sends.
    public var limit: Int?
    /// Everything but SMTP: the journal and contact log are written and rolled back.
    public var dryRun = false
    public var retry = RetryPolicy()
    /// Wait for deferred recipients whose retry is due within this many seconds; later ones are
    /// left for the next run.
    public var waitForRetries: Double = 0
    /// The SMTP account the daily cap counts against (`user@host:port`).
    public var account: String
    /// Today's date and the time of day, for the contact log and the daily count.
    public var clock: @Sendable () -> ContactDate
    /// Asked before each dispatch: once it holds a reason, nothing more starts, the messages in
    /// flight finish and are recorded, and the run ends.
    public var interruption = SendInterruption()
    /// Where the run says it waits for the database, lost its lease or skipped a recipient.
    public var logger = Logger(label: "kontakt.delivery")

    public init(account: String, clock: @escaping @Sendable () -> ContactDate) {
        self.account = account
        self.clock = clock
    }
}

/// Where a run stands, for the progress bar.
public struct SendProgress: Sendable {
    public var due: Int
    public var sent = 0
    public var deferred = 0
    public var failed = 0
    public var inFlight = 0
    public var elapsed: Double = 0

    public var done: Int { sent + deferred + failed }
    /// Messages accepted per second so far.
    public var rate: Double { elapsed > 0 ? Double(sent) / elapsed : 0 }
    /// Seconds left at the rate so far.
    public var eta: Double? { rate > 0 && due > done ? Double(due - done) / rate : nil }
}

/// Why a run ended before every due recipient was tried.
public enum SendStop: Sendable, Equatable, CustomStringConvertible {
    case paused
    /// A signal (or the page) asked the run to stop.
    case interrupted(String)
    case limit(Int)
    case dailyCap(Int, account: String)
    case serverTrouble(String)
    case failed(String)

    public var description: String {
        switch self {
        case .paused: return "paused (`kontakt campaign send` resumes)"
        case .interrupted(let reason): return "interrupted by \(reason) after the messages in flight were recorded (`kontakt campaign send` resumes)"
        case .limit(let count): return "stopped at --limit \(count)"
        case .dailyCap(let cap, let account): return "the daily cap of \(cap) messages for \(account) is reached; the rest go out on the next day's run"
        case .serverTrouble(let reply): return "the server keeps deferring or refusing (\(reply)); run `kontakt campaign send` again later"
        case .failed(let message): return message
        }
    }
}

public struct SendSummary: Sendable {
    public var progress: SendProgress
    /// Recipients a stopped run had left in `sending`, sent again by this one.
    public var resumedInFlight = 0
    /// Printed letters of the campaign recorded as sent (with their contacts) by this run.
    public var letters = 0
    public var stop: SendStop?
    /// When the next deferred recipient is due, as stored (UTC).
    public var nextRetry: String?
    /// Recipients skipped at send time (removed, consent withdrawn, address changed).
    public var skipped = 0
    /// Recipients still to be sent when the run ended: rendered, in flight or deferred.
    public var remaining = 0

    /// Whether the run ended early, leaving due recipients unsent for a reason other than the
    /// retries they wait for: `campaign send` then exits non-zero.
    public var endedEarly: Bool {
        switch stop {
        case nil, .limit?: return false
        default: return true
        }
    }
}

/// A request to stop a run gracefully, set from a signal handler or another thread.
///
///     let interruption = SendInterruption()
///     signalSource.setEventHandler { interruption.request("SIGTERM") }
///     options.interruption = interruption
public final class SendInterruption: @unchecked Sendable {
    private let lock = NSLock()
    private var why: String?

    public init() {}

    /// The first request's reason is kept.
    public func request(_ reason: String) {
        lock.lock()
        if why == nil { why = reason }
        lock.unlock()
    }

    public var reason: String? {
        lock.lock()
        defer { lock.unlock() }
        return why
    }
}
