// The server's checkpoints, off the request path. SQLite copies the write-ahead log back into
// the database file when a commit finds it past 1,000 pages — in the committing connection,
// with an fsync, while the requests of that commit wait for it. The server's writer does not
// checkpoint; this connection does, every second, PASSIVE (never waiting for or blocking a
// reader or a writer, in this process or another).

import Foundation
import GRDB
import Synchronization

final class WALCheckpointer: Sendable {
    private let stopped = Mutex(false)

    init(path: String, every interval: Double = 1) throws {
        var configuration = Configuration()
        configuration.label = "kontakt.checkpoint"
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        let thread = Thread { [weak self] in
            var last = Date()
            while true {
                usleep(100_000)
                guard let checkpointer = self, !checkpointer.isStopped else { return }
                guard Date().timeIntervalSince(last) >= interval else { continue }
                last = Date()
                // Busy (another checkpoint under way) or failed: the next second tries again.
                try? connection.writeWithoutTransaction { db in _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") }
            }
        }
        thread.name = "kontakt-checkpoint"
        thread.start()
    }

    func stop() { stopped.withLock { $0 = true } }

    private var isStopped: Bool { stopped.withLock { $0 } }
}
