// K threads, each with ONE transport (one SMTP connection) reused for many messages. The
// dispatching thread hands out jobs and collects results; only it touches the database.

import Foundation
import Mail
import Store

/// One message to send: the journal's row and where its rendered file lies.
struct DeliveryJob: Sendable {
    let recipient: DueRecipient
    let path: String
    /// Envelope recipients to use instead of the journal's (`--test-to`).
    let redirectTo: [String]?
    /// The signature and, for a campaign's recipient (not a test), the VERP envelope sender.
    let outgoing: OutgoingMail
    /// The campaign whose journal row the VERP address names; nil for a test message.
    let campaignId: Int64?
}

/// What a worker made of a job.
enum DeliveryResult: Sendable {
    var job: DeliveryJob {
        switch self {
        case .delivered(let job, _, _, _), .stopped(let job, _), .refused(let job, _): return job
        }
    }

    /// The server's verdict, the bytes exactly as sent, and when.
    case delivered(DeliveryJob, SMTPDelivery, sent: [UInt8], at: Double)
    /// Nothing could be sent with these settings (login, certificate, URL); the job was not tried.
    case stopped(DeliveryJob, SMTPError)
    /// The rendered file must not be sent (missing, changed, a link …); the job was not tried.
    case refused(DeliveryJob, RenderedFile.Problem)
}

/// Where jobs are sent from: worker threads, or the dispatching thread itself.
protocol DeliveryLanes: AnyObject {
    func submit(_ job: DeliveryJob)
    /// The results reported so far, waiting up to `timeout` seconds for the first.
    func collect(timeout: Double) -> [DeliveryResult]
    /// Lets the lanes finish their current job and end.
    func close()
}

/// One connection: the dispatching thread sends each message itself, in `submit`. With a
/// single connection a worker thread buys no overlap (the next message waits for this one's
/// commit anyway) and costs two thread wake-ups per message.
final class InlineDelivery: DeliveryLanes {
    private let makeTransport: () throws -> MessageTransport
    private var transport: MessageTransport?
    private var results: [DeliveryResult] = []

    init(transport: @escaping () throws -> MessageTransport) { makeTransport = transport }

    func submit(_ job: DeliveryJob) {
        do {
            if transport == nil { transport = try makeTransport() }
            results.append(DeliveryWorkers.deliver(job, through: transport!))
        } catch let error as SMTPError {
            results.append(.stopped(job, error))
        } catch {
            results.append(.stopped(job, .configuration("\(error)")))
        }
    }

    func collect(timeout: Double) -> [DeliveryResult] {
        defer { results = [] }
        return results
    }

    func close() { transport = nil }
}

final class DeliveryWorkers: DeliveryLanes, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [DeliveryJob] = []
    private var results: [DeliveryResult] = []
    private var closed = false
    private var running = 0

    /// Starts `count` threads; each makes its transport on its own thread and keeps it.
    init(count: Int, transport: @escaping @Sendable () throws -> MessageTransport) {
        running = count
        for _ in 0..<count {
            let thread = Thread { [self] in
                work(transport)
                condition.lock()
                running -= 1
                condition.broadcast()
                condition.unlock()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    private func work(_ makeTransport: () throws -> MessageTransport) {
        var transport: MessageTransport?
        var failure: SMTPError?
        do { transport = try makeTransport() } catch let error as SMTPError { failure = error } catch {
            failure = .configuration("\(error)")
        }
        while let job = take() {
            guard let transport else { report(.stopped(job, failure!)); continue }
            report(Self.deliver(job, through: transport))
        }
    }

    static func deliver(_ job: DeliveryJob, through transport: MessageTransport) -> DeliveryResult {
        let data: [UInt8]
        switch RenderedFile.read(job.path, expectedHash: job.recipient.fileHash) {
        case .success(let bytes): data = bytes
        case .failure(let problem): return .refused(job, problem)
        }
        let now = Date().timeIntervalSince1970
        do {
            // Dated and signed as it leaves: the signature covers the Date it goes out with.
            let (sender, bytes) = try job.outgoing.prepare(DateHeader.refreshed(LineEnds.crlf(data), to: MailDate.now()),
                                                           envelopeFrom: job.recipient.envelopeFrom,
                                                           campaignId: job.campaignId, personId: job.recipient.personId)
            let outcome = try transport.send(from: sender, to: job.redirectTo ?? job.recipient.envelopeTo, message: bytes)
            return .delivered(job, outcome, sent: bytes, at: now)
        } catch let error as SMTPError {
            return .stopped(job, error)
        } catch {
            return .stopped(job, .configuration("\(error)"))
        }
    }

    private func take() -> DeliveryJob? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty && !closed { condition.wait() }
        return jobs.isEmpty ? nil : jobs.removeFirst()
    }

    private func report(_ result: DeliveryResult) {
        condition.lock()
        results.append(result)
        condition.broadcast()
        condition.unlock()
    }

    func submit(_ job: DeliveryJob) {
        condition.lock()
        jobs.append(job)
        condition.broadcast()
        condition.unlock()
    }

    func collect(timeout: Double) -> [DeliveryResult] {
        condition.lock()
        defer { condition.unlock() }
        if timeout.isFinite {
            let deadline = Date(timeIntervalSinceNow: timeout)
            while results.isEmpty && condition.wait(until: deadline) {}
        } else {
            while results.isEmpty { condition.wait() }
        }
        let collected = results
        results = []
        return collected
    }

    /// Waits for the threads to finish their current job and end.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }
}
