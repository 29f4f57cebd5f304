// What an open page watches for live updates: a firm's or a person's history, or a referent's
// open tasks. A page polls nothing itself; the server compares, every few seconds, the store's
// change counter (one indexed read) and, only when it moved, the watched part's fingerprint.

import CRM
import GRDB
import Store

public enum LiveScope: Sendable, Hashable {
    case firm(Int64)
    case person(Int64)
    case tasks(referent: String)

    /// "firm:12", "person:7", "tasks:novak": the form a page names its scope in.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        switch parts[0] {
        case "firm": guard let id = Int64(parts[1]), id > 0 else { return nil }; self = .firm(id)
        case "person": guard let id = Int64(parts[1]), id > 0 else { return nil }; self = .person(id)
        case "tasks": self = .tasks(referent: parts[1])
        default: return nil
        }
    }

    public var text: String {
        switch self {
        case .firm(let id): return "firm:\(id)"
        case .person(let id): return "person:\(id)"
        case .tasks(let referent): return "tasks:\(referent)"
        }
    }
}

/// The counter and the watched part's fingerprint at one moment.
public struct LiveState: Sendable, Equatable {
    public let version: Int64
    public let fingerprint: String
}

extension Workspace {
    public var live: LiveUpdates { LiveUpdates(workspace: self) }

    public struct LiveUpdates: Sendable {
        let workspace: Workspace

        /// The store's change counter now (a page is rendered at one).
        public func version() throws -> Int64 {
            try workspace.database.read { db in try DataVersion.current(db: db).data }
        }

        /// The state of `scope` now; `known` when the counter has not moved since it (no other
        /// read). A sales user may watch their own tasks only; records are for everyone.
        public func state(_ scope: LiveScope, after known: LiveState?, by principal: Principal) throws -> LiveState {
            if case .tasks(let referent) = scope, let own = principal.referent, referent != own, !principal.isAdmin {
                throw WorkspaceError.forbidden("a sales user follows only its own tasks")
            }
            return try workspace.database.read { db in
                let version = try DataVersion.current(db: db).data
                if let known, known.version == version { return known }
                return LiveState(version: version, fingerprint: try Self.fingerprint(scope, db: db))
            }
        }

        /// How many rows and their latest change: a contact logged, edited, done or removed,
        /// or a task moved, changes it.
        static func fingerprint(_ scope: LiveScope, db: Database) throws -> String {
            let row: Row?
            switch scope {
            case .firm(let id):
                row = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT count(*), max(c.updated_at), max(c.id), (SELECT updated_at FROM firm WHERE id = ?1) FROM contact c WHERE c.firm_id = ?1
                    """), arguments: [id])
            case .person(let id):
                row = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT count(*), max(c.updated_at), max(c.id), (SELECT updated_at FROM person WHERE id = ?1) FROM contact c WHERE c.person_id = ?1
                    """), arguments: [id])
            case .tasks(let referent):
                row = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT count(*), max(updated_at), max(id), NULL FROM contact WHERE referent = ? AND status = 'task' AND done_at IS NULL
                    """), arguments: [referent])
            }
            guard let row else { return "" }
            return "\(row[0] as Int64? ?? 0)|\(row[1] as String? ?? "")|\(row[2] as Int64? ?? 0)|\(row[3] as String? ?? "")"
        }
    }
}
