// A prepared statement bound by position through SQLite's C API, for writes of many rows:
// no argument array is built and no SQL text is hashed per row.

import GRDB
import GRDBSQLite

/// Wraps one prepared GRDB statement. Bind every parameter, then `execute`; the bindings
/// are cleared for the next row.
///
///     let insert = try BoundStatement(db: db, sql: "INSERT INTO t(a, b) VALUES (?, ?)")
///     insert.bind(1, "text"); insert.bind(2, 42 as Int64); try insert.execute()
struct BoundStatement {
    private let statement: Statement
    private let db: Database
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    init(db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
    }

    private var handle: SQLiteStatement { statement.sqliteStatement }

    func bind(_ index: Int32, _ value: String?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        var text = value
        text.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { chars in
                // An empty buffer has no address, and a NULL pointer would bind NULL, not ''.
                guard let address = chars.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, BoundStatement.transient) }
                return sqlite3_bind_text(handle, index, address, Int32(chars.count), BoundStatement.transient)
            }
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Bool) { sqlite3_bind_int64(handle, index, value ? 1 : 0) }

    func bind(_ index: Int32, _ value: DatabaseValue) {
        switch value.storage {
        case .null: sqlite3_bind_null(handle, index)
        case .int64(let number): sqlite3_bind_int64(handle, index, number)
        case .double(let number): sqlite3_bind_double(handle, index, number)
        case .string(let text): bind(index, text)
        case .blob: preconditionFailure("Kontakt stores no blobs")
        }
    }

    /// Binds `values` to parameters 1, 2, 3 …
    func bind(_ values: ArraySlice<DatabaseValue>) {
        for (offset, value) in values.enumerated() { bind(Int32(offset + 1), value) }
    }

    /// Runs the statement once; a failure carries SQLite's message and the SQL.
    func execute() throws {
        let code = sqlite3_step(handle)
        // Read the message before reset, which may replace it.
        let message = code == SQLITE_DONE ? nil : db.lastErrorMessage
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }
}
