// `kontakt campaign send` and `campaign pause`: delivery of a rendered campaign over SMTP.

import Workspace
import ArgumentParser
import Campaigns
import Foundation
import Mail
import Store

extension CampaignCommand {
    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send",
            abstract: "Send a rendered campaign over SMTP; each accepted message is logged as a contact.",
            discussion: """
                Each recipient is marked `sending` (committed) before its SMTP transaction starts, and `sent` together with its \
                contact once the server accepts it. After a crash or a kill, running send again resumes: only the recipients left \
                in `sending` (at most --concurrency of them) can receive the message twice. 4xx replies defer a recipient (retried \
                with a doubling delay), 5xx replies fail it with the server's reply. Sending again also resumes a paused campaign.

                Just before each message goes out, the person is checked as the CRM holds them now: one removed, one who withdrew \
                consent, or one whose address changed since rendering is skipped with the reason (never sent to the old address). \
                A rendered file that is missing, empty, a link, a folder or changed since rendering (its SHA-256 is journalled) is \
                not sent: that recipient fails with the reason and the rest go on.

                One process sends a campaign at a time: a second `campaign send` of it exits with the holder's process and host. \
                --daily-cap counts every sender of the SMTP account, in the database. SIGINT, SIGTERM or SIGHUP stop gracefully (the \
                messages in flight are recorded); a second signal stops at once.

                Exit status: 0 when every due recipient was tried (deferred ones may wait for a later run) or --limit was reached; \
                75 when the run stopped early (a signal, a pause, the daily cap, a server that keeps refusing) with recipients left; \
                1 on an error.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The campaign's name.") var name: String
        @OptionGroup var smtp: SMTPOptions
        @Option(help: "SMTP connections at once, each on its own thread (default 4, or the setting smtp.concurrency).") var concurrency: Int?
        @Option(help: "At most N/s, N/min or N/h across all connections (default: the setting smtp.rate).") var rate: String?
        @Option(name: .customLong("daily-cap"), help: "At most N messages per day for this SMTP account, counted across runs.") var dailyCap: Int?
        @Option(help: "Send at most N messages in this run.") var limit: Int?
        @Flag(name: .customLong("dry-run"), help: "Do everything but SMTP; nothing is recorded.") var dryRun = false
        @Option(name: .customLong("test-to"), help: "Send the first --limit (default 1) rendered messages to this address only; nothing is recorded.") var testTo: String?
        @Option(name: .customLong("retry-delay"), help: "Seconds before a deferred recipient's first retry; each later retry waits twice as long.") var retryDelay: Double = 60
        @Option(name: .customLong("max-attempts"), help: "Attempts before a deferred recipient fails.") var maxAttempts: Int = 5
        @Option(help: "Wait for deferred recipients whose retry is due within this many seconds before ending the run.") var wait: Double = 0

        func run() throws {
            let workspace = try global.workspace()
            // A campaign of letters only needs no SMTP server.
            let lettersOnly = try workspace.campaigns.campaign(name: name).channel == .letter
            let settings = lettersOnly ? nil : try workspace.database.read { db in try smtp.settings(db: db) }
            if let testTo {
                let outcomes = try workspace.campaigns.sendTest(name: name, to: testTo, count: limit ?? 1, outbox: global.outbox, smtp: settings,
                                                                by: .localOperator)
                for (person, outcome) in outcomes { print("person \(person) → \(testTo): \(Self.describe(outcome))") }
                return
            }
            var request = CampaignSendRequest(campaign: name, outbox: global.outbox)
            request.smtp = settings
            request.concurrency = concurrency
            request.rate = try rate.map { try SendRate(parsing: $0) }
            request.dailyCap = dailyCap
            request.limit = limit
            request.dryRun = dryRun
            request.retry = RetryPolicy(firstDelay: retryDelay, maxAttempts: maxAttempts)
            request.waitForRetries = wait
            let signals = StopSignals.install(request.interruption)
            defer { signals.forEach { $0.cancel() } }
            let bar = ProgressLine()
            let summary = try workspace.campaigns.send(request, by: .localOperator, progress: bar.show)
            bar.finish(summary.progress)
            let progress = summary.progress
            var lines = ["\(dryRun ? "Dry run: would have sent" : "Sent") \(progress.sent) message(s), deferred \(progress.deferred), failed \(progress.failed)" +
                         " in \(String(format: "%.1f", progress.elapsed)) s (\(Int(progress.rate.rounded())) messages/s)."]
            if summary.letters > 0 {
                lines.append(dryRun ? "Would record \(summary.letters) printed letter(s) (letters.pdf in the campaign's Outbox folder) as sent, each with its contact."
                             : "Recorded \(summary.letters) printed letter(s) (letters.pdf in the campaign's Outbox folder) as sent, each with its contact.")
            }
            if summary.skipped > 0 {
                lines.append("Skipped \(summary.skipped) recipient(s) whom the CRM no longer lets have the message (removed, consent withdrawn, address changed); `kontakt campaign status \(name)` says why.")
            }
            if summary.resumedInFlight > 0 && !dryRun {
                lines.append("\(summary.resumedInFlight) recipient(s) were in flight when the last run stopped; they were sent again and may have the message twice.")
            }
            if let stop = summary.stop {
                lines.append("Stopped: \(stop)." + (summary.remaining > 0 ? " \(summary.remaining) recipient(s) remain to be sent." : ""))
            }
            if let next = summary.nextRetry { lines.append("Deferred recipients retry from \(next) (UTC): run `kontakt campaign send \(name)` again.") }
            if progress.failed > 0 || progress.deferred > 0 { lines.append("`kontakt campaign status \(name) --json` lists them with the server's replies.") }
            if dryRun { lines.append("Dry run: nothing was sent and nothing was recorded.") }
            print(lines.joined(separator: "\n"))
            if case .failed(let message)? = summary.stop { throw ExitMessage(message) }
            if summary.endedEarly && !dryRun { throw ExitStatus(code: 75) }
        }

        static func describe(_ outcome: SMTPDelivery) -> String {
            switch outcome {
            case .accepted(let reply): return "accepted (\(reply))"
            case .deferred(_, let reply, _): return "deferred (\(reply))"
            case .rejected(_, let reply): return "rejected (\(reply))"
            }
        }

    }

    struct Pause: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pause",
            abstract: "Ask a running `campaign send` to stop after the messages in flight; send again to resume.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The campaign's name.") var name: String

        func run() throws {
            try global.workspace().campaigns.pause(name: name, by: .localOperator)
            print("Campaign \(name) pauses after the messages in flight; `kontakt campaign send \(name)` resumes it.")
        }
    }
}

/// A run that ended early, already explained on standard output: only the exit status is left
/// to say it.
struct ExitStatus: Error {
    let code: Int32
}

/// The progress of a send on standard error: a bar redrawn in place on a terminal, a plain line
/// every 5 seconds otherwise — the first one 5 s after the start, and a last one with the final
/// figures when any was printed, so a log never ends on a stale snapshot before the summary.
final class ProgressLine {
    private let terminal: Bool
    private var lastShown: Double
    private var printedPlainLine = false

    init(terminal: Bool = isatty(2) == 1) {
        self.terminal = terminal
        // A terminal draws the bar at once; a log waits for the first interval.
        lastShown = terminal ? 0 : Date().timeIntervalSince1970
    }

    func show(_ progress: SendProgress) {
        let now = Date().timeIntervalSince1970
        guard now - lastShown >= (terminal ? 0.2 : 5) else { return }
        lastShown = now
        write(progress, final: false)
    }

    func finish(_ progress: SendProgress) {
        if terminal || printedPlainLine { write(progress, final: true) }
    }

    private func write(_ progress: SendProgress, final: Bool) {
        let eta = progress.eta.map { String(format: " · ETA %d:%02d", Int($0) / 60, Int($0) % 60) } ?? ""
        let counts = "sent \(progress.sent) · deferred \(progress.deferred) · failed \(progress.failed) · \(Int(progress.rate.rounded()))/s\(eta)"
        let line: String
        if terminal {
            let width = 24
            let filled = progress.due > 0 ? min(width, progress.done * width / progress.due) : width
            line = "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(progress.done)/\(progress.due) " + counts + "\u{1B}[K" + (final ? "\n" : "")
        } else {
            line = "\(progress.done)/\(progress.due): " + counts + "\n"
            printedPlainLine = true
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
