// The segmentation engine's front door: an expression in, a checked filter out.

import CRM
import GRDB
import Store

/// A checked segment expression, ready to select persons or firms.
///
///     let vocabulary = try Vocabulary.load(db: db)
///     let segment = try Segment("territory = Morava and employees >= 50", target: .firm, vocabulary: vocabulary, today: today)
///     let count = try segment.count(db: db)
///
/// Parsing and checking throw a `SegmentError` that points into the expression; nothing
/// reaches SQLite before the whole expression has been checked.
public struct Segment: Sendable {
    public let expression: String
    public let target: EntityKind
    /// The attribute definitions, code lists and referents the expression was checked against.
    public let vocabulary: Vocabulary
    /// The compiled condition on the segment's own target.
    public let filter: RowFilter

    /// - Parameter today: the day `today` means, so that `today - 90d` is decided once and
    ///   a saved segment moves with the calendar.
    public init(_ expression: String, target: EntityKind, vocabulary: Vocabulary, today: CivilDate) throws {
        self.expression = expression
        self.target = target
        self.vocabulary = vocabulary
        let syntax = try Parser.parse(expression)
        let condition = try Checker(vocabulary: vocabulary, target: target, today: today, source: expression).check(syntax)
        filter = SQLCompiler.compile(condition, target: target)
    }

    /// The condition applied to `entity`: the persons of a firm segment's firms, or the firms
    /// that have a person of a person segment.
    public func filter(selecting entity: EntityKind) -> RowFilter {
        filter.selecting(entity)
    }

    public func count(db: Database) throws -> Int {
        try Selection.count(filter, db: db)
    }

    /// The SQL and its arguments, as `segment show --sql` prints them.
    public var sqlDescription: String {
        let filter = self.filter
        let arguments = filter.allArguments.map { value -> String in
            switch value.storage {
            case .string(let text): return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
            default: return value.description
            }
        }
        return filter.withPrelude + filter.condition + (arguments.isEmpty ? "" : "\n-- parameters: " + arguments.joined(separator: ", "))
    }
}
