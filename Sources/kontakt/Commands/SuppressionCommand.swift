// `kontakt suppression list|add|remove`: the addresses no campaign sends to, and why — a hard
// bounce, repeated soft bounces, a complaint, a refusal at RCPT, or an entry made by hand.

import ArgumentParser
import Workspace
import Store

struct SuppressionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suppression", abstract: "Show and edit the suppression list (addresses campaigns skip, with the reason).",
        subcommands: [List.self, Add.self, Remove.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the suppressed addresses.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: JSONOption
        @Option(help: "Only this reason: hard-bounce, soft-bounces, complaint, rejected or manual.") var reason: String?

        func run() throws {
            let only: Suppression.Reason?
            if let reason {
                guard let parsed = Suppression.Reason(rawValue: reason) else {
                    throw ValidationError("--reason is one of \(Suppression.Reason.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(reason)\"")
                }
                only = parsed
            } else {
                only = nil
            }
            let workspace = try global.workspace()
            // A page at a time: a large office's list of bounces never sits in memory whole.
            func forEachEntry(_ body: (Suppression) throws -> Void) throws {
                var after = ""
                while true {
                    let page = try workspace.suppression.list(reason: only, after: after, limit: 1000)
                    try page.forEach(body)
                    guard page.count == 1000, let last = page.last else { return }
                    after = last.address
                }
            }
            let buffer = OutputBuffer()
            if output.json {
                let json = JSONWriter(output: buffer)
                try json.array {
                    try forEachEntry { entry in
                        json.object {
                            json.field("address", entry.address); json.field("reason", entry.reason.rawValue); json.field("since", entry.since)
                            json.field("detail", entry.detail); json.field("person", entry.personId); json.field("campaign", entry.campaignId)
                            json.field("source", entry.source)
                        }
                    }
                }
                json.newline()
            } else {
                var table = TextTable("address", "reason", "since", "detail", "source")
                try forEachEntry { entry in
                    table.add(entry.address, entry.reason.rawValue, String(entry.since.prefix(10)), String((entry.detail ?? "").prefix(60)), entry.source)
                }
                buffer.append(table.render() + "\n")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Suppress an address by hand.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The e-mail address.") var address: String
        @Option(help: "Why, for whoever reads the list later.") var note: String?

        func run() throws {
            let added = try global.workspace().suppression.add(address: address, note: note, by: .localOperator)
            print(added ? "Suppressed \(address.lowercased()): campaigns skip it from now on." : "\(address.lowercased()) was suppressed already.")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Take an address off the list (its mailbox works again).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The e-mail address.") var address: String

        func run() throws {
            guard try global.workspace().suppression.remove(address: address, by: .localOperator) else {
                throw ExitMessage("\(address.lowercased()) is not on the suppression list")
            }
            print("\(address.lowercased()) is no longer suppressed.")
        }
    }
}
