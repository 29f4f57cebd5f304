// Options every command shares: where the database and the Outbox are.

import ArgumentParser
import Foundation
import Store
import Workspace

struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite database file (default: $KONTAKT_DB, else ./kontakt.sqlite).", valueName: "PATH"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Where generated letters, labels and e-mails go.", valueName: "DIR"))
    var outbox: String = "Outbox"

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["KONTAKT_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "kontakt.sqlite"
    }

    func open(create: Bool = false) throws -> KontaktDatabase {
        try KontaktDatabase(path: databasePath, create: create)
    }

    /// The use cases over the database, as the local operator runs them.
    func workspace() throws -> Workspace {
        Workspace(database: try open())
    }
}

struct JSONOption: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (camelCase keys) instead of a table.")
    var json = false
}
