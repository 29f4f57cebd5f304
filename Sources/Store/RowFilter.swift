// A compiled selection of persons or firms, handed to the listing queries of the store.

import GRDB

/// An SQL condition over the aliases `p` (person) and `f` (firm) with its bound arguments,
/// as the segmentation engine compiles it from a checked expression. The store only splices
/// it into its own queries: every value in it is a bound parameter.
public struct RowFilter: Sendable {
    public var condition: String
    public var arguments: [DatabaseValue]
    /// Whether a condition on persons also reads the firm's columns (alias `f`), so the
    /// query must join the firm.
    public var readsFirmColumns: Bool

    public init(condition: String, arguments: [DatabaseValue], readsFirmColumns: Bool) {
        self.condition = condition; self.arguments = arguments; self.readsFirmColumns = readsFirmColumns
    }

    /// The persons whose firm matches a condition on firms.
    public func personsOfMatchingFirms() -> RowFilter {
        RowFilter(condition: "p.firm_id IN (SELECT f.id FROM firm f WHERE \(condition))", arguments: arguments, readsFirmColumns: false)
    }

    /// The firms that have a person matching a condition on persons.
    public func firmsWithMatchingPersons() -> RowFilter {
        let join = readsFirmColumns ? " JOIN firm f ON f.id = p.firm_id" : ""
        return RowFilter(condition: "f.id IN (SELECT p.firm_id FROM person p\(join) WHERE \(condition))", arguments: arguments, readsFirmColumns: false)
    }
}
