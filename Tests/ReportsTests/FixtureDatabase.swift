// A fresh database file for a report fixture: the default code lists and the given referents.

import CRM
import Foundation
import GRDB
import Store

enum FixtureDatabase {
    /// Creates `folder` and `k.sqlite` in it; `body` adds the fixture's firms and contacts.
    static func make(in folder: URL, referents: [(code: String, name: String)], _ body: (Database) throws -> Void) throws -> KontaktDatabase {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try KontaktDatabase(path: folder.appendingPathComponent("k.sqlite").path, create: true)
        try database.write { db in
            try CodeLists.seedDefaults(db: db)
            for (code, name) in referents { try Referents.add(Referent(code: code, name: name), db: db) }
            try body(db)
        }
        return database
    }
}
