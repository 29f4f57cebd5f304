// The ids a filter selects, in list order: counted, listed, or joined to the full rows.

import CRM
import GRDB

/// SQL that selects the ids (`id`) of the persons or firms a `RowFilter` admits, in Czech
/// order, cut to a limit. Callers join the full rows to it and order them again: ordering the
/// ids here lets SQLite stop at the limit.
public struct Selection {
    public let sql: String
    public let arguments: [DatabaseValue]

    public static func persons(firmId: Int64? = nil, filter: RowFilter?, limit: Int?, byFirm: Bool = false) -> Selection {
        var conditions: [String] = []
        var arguments = filter?.preludeArguments ?? []
        if let firmId { conditions.append("p.firm_id = ?"); arguments.append(firmId.databaseValue) }
        if let filter { conditions.append("(\(filter.condition))"); arguments += filter.arguments }
        return Selection(sql: """
            \(filter?.withPrelude ?? "")SELECT p.id AS id
            \(filter?.fromWithEntity ?? "FROM person p")\(whereClause(conditions))
            ORDER BY \(byFirm ? "p.firm_id, p.id" : "p.sort_key, p.id")\(limitClause(limit, &arguments))
            """, arguments: arguments)
    }

    public static func firms(filter: RowFilter?, limit: Int?) -> Selection {
        var arguments = filter?.allArguments ?? []
        return Selection(sql: """
            \(filter?.withPrelude ?? "")SELECT f.id AS id
            \(filter?.fromWithEntity ?? "FROM firm f")\(whereClause(filter.map { ["(\($0.condition))"] } ?? []))
            ORDER BY f.sort_key, f.id\(limitClause(limit, &arguments))
            """, arguments: arguments)
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
