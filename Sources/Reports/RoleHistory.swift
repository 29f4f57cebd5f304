// Whether a firm held a role on a given day, from `firm_role_history` (recorded since
// migration v9): the latest change on or before the day, else the first thing known of the
// firm (its roles when it was recorded, or when the history began).

import CRM
import GRDB
import Store

struct RoleHistory {
    /// Per firm, the role's changes in order: (Julian day, or nil for "before the history", held).
    private var changes: [Int64: [(day: Int?, held: Bool)]] = [:]

    init(role: Role, db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT firm_id, CAST(julianday(substr(since, 1, 10)) AS INTEGER), held FROM firm_role_history
            WHERE role = ? ORDER BY firm_id, since, rowid
            """, arguments: [role.rawValue])
        while let row = try rows.next() {
            let firm: Int64 = row[0]
            changes[firm, default: []].append((row[1], row[2]))
        }
    }

    /// Whether `firm` held the role on Julian day `day`.
    func held(by firm: Int64, onDay day: Int) -> Bool {
        guard let list = changes[firm], let first = list.first else { return false }
        return list.last { ($0.day ?? Int.min) <= day }?.held ?? first.held
    }
}
