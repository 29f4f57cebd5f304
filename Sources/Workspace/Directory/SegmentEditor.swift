// What the segment editor asks as the user types: the expression coloured, its error with the
// position and the checker's sentence, how many it selects and the first matches — read with a
// deadline, so a heavy expression half typed never holds a connection the office needs — and
// the names and values to complete from.

import CRM
import GRDB
import Segmentation
import Store
import Synchronization

/// One check of an expression being edited.
public struct SegmentCheck: Sendable {
    public let expression: String
    public let target: EntityKind
    public let spans: [SyntaxSpan]
    /// Why it does not check (or could not be counted in time); nil when it runs.
    public let failure: Failure?
    /// The characters the error is about.
    public var errorRange: Range<Int>? = nil
    /// The matches and the capped count, when it checks.
    public let preview: SegmentPreview?
    /// The SQL it compiles to, for admins.
    public let sql: String?
    /// True when the count was stopped at the deadline (the expression itself is fine).
    public let timedOut: Bool
}

/// The names an expression may use, and the values of each code list.
public struct SegmentVocabulary: Sendable {
    public let fields: [FieldEntry]
    public let keywords: [String]
    /// Code list → its current values (code, label).
    public let values: [String: [(code: String, label: String)]]
}

/// Set from another thread when the one who asked no longer waits.
public final class CancellationFlag: Sendable {
    private let state = Mutex(false)
    public init() {}
    public func cancel() { state.withLock { $0 = true } }
    public var isCancelled: Bool { state.withLock { $0 } }
}

extension Workspace.SegmentLibrary {
    /// Checks, counts to the cap and lists the first `limit` matches, within `seconds`.
    public func check(_ expression: String, target: EntityKind, limit: Int = 50, seconds: Double = 2, withSQL: Bool = false,
                      cancellation: CancellationFlag = CancellationFlag()) throws -> SegmentCheck {
        let spans = SegmentSyntax.spans(of: expression)
        let today = workspace.clock().date
        do {
            return try workspace.database.read { db in
                let segment = try workspace.segment(.expression(expression), defaultTarget: target, today: today, db: db)
                let preview = try QueryDeadline.run(db, seconds: seconds, cancelled: { cancellation.isCancelled }) {
                    try Self.preview(segment, limit: limit, db: db)
                }
                return SegmentCheck(expression: expression, target: segment.target, spans: spans, failure: nil, preview: preview,
                                    sql: withSQL ? segment.sqlDescription : nil, timedOut: false)
            }
        } catch where QueryDeadline.isInterruption(error) {
            let failure = Failure(WorkspaceError.conflict("counting took longer than \(Int(seconds)) s and was stopped; the expression is fine — narrow it, or save it and count with `kontakt segment show`"))
            return SegmentCheck(expression: expression, target: target, spans: spans, failure: failure, preview: nil, sql: nil, timedOut: true)
        } catch let error as SegmentError {
            return SegmentCheck(expression: expression, target: target, spans: spans, failure: Failure(error), errorRange: error.range, preview: nil,
                                sql: nil, timedOut: false)
        }
    }

    public func vocabulary(for target: EntityKind) throws -> SegmentVocabulary {
        try workspace.database.read { db in
            let catalog = try workspace.catalogCache.catalog(db)
            let book = try CodeLists.codeBook(db: db)
            let fields = catalog.vocabulary.entries(for: target)
            var values: [String: [(code: String, label: String)]] = [:]
            for list in Set(fields.compactMap(\.codeList)) {
                values[list] = book.values(of: list).filter { !$0.retired }.map { ($0.code, $0.label) }
            }
            return SegmentVocabulary(fields: fields, keywords: SegmentSyntax.keywordList, values: values)
        }
    }

    /// Saves the editor's segment: a new one, or the one it was opened as (`original`), renamed
    /// when the name changed — in one transaction, so a refused name or expression changes
    /// nothing. Answers how many it selects today.
    @discardableResult
    public func save(name: String, expression: String, target: EntityKind, original: String?, by principal: Principal) throws -> Int {
        try Policy.check(.manageSegments, principal)
        let today = workspace.clock().date
        return try workspace.database.write { db in
            let segment = try workspace.segment(.expression(expression), defaultTarget: target, today: today, db: db)
            var entries: [AuditEntry] = []
            if let original, original.caseInsensitiveCompare(name) != .orderedSame {
                try SavedSegments.rename(original, to: name, db: db)
                entries.append(AuditTrail.entry("rename", entity: "segment", id: nil, actor: principal.auditName, field: original, value: name))
            }
            try SavedSegments.save(SavedSegment(name: name, target: target, expression: expression), replace: original != nil, db: db)
            entries.append(AuditTrail.entry(original == nil ? "add" : "save", entity: "segment", id: nil, actor: principal.auditName, field: name, value: expression))
            try AuditLog.append(entries, db: db)
            return try segment.count(db: db)
        }
    }

    static func preview(_ segment: Segment, limit: Int, db: Database) throws -> SegmentPreview {
        var persons: [PersonListing] = [], firms: [Firm] = []
        let schema = segment.vocabulary.schema
        switch segment.target {
        // The first found, shown in Czech order: the editor answers each pause in typing, and
        // the first in Czech order of a rare match would read most of the table.
        case .person: try Persons.forEach(filter: segment.filter, limit: limit, anyFirst: true, schema: schema, db: db) { persons.append($0) }
        case .firm: try Firms.forEach(filter: segment.filter, limit: limit, anyFirst: true, schema: schema, db: db) { firms.append($0) }
        }
        return SegmentPreview(target: segment.target, persons: persons, firms: firms, count: try cappedCount(segment, db: db))
    }
}
