// A compiled selection of persons or firms, handed to the listing queries of the store.

import CRM
import GRDB

/// An SQL condition over persons or firms with its bound arguments, as the segmentation
/// engine compiles it from a checked expression. The store only splices it into its own
/// queries: every value in it is a bound parameter.
///
/// The condition reads the entity's table under the alias `p` (person) or `f` (firm), and its
/// attribute values under `pv` (`person_values`) or `fv` (`firm_values`); it says which of the
/// two it reads, so queries join only what it needs.
public struct RowFilter: Sendable {
    public var entity: EntityKind
    public var condition: String
    public var arguments: [DatabaseValue]
    /// Whether the condition reads the entity's own table (`p` or `f`).
    public var readsEntity: Bool
    /// Whether the condition reads the attribute values (`pv` or `fv`).
    public var readsValues: Bool
    /// A `WITH …` clause the condition refers to, written before the query that uses it, with
    /// its own arguments (they bind first).
    public var prelude = ""
    public var preludeArguments: [DatabaseValue] = []

    public init(entity: EntityKind, condition: String, arguments: [DatabaseValue], readsEntity: Bool, readsValues: Bool) {
        self.entity = entity; self.condition = condition; self.arguments = arguments
        self.readsEntity = readsEntity; self.readsValues = readsValues
    }

    public static func alias(of entity: EntityKind) -> String { entity == .person ? "p" : "f" }
    public static func valuesAlias(of entity: EntityKind) -> String { entity == .person ? "pv" : "fv" }

    /// `FROM …` with the tables the condition reads, the entity's table always included.
    public var fromWithEntity: String {
        let values = AttributeValues.of(entity)
        let alias = RowFilter.alias(of: entity), valuesAlias = RowFilter.valuesAlias(of: entity)
        let join = readsValues ? " JOIN \(values.table) \(valuesAlias) ON \(valuesAlias).\(values.ownerColumn) = \(alias).id" : ""
        return "FROM \(entity.rawValue) \(alias)\(join)"
    }

    /// `[WITH …] SELECT id FROM … WHERE condition`, reading as little as the condition allows:
    /// a condition on attribute values alone is one pass over the narrow values table. Its
    /// arguments are `allArguments`.
    public var idQuery: String {
        if readsValues && !readsEntity {
            let values = AttributeValues.of(entity)
            let alias = RowFilter.valuesAlias(of: entity)
            return "\(withPrelude)SELECT \(alias).\(values.ownerColumn) FROM \(values.table) \(alias) WHERE \(condition)"
        }
        return "\(withPrelude)SELECT \(RowFilter.alias(of: entity)).id \(fromWithEntity) WHERE \(condition)"
    }

    /// The prelude followed by a space, or nothing.
    public var withPrelude: String { prelude.isEmpty ? "" : prelude + " " }

    /// The prelude's arguments, then the condition's: the order of a query that starts with
    /// the prelude.
    public var allArguments: [DatabaseValue] { preludeArguments + arguments }

    /// The persons whose firm matches this condition on firms, or the firms that have a
    /// person matching this condition on persons.
    public func selecting(_ other: EntityKind) -> RowFilter {
        switch (entity, other) {
        case (.firm, .person):
            return RowFilter(entity: .person, condition: "p.firm_id IN (\(idQuery))", arguments: allArguments, readsEntity: true, readsValues: false)
        case (.person, .firm):
            let query = readsEntity || !readsValues ? "\(withPrelude)SELECT p.firm_id \(fromWithEntity) WHERE \(condition)"
                : "\(withPrelude)SELECT p.firm_id FROM person_values pv JOIN person p ON p.id = pv.person_id WHERE \(condition)"
            return RowFilter(entity: .firm, condition: "f.id IN (\(query))", arguments: allArguments, readsEntity: true, readsValues: false)
        default:
            return self
        }
    }
}
