// The ids a filter selects, in list order: counted, listed, or joined to the full rows.

import CRM
import GRDB

/// SQL that selects the ids of the persons or firms a `RowFilter` admits, in Czech order,
/// with each id's position in that order (`id`, `position`).
public struct Selection {
    public let sql: String
    public let arguments: [DatabaseValue]

    public static func persons(firmId: Int64? = nil, filter: RowFilter?, limit: Int?) -> Selection {
        var conditions: [String] = []
        var arguments: [DatabaseValue] = []
        if let firmId { conditions.append("p.firm_id = ?"); arguments.append(firmId.databaseValue) }
        if let filter { conditions.append("(\(filter.condition))"); arguments += filter.arguments }
        let join = filter?.readsFirmColumns == true ? " JOIN firm f ON f.id = p.firm_id" : ""
        return Selection(sql: """
            SELECT p.id AS id, row_number() OVER (ORDER BY p.sort_key, p.id) AS position
            FROM person p\(join)\(whereClause(conditions))
            ORDER BY p.sort_key, p.id\(limitClause(limit, &arguments))
            """, arguments: arguments)
    }

    public static func firms(filter: RowFilter?, limit: Int?) -> Selection {
        var arguments = filter?.arguments ?? []
        return Selection(sql: """
            SELECT f.id AS id, row_number() OVER (ORDER BY f.sort_key, f.id) AS position
            FROM firm f\(whereClause(filter.map { ["(\($0.condition))"] } ?? []))
            ORDER BY f.sort_key, f.id\(limitClause(limit, &arguments))
            """, arguments: arguments)
    }

    /// How many persons or firms a filter selects.
    public static func count(of entity: EntityKind, filter: RowFilter?, db: Database) throws -> Int {
        let sql: String
        switch entity {
        case .person:
            let join = filter?.readsFirmColumns == true ? " JOIN firm f ON f.id = p.firm_id" : ""
            sql = "SELECT COUNT(*) FROM person p\(join)\(whereClause(filter.map { [$0.condition] } ?? []))"
        case .firm:
            sql = "SELECT COUNT(*) FROM firm f\(whereClause(filter.map { [$0.condition] } ?? []))"
        }
        return try Int.fetchOne(db, sql: sql, arguments: StatementArguments(filter?.arguments ?? [])) ?? 0
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
