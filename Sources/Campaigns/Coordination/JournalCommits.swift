// The transactions of a long-running job (a campaign's delivery) on a database other processes
// write to as well: each takes the write lock before it reads what it decides on, and waits
// for as long as another writer holds the database rather than giving up after the busy
// timeout — a sender never ends with messages the server accepted that the journal does not know.

import Foundation
import GRDB

struct JournalCommits {
    let db: Database
    /// Told how long a commit has waited so far, each time the busy timeout passes.
    var waiting: (Double) -> Void = { _ in }

    /// Runs `body` in one transaction. `BEGIN IMMEDIATE` takes the write lock first, so what
    /// `body` reads (the lease, the daily count) cannot change before it writes; a busy
    /// database is waited for, and only `BEGIN` and `COMMIT` are retried, never `body`.
    /// Inside an open transaction (a dry run's) it is a savepoint.
    func commit(_ body: () throws -> Void) throws {
        if db.isInsideTransaction {
            try db.inSavepoint {
                try body()
                return .commit
            }
            return
        }
        let started = Date().timeIntervalSince1970
        try retryingWhileBusy(started) { try db.execute(sql: "BEGIN IMMEDIATE TRANSACTION") }
        do {
            try body()
            try retryingWhileBusy(started) { try db.execute(sql: "COMMIT TRANSACTION") }
        } catch {
            if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK TRANSACTION") }
            throw error
        }
    }

    private func retryingWhileBusy(_ started: Double, _ statement: () throws -> Void) throws {
        while true {
            do {
                return try statement()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                waiting(Date().timeIntervalSince1970 - started)
            }
        }
    }
}
