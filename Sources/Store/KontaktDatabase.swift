// Opening the SQLite file: configuration, migrations, and the one-transaction-per-command rule.

import CRM
import Foundation
import GRDB
import Logging

/// The Kontakt database file. Every write goes through `write`, one transaction, so a failed
/// command leaves the file as it was.
///
///     let database = try KontaktDatabase(path: "kontakt.sqlite")
///     let firm = try database.write { db in try Firms.insert(newFirm, db: db) }
public final class KontaktDatabase: Sendable {
    public let path: String
    /// A queue (one connection) for commands; a pool (one writer, several readers) for the
    /// server, where pages are read while a write is under way.
    private let queue: any DatabaseWriter
    /// The server's writes, committed in groups (nil for a command, which writes alone).
    private let groupCommit: GroupCommit?
    private let checkpointer: WALCheckpointer?

    /// Opens an existing database (and brings its schema up to date). With `create`, a missing
    /// file is created; without, a missing file is an error that says how to create one.
    /// Migrations applied on opening are logged at `info`. With `concurrentReads` (the web
    /// server), reads run on their own connections beside the one writer.
    public init(path: String, create: Bool = false, concurrentReads: Bool = false, logger: Logger = Logger(label: "kontakt.store")) throws {
        if !create, path != ":memory:", !FileManager.default.fileExists(atPath: path) {
            throw StoreError.noDatabase(path: path)
        }
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // A busy file is tried again every millisecond for the first second, then every 5 ms, up
        // to 10 s in all: SQLite's own timeout backs off to 100 ms sleeps, which is what a
        // request waiting behind a campaign's short commits would feel.
        //
        // The server polls every 100 µs for its first second: a campaign sending in another
        // process commits hundreds of times a second and takes the lock again within a
        // fraction of a millisecond, so a coarser poll keeps missing the gaps between its commits.
        let firstPoll: UInt32 = concurrentReads ? 100 : 1_000
        let firstTries = Int(1_000_000 / firstPoll)
        configuration.busyMode = .callback { tries in
            guard tries < firstTries + 1_800 else { return false }
            usleep(tries < firstTries ? firstPoll : 5_000)
            return true
        }
        configuration.prepareDatabase { db in
            // WAL lets reports read while a campaign writes; NORMAL sync in WAL mode survives a
            // crash of the process and loses at most the last commits on power loss.
            // (A pool's readers are read-only; the pool puts the file in WAL mode itself.)
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA journal_mode = WAL") }
            // The server keeps five connections open for days: a smaller cache each, and no
            // memory map, whose touched pages would count as its resident memory.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = \(concurrentReads ? -4096 : -65536)")
            // Reads through a memory map instead of a read() per page: a command starts with an
            // empty page cache, and a segment over a million persons touches tens of thousands
            // of pages. SQLite caps the size at its compile-time maximum.
            if !concurrentReads { try db.execute(sql: "PRAGMA mmap_size = 2147418112") }
            // The server's writer leaves checkpoints to its WALCheckpointer.
            if concurrentReads && !db.configuration.readonly { try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
            SQLFunctions.register(on: db)
        }
        do {
            if concurrentReads && path != ":memory:" {
                configuration.maximumReaderCount = 2
                let pool = try DatabasePool(path: path, configuration: configuration)
                queue = pool
                groupCommit = GroupCommit(writer: pool)
                checkpointer = try WALCheckpointer(path: path)
            } else {
                queue = try DatabaseQueue(path: path, configuration: configuration)
                groupCommit = nil
                checkpointer = nil
            }
            let migrator = Migrations.migrator
            let applied = try queue.read { db in try migrator.appliedIdentifiers(db) }
            // An up-to-date file (every command but the first after an upgrade) is only read:
            // migrating takes the write lock, which a read-only command should not wait for.
            if !Set(migrator.migrations).isSubset(of: applied) {
                try migrator.migrate(queue)
                for migration in try queue.read({ db in try migrator.appliedMigrations(db) }) where !applied.contains(migration) {
                    logger.debug("applied migration", metadata: ["migration": "\(migration)", "database": "\(path)"])
                }
            }
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
    }

    deinit { checkpointer?.stop() }

    /// Holds the connection for `body` without opening a transaction: a long job (a campaign's
    /// delivery) commits its own transactions as it goes, and other processes write between them.
    public func session<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.writeWithoutTransaction(body)
    }

    /// Runs `body` in one transaction: all of it is committed, or none of it. In the server,
    /// writes arriving together share a transaction, each in its own savepoint (GroupCommit):
    /// the same all-or-nothing for each, one commit for all.
    @discardableResult
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        if let groupCommit { return try groupCommit.write(body) }
        return try queue.write(body)
    }

    /// Runs `body` in one transaction and commits it only when `commit` is true: a dry run
    /// does all the work, constraints included, and leaves the file untouched.
    public func write<T>(commit: Bool, _ body: (Database) throws -> T) throws -> T {
        try queue.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction {
                result = try body(db)
                return commit ? .commit : .rollback
            }
            return result!
        }
    }

    /// Runs `body` on a consistent snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.read(body)
    }

    /// The names of the migrations applied, oldest first.
    public func appliedMigrations() throws -> [String] {
        try queue.read { db in try Migrations.migrator.appliedMigrations(db) }
    }
}
