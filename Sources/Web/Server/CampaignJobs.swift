// Campaigns this server is sending, each on a thread of its own: a send outlives the request
// that started it and the tab that watches it. Stopping is the pause flag in the database
// (every sender of the campaign, in any process, sees it); at shutdown the server asks each of
// its own sends to stop after the messages in flight and waits for them to record those.

import Campaigns
import Foundation
import Synchronization

final class CampaignJobs: Sendable {
    private let running = Mutex<[String: SendInterruption]>([:])
    /// The sentence the last run of each campaign in this server ended with.
    private let endings = Mutex<[String: String]>([:])
    private let group = DispatchGroup()

    /// Starts `work` on its own thread unless this server sends the campaign already; false then.
    func start(_ campaign: String, _ work: @escaping @Sendable (SendInterruption) -> String) -> Bool {
        let interruption = SendInterruption()
        let started = running.withLock { jobs -> Bool in
            guard jobs[campaign] == nil else { return false }
            jobs[campaign] = interruption
            return true
        }
        guard started else { return false }
        endings.withLock { $0[campaign] = nil }
        group.enter()
        let thread = Thread { [self] in
            let ending = work(interruption)
            endings.withLock { $0[campaign] = ending }
            running.withLock { $0[campaign] = nil }
            group.leave()
        }
        thread.name = "kontakt-send-\(campaign)"
        thread.start()
        return true
    }

    func isRunning(_ campaign: String) -> Bool { running.withLock { $0[campaign] != nil } }

    func ending(_ campaign: String) -> String? { endings.withLock { $0[campaign] } }

    /// Asks every send to stop after its messages in flight; waits up to `timeout` seconds.
    func stopAll(timeout: Double) {
        running.withLock { jobs in for interruption in jobs.values { interruption.request("the server stopping") } }
        _ = group.wait(timeout: .now() + timeout)
    }

    /// Asks every send to stop after its messages in flight, without waiting: called from the
    /// shutdown signal itself, so the sends stop while the server still drains its connections
    /// (the services of a graceful shutdown stop one after another, the HTTP server first).
    func requestStop() {
        running.withLock { jobs in for interruption in jobs.values { interruption.request("the server stopping") } }
    }
}
