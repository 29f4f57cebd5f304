// The server's group commit: writes that arrive together share a transaction, and each still
// succeeds or fails alone.

import Foundation
import GRDB
import Store
import Synchronization
import Testing

@Suite struct GroupCommitTests {
    @Test func concurrentWritesAllLandAndAFailingOneLeavesNoTrace() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        _ = try KontaktDatabase(path: path, create: true)
        let database = try KontaktDatabase(path: path, concurrentReads: true)
        try database.write { db in try db.execute(sql: "CREATE TABLE t(n INTEGER PRIMARY KEY, label TEXT NOT NULL)") }
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 400) { n in
            do {
                try database.write { db in
                    try db.execute(sql: "INSERT INTO t(n, label) VALUES (?, ?)", arguments: [n, "a"])
                    // Every tenth write fails after writing: its row must not stay.
                    if n % 10 == 0 { try db.execute(sql: "INSERT INTO t(n, label) VALUES (?, NULL)", arguments: [n + 10_000]) }
                    try db.execute(sql: "UPDATE t SET label = 'b' WHERE n = ?", arguments: [n])
                }
            } catch {
                failures.withLock { $0 += 1 }
            }
        }
        #expect(failures.withLock { $0 } == 40)
        let (rows, labels, bad) = try database.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM t")!, try String.fetchAll(db, sql: "SELECT DISTINCT label FROM t"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM t WHERE n % 10 = 0 OR n >= 10000")!)
        }
        #expect(rows == 360 && labels == ["b"] && bad == 0)
        let value = try database.write { db in try Int.fetchOne(db, sql: "SELECT 41 + 1")! }
        #expect(value == 42, "a write's result reaches its caller")
    }
}

@Suite struct CheckpointTests {
    /// The server's writer leaves checkpoints to a connection of their own, which copies the
    /// log back into the file within a second or two.
    @Test func theServersLogIsCheckpointedOffTheWriter() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        _ = try KontaktDatabase(path: path, create: true)
        let database = try KontaktDatabase(path: path, concurrentReads: true)
        #expect(try database.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") } == 0)
        try database.write { db in
            try db.execute(sql: "CREATE TABLE blob(b BLOB)")
            try db.execute(sql: "INSERT INTO blob VALUES (zeroblob(2000000))")
        }
        func fileSize() -> Int { ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0 }
        let deadline = Date().addingTimeInterval(5)
        while fileSize() < 2_000_000, Date() < deadline { usleep(50_000) }
        #expect(fileSize() >= 2_000_000, "the 2 MB written reached the database file, not only its log")
    }
}
