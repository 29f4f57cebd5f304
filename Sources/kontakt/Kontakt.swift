// The `kontakt` command: its sub-commands, and the one place errors reach the terminal.

import Workspace
import ArgumentParser
import CRM
import Foundation
import GRDB
import Interchange
import Campaigns
import Logging
import Mail
import Merge
import Print
import Segmentation
import Store

@main
struct Kontakt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kontakt",
        abstract: "Firms, contact persons and the whole contact history of a sales team, in one SQLite file.",
        discussion: """
            The database is ./kontakt.sqlite unless --db or $KONTAKT_DB names another. Start with `kontakt init`.
            Every list and show command takes --json. Dates are ISO (2026-11-29, 2026-11-29T14:30) or Czech (29.11.2026 14:30).
            Diagnostics go to stderr at the level $KONTAKT_LOG_LEVEL names (trace, debug, info, notice, warning — the default —, error).
            """,
        version: KontaktVersion.string,
        subcommands: [InitCommand.self, ReferentCommand.self, CodeListCommand.self, AttributeCommand.self,
                      FirmCommand.self, PersonCommand.self, ContactCommand.self, SegmentCommand.self, MergeCommand.self, CampaignCommand.self, MailCommand.self, LettersCommand.self, LabelsCommand.self, EnvelopesCommand.self, ConfigCommand.self, ImportCommand.self, ExportCommand.self, HistoryCommand.self, ReportCommand.self, UserCommand.self, ServeCommand.self, SuppressionCommand.self, DKIMCommand.self])

    /// Domain errors print as one `error: <sentence>` line (several for an import); usage errors
    /// keep ArgumentParser's help.
    static func main() {
        bootstrapLogging()
        do {
            var command = try parseAsRoot(hoistingGlobalOptions(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch let status as ExitStatus {
            Foundation.exit(status.code)
        } catch let error where isDomainError(error) {
            Terminal.printError(message(for: error))
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            var text = fullMessage(for: error)
            if text.hasPrefix("Error: ") { text = "error: " + text.dropFirst("Error: ".count) }
            if code == .success { print(text) } else { Terminal.printError(text, prefixed: false) }
            Foundation.exit(code.rawValue)
        }
    }

    /// Libraries log through the loggers they are given; here the front end decides what reaches
    /// the terminal: standard error, from the level in $KONTAKT_LOG_LEVEL (default warning).
    static func bootstrapLogging() {
        let requested = ProcessInfo.processInfo.environment["KONTAKT_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) }
        let level = requested ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// `kontakt --db x.sqlite firm list` works like `kontakt firm list --db x.sqlite`: global
    /// options given before the sub-command are moved behind it, where every command reads them.
    static func hoistingGlobalOptions(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("--") {
            let name = first.split(separator: "=", maxSplits: 1)[0]
            guard name == "--db" || name == "--outbox" else { break }
            leading.append(first)
            rest = rest.dropFirst()
            if !first.contains("="), let value = rest.first { leading.append(value); rest = rest.dropFirst() }
        }
        return Array(rest) + leading
    }

    static func isDomainError(_ error: Error) -> Bool {
        error is CRM.ValidationError || error is ValidationErrors || error is StoreError || error is InterchangeError || error is DatabaseError
            || error is SegmentError || error is SavedSegmentError || error is MergeError || error is MailError || error is OutboxError || error is CampaignError
            || error is SMTPError || error is SendError || error is DeliveryError || error is ExitMessage || error is PrintError
            || error is WorkspaceError || error is SavedSegmentError
    }

    static func message(for error: Error) -> String {
        switch error {
        case let error as DatabaseError: return databaseMessage(error)
        case let error as ValidationErrors: return "the record is invalid:\n" + error.errors.map { "  \($0)" }.joined(separator: "\n")
        default: return "\(error)"
        }
    }

    /// What SQLite said, in words that fit what the command did: only a refused constraint is
    /// a refused change (a read-only command can fail too, and must not claim one).
    static func databaseMessage(_ error: DatabaseError) -> String {
        let text = error.message ?? "\(error)"
        switch error.resultCode {
        case .SQLITE_CONSTRAINT: return "the database refused the change: \(text)"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "the database is held by another program (\(text)); nothing was changed, try again when it is done"
        case .SQLITE_FULL: return "the disk is full (\(text)); nothing was changed"
        default:
            if ["parser stack overflow", "Expression tree is too large", "too many SQL variables"].contains(where: text.contains) {
                return "the expression is too complex for SQLite (\(text)): use fewer nested levels or fewer values"
            }
            return "the database could not do it: \(text)"
        }
    }
}
