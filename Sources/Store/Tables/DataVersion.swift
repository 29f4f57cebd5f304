// The counters a reader compares to know whether what it kept is still current: the records'
// (migration v11) and the catalog's (v10), both raised by triggers in every process.

import GRDB

public struct StoreVersion: Sendable, Hashable {
    public let data: Int64
    public let catalog: Int64

    public init(data: Int64, catalog: Int64) { self.data = data; self.catalog = catalog }
}

public enum DataVersion {
    /// The tables whose changes raise the data counter.
    static let tables = ["firm", "person", "contact", "firm_values", "person_values", "sent_message", "audit_entry", "segment"]

    /// Both counters as of `db`'s snapshot, in one indexed read.
    public static func current(db: Database) throws -> StoreVersion {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT (SELECT version FROM data_version WHERE id = 1), (SELECT version FROM catalog_version WHERE id = 1)
            """))
        return StoreVersion(data: row?[0] ?? 0, catalog: row?[1] ?? 0)
    }
}
