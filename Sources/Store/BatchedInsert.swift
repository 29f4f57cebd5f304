// Rows of one table written in groups: one multi-row INSERT per group, so SQLite starts and
// finishes a statement once per group instead of once per row.

import GRDB

/// Buffers rows and writes them on `flush`, in statements of `groupSize` rows (the remainder
/// row by row). A failure is reported for the group, so callers that must name the failing
/// row use a group size of 1.
///
///     let rows = try BatchedInsert(db: db, table: "t", columns: ["a", "b"], groupSize: 64)
///     rows.add([1.databaseValue, "x".databaseValue]); try rows.flush()
public final class BatchedInsert {
    private let columnCount: Int
    private let groupSize: Int
    private let single: BoundStatement
    private let group: BoundStatement?
    private var pending: [DatabaseValue] = []

    public init(db: Database, table: String, columns: [String], groupSize: Int) throws {
        precondition(groupSize >= 1 && columns.count * groupSize <= 32_766, "SQLite binds at most 32,766 parameters")
        columnCount = columns.count
        self.groupSize = groupSize
        let prefix = "INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES "
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        single = try BoundStatement(db: db, sql: prefix + row)
        group = groupSize > 1 ? try BoundStatement(db: db, sql: prefix + Array(repeating: row, count: groupSize).joined(separator: ", ")) : nil
    }

    public var pendingRows: Int { pending.count / columnCount }

    public func add(_ values: [DatabaseValue]) {
        precondition(values.count == columnCount, "a row needs one value per column")
        pending.append(contentsOf: values)
    }

    public func flush() throws {
        defer { pending.removeAll(keepingCapacity: true) }
        let groupValues = columnCount * groupSize
        var start = 0
        if let group {
            while pending.count - start >= groupValues {
                group.bind(pending[start ..< start + groupValues])
                try group.execute()
                start += groupValues
            }
        }
        while start < pending.count {
            single.bind(pending[start ..< start + columnCount])
            try single.execute()
            start += columnCount
        }
    }
}
