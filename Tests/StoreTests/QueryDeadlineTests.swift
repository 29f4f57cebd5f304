// A read given a deadline stops at it with SQLITE_INTERRUPT, on its own connection only, and
// the connection works normally afterwards; a read asked to stop stops at once.

import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct QueryDeadlineTests {
    let endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000000) SELECT COUNT(*) FROM n"

    @Test func aLongReadStopsAtTheDeadlineAndTheConnectionStaysUsable() throws {
        let queue = try DatabaseQueue()
        let started = Date()
        let sql = endless
        try queue.read { db in
            var stopped = false
            do {
                try QueryDeadline.run(db, seconds: 0.1) { _ = try Int.fetchOne(db, sql: sql) }
            } catch {
                stopped = QueryDeadline.isInterruption(error)
            }
            #expect(stopped, "interrupted, not an other error")
            #expect(Date().timeIntervalSince(started) < 2, "stopped near the deadline, not after counting to 50 million")
            // The handler is gone: a read that takes long still finishes.
            let long = try Int.fetchOne(db, sql: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) SELECT COUNT(*) FROM n")
            #expect(long == 200_000)
            let quick = try QueryDeadline.run(db, seconds: 5) { try Int.fetchOne(db, sql: "SELECT 41 + 1") }
            #expect(quick == 42)
        }
    }

    @Test func aReadAskedToStopStops() throws {
        let queue = try DatabaseQueue()
        let started = Date()
        let sql = endless
        let stopped = try queue.read { db -> Bool in
            do {
                try QueryDeadline.run(db, seconds: 60, cancelled: { Date().timeIntervalSince(started) > 0.05 }) { _ = try Int.fetchOne(db, sql: sql) }
                return false
            } catch {
                return QueryDeadline.isInterruption(error)
            }
        }
        #expect(stopped)
        #expect(Date().timeIntervalSince(started) < 2)
    }
}
