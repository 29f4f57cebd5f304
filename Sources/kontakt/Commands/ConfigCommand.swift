// `kontakt config`: remembered connection settings and defaults. Never a password or token:
// those come from the environment or a file at each run.

import ArgumentParser
import Workspace
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
            // Checked there, so a later send does not fail on a remembered mistake.
            try global.workspace().catalog.setSetting(key, value, by: .localOperator)
            print("\(key) = \(value)")
        }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get", abstract: "Print a setting.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting.") var key: String

        func run() throws {
            try ConfigCommand.checkKnown(key)
            guard let value = try global.workspace().catalog.setting(key) else {
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
            try global.workspace().catalog.setSetting(key, nil, by: .localOperator)
            print("\(key) is no longer set")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the remembered settings.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let settings = try global.workspace().catalog.storedSettings()
            var table = TextTable("setting", "value", "meaning")
            for (key, value) in settings { table.add(key, value, Settings.known[key] ?? "") }
            print(table.render())
        }
    }
}
