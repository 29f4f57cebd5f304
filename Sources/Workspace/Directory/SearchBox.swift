// The one search box (Ctrl+K): firms and persons by name, IČO, e-mail or phone, ignoring case,
// diacritics and phone formatting.

import Store

extension Workspace {
    public struct SearchBox: Sendable {
        let workspace: Workspace

        public func find(_ text: String, limit: Int = 10) throws -> [SearchHit] {
            let trimmed = String(text.prefix(200))
            return try workspace.database.read { db in try QuickSearch.find(trimmed, limit: max(1, min(limit, 50)), db: db) }
        }
    }
}
