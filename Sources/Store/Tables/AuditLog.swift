// The audit log: one row per changed field of a firm, person or contact (and one per action
// that changes no field, such as a removal), never updated or deleted.

import GRDB

public struct AuditEntry: Sendable, Equatable {
    public var id: Int64 = 0
    public var at: String
    public var actor: String
    public var action: String
    public var entity: String
    public var entityId: Int64?
    public var field: String?
    public var oldValue: String?
    public var newValue: String?

    public init(at: String, actor: String, action: String, entity: String, entityId: Int64?, field: String? = nil,
                oldValue: String? = nil, newValue: String? = nil) {
        self.at = at; self.actor = actor; self.action = action; self.entity = entity; self.entityId = entityId
        self.field = field; self.oldValue = oldValue; self.newValue = newValue
    }
}

public enum AuditLog {
    public static func append(_ entries: [AuditEntry], db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO audit_entry(at, actor, action, entity, entity_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for entry in entries {
            try statement.execute(arguments: [entry.at, entry.actor, entry.action, entry.entity, entry.entityId, entry.field, entry.oldValue, entry.newValue])
        }
    }

    /// The entries of one record, newest first.
    public static func entries(entity: String, id: Int64, limit: Int = 200, db: Database) throws -> [AuditEntry] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, at, actor, action, entity, entity_id, field, old_value, new_value FROM audit_entry
            WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT ?
            """), arguments: [entity, id, limit]).map { row in
            var entry = AuditEntry(at: row[1], actor: row[2], action: row[3], entity: row[4], entityId: row[5], field: row[6],
                                   oldValue: row[7], newValue: row[8])
            entry.id = row[0]
            return entry
        }
    }
}
