// A read that must not hold a connection for long: the segment editor's count while the user
// is still typing. SQLite calls a progress handler every few thousand virtual-machine steps;
// once the deadline has passed or the caller gave up, it answers "stop" and the statement
// ends with SQLITE_INTERRUPT — on this connection only, unlike sqlite3_interrupt.

import Foundation
import GRDB
import GRDBSQLite

public enum QueryDeadline {
    private final class Watch {
        let deadline: UInt64
        let cancelled: @Sendable () -> Bool
        init(seconds: Double, cancelled: @escaping @Sendable () -> Bool) {
            deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9)
            self.cancelled = cancelled
        }
    }

    /// Runs `body`, interrupting its statements after `seconds` or once `cancelled` says so.
    public static func run<T>(_ db: Database, seconds: Double, cancelled: @escaping @Sendable () -> Bool = { false },
                              _ body: () throws -> T) throws -> T {
        let watch = Watch(seconds: seconds, cancelled: cancelled)
        let context = Unmanaged.passUnretained(watch).toOpaque()
        sqlite3_progress_handler(db.sqliteConnection, 4_000, { pointer in
            guard let pointer else { return 0 }
            let watch = Unmanaged<Watch>.fromOpaque(pointer).takeUnretainedValue()
            return DispatchTime.now().uptimeNanoseconds > watch.deadline || watch.cancelled() ? 1 : 0
        }, context)
        defer { sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil) }
        return try withExtendedLifetime(watch) { try body() }
    }

    /// Whether an error is such an interruption.
    public static func isInterruption(_ error: any Error) -> Bool {
        (error as? DatabaseError)?.resultCode == .SQLITE_INTERRUPT
    }
}
