// Loading many rows at once: secondary indexes are rebuilt once at the end instead of being
// updated row by row, which costs SQLite a random B-tree seek per row and index.

import GRDB

public enum BulkLoad {
    /// Runs `body` with the secondary (non-unique, named) indexes of `tables` dropped, then
    /// recreates them from their own stored definitions. Call it inside a transaction: if
    /// `body` throws, the rollback restores the indexes with everything else. Unique indexes
    /// stay, so uniqueness is still checked row by row.
    public static func deferringIndexes<T>(on tables: [String], db: Database, _ body: () throws -> T) throws -> T {
        precondition(db.isInsideTransaction, "indexes may only be dropped inside the command's transaction")
        let placeholders = tables.map { _ in "?" }.joined(separator: ", ")
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(placeholders)) AND sql NOT LIKE 'CREATE UNIQUE%'
            """, arguments: StatementArguments(tables))
        for index in indexes {
            try db.execute(sql: "DROP INDEX \(quoted(index["name"]))")
        }
        let result = try body()
        for index in indexes {
            try db.execute(sql: index["sql"] as String)
        }
        return result
    }

    private static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
