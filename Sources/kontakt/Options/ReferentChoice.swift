// The referent a command acts for: the one named, or the only one there is.

import ArgumentParser
import CRM
import GRDB
import Store

enum ReferentChoice {
    /// `code`'s referent; without a code, the only referent, else an error listing them.
    static func resolve(_ code: String?, purpose: String, db: Database) throws -> Referent {
        if let code {
            guard let found = try Referents.fetch(code: code, db: db) else { throw StoreError.notFound(entity: "referent", id: "\"\(code)\"") }
            return found
        }
        let all = try Referents.all(db: db)
        guard all.count == 1 else { throw ValidationError("give the referent who \(purpose) with --referent (one of \(all.map(\.code).joined(separator: ", ")))") }
        return all[0]
    }
}
