// `kontakt config`: remembered connection settings and defaults. Never a password or token:
// those come from the environment or a file at each run.

import ArgumentParser
import Campaigns
import Mail
import Store

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Remember SMTP and mail settings in the database (never a password).",
        subcommands: [Set.self, Get.self, Unset.self, List.self])

    static func checkKnown(_ key: String) throws {
        guard Settings.known[key] != nil else {
            throw ValidationError("unknown setting \"\(key)\"; known: \(Settings.known.keys.sorted().joined(separator: ", "))")
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Remember a setting: smtp.url, smtp.starttls, smtp.rate, smtp.daily-cap, smtp.concurrency, smtp.cacert, mail.from, print.sender, print.sheets, templates.folder.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting.") var key: String
        @Argument(help: "Its value.") var value: String

        func run() throws {
            try ConfigCommand.checkKnown(key)
            // Checked now, so a later send does not fail on a remembered mistake.
            switch key {
            case "smtp.url": _ = try SMTPSettings(url: value)
            case "smtp.starttls":
                guard StartTLS(rawValue: value) != nil else { throw ValidationError("smtp.starttls is required, opportunistic or off") }
            case "smtp.rate": _ = try SendRate(parsing: value)
            case "smtp.daily-cap", "smtp.concurrency":
                guard let number = Int(value), number > 0 else { throw ValidationError("\(key) takes a positive number, not \"\(value)\"") }
            case "mail.from": _ = try MailAddress(parsing: value)
            default: break
            }
            try global.open().write { db in try Settings.set(key, value, db: db) }
            print("\(key) = \(value)")
        }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get", abstract: "Print a setting.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting.") var key: String

        func run() throws {
            try ConfigCommand.checkKnown(key)
            guard let value = try global.open().read({ db in try Settings.get(key, db: db) }) else {
                throw ExitMessage("\(key) is not set")
            }
            print(value)
        }
    }

    struct Unset: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unset", abstract: "Forget a setting.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting.") var key: String

        func run() throws {
            try ConfigCommand.checkKnown(key)
            try global.open().write { db in try Settings.set(key, nil, db: db) }
            print("\(key) is no longer set")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the remembered settings.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let settings = try global.open().read { db in try Settings.all(db: db) }
            var table = TextTable("setting", "value", "meaning")
            for (key, value) in settings { table.add(key, value, Settings.known[key] ?? "") }
            print(table.render())
        }
    }
}
