// `kontakt init`: a new database with the default code lists.

import ArgumentParser
import Foundation
import Store

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new database with the default code lists (kinds and results of contacts).",
        discussion: "Refuses to touch an existing file. The kinds are call, meeting, negotiation, letter, email, event and task; the results promise, offer (open), contract, order (success) and no-interest, price, competitor, no-budget, timing (failure), all labelled in Czech.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let path = global.databasePath
        if FileManager.default.fileExists(atPath: path) {
            throw StoreError.conflict("there is a database at \(path) already; remove it first or choose another --db")
        }
        let database = try global.open(create: true)
        try database.write { db in try CodeLists.seedDefaults(db: db) }
        print("Created \(path) with the default code lists.")
    }
}
