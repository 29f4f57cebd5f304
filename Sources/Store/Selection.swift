// The ids a filter selects, in list order: counted, listed, or joined to the full rows.

import CRM
import GRDB

/// Where a list page ends: the last row's sort key and id.
public struct ListPosition: Sendable, Equatable {
    public var sortKey: String
    public var id: Int64
    public init(sortKey: String, id: Int64) { self.sortKey = sortKey; self.id = id }
}

/// SQL that selects the ids (`id`) of the persons or firms a `RowFilter` admits, in Czech
/// order, cut to a limit. Callers join the full rows to it and order them again: ordering the
/// ids here lets SQLite stop at the limit.
public struct Selection {
    public let sql: String
    public let arguments: [DatabaseValue]

    /// - Parameter anyFirst: the first `limit` found, in no order (the caller orders them):
    ///   SQLite stops at the limit without reading the rest in list order — a preview of a few.
    public static func persons(firmId: Int64? = nil, filter: RowFilter?, limit: Int?, byFirm: Bool = false, anyFirst: Bool = false) -> Selection {
        var conditions: [String] = []
        var arguments = filter?.preludeArguments ?? []
        if let firmId { conditions.append("p.firm_id = ?"); arguments.append(firmId.databaseValue) }
        if let filter { conditions.append("(\(filter.condition))"); arguments += filter.arguments }
        return Selection(sql: """
            \(filter?.withPrelude ?? "")SELECT p.id AS id
            \(filter?.fromWithEntity ?? "FROM person p")\(whereClause(conditions))
            \(anyFirst ? "" : "ORDER BY " + (byFirm ? "p.firm_id, p.id" : "p.sort_key, p.id"))\(limitClause(limit, &arguments))
            """, arguments: arguments)
    }

    /// With `after`, only the firms past that (sort key, id) in list order: a keyset page,
    /// which costs the same on the thousandth page as on the first (OFFSET would not).
    public static func firms(filter: RowFilter?, after: ListPosition? = nil, limit: Int?, anyFirst: Bool = false) -> Selection {
        var arguments = filter?.allArguments ?? []
        var conditions = filter.map { ["(\($0.condition))"] } ?? []
        if let after {
            conditions.append("(f.sort_key, f.id) > (?, ?)")
            arguments += [after.sortKey.databaseValue, after.id.databaseValue]
        }
        return Selection(sql: """
            \(filter?.withPrelude ?? "")SELECT f.id AS id
            \(filter?.fromWithEntity ?? "FROM firm f")\(whereClause(conditions))
            \(anyFirst ? "" : "ORDER BY f.sort_key, f.id")\(limitClause(limit, &arguments))
            """, arguments: arguments)
    }

    /// How many persons or firms a filter selects, counting no further than `cap`: a list
    /// says "more than 1,000" instead of counting a million rows on every page.
    public static func count(_ filter: RowFilter?, entity: EntityKind, cap: Int, db: Database) throws -> Int {
        let query = filter?.idQuery ?? "SELECT id FROM \(entity.rawValue)"
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(query) LIMIT ?)",
                                arguments: StatementArguments((filter?.allArguments ?? []) + [cap.databaseValue])) ?? 0
    }

    /// How many persons or firms a filter selects.
    public static func count(_ filter: RowFilter, db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(filter.idQuery))", arguments: StatementArguments(filter.allArguments)) ?? 0
    }

    private static func whereClause(_ conditions: [String]) -> String {
        conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    }

    private static func limitClause(_ limit: Int?, _ arguments: inout [DatabaseValue]) -> String {
        guard let limit else { return "" }
        arguments.append(limit.databaseValue)
        return " LIMIT ?"
    }
}
