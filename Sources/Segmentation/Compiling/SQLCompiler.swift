// Compiles a checked condition to an SQL condition with bound parameters.

import CRM
import GRDB
import Store

/// Writes SQL over the aliases `p`/`pv` (person, its attribute values), `f`/`fv` (firm, its
/// attribute values) and `c` (contact). Every value is a bound parameter; the only text
/// spliced into the SQL is column names and operators from the compiler's own tables.
///
/// On a person segment, conditions that only concern the firm (its fields, attributes and
/// `firm.` history) are gathered into one `p.firm_id IN (SELECT … firm …)`: SQLite decides
/// them once per firm, in one pass over the firms' values, and finds the persons of the
/// matching firms through `person_by_firm`, instead of testing a million persons one by one.
struct SQLCompiler {
    private(set) var arguments: [DatabaseValue] = []
    /// The aliases of person and firm tables the SQL written so far reads, at this level.
    private var reads: Set<String> = []
    /// Whether a test here must be false, not NULL, for a missing value: under an odd number
    /// of NOTs (NOT NULL is NULL, which would drop the row that `!=` should keep). Elsewhere
    /// NULL already acts as false in a WHERE clause and the guard only costs time.
    private var nullsMatter = false
    /// Whether the condition is selected as a value (`last contact.…`), where every test must
    /// be true or false, whatever the NOTs around it.
    private var valueContext = false

    /// The firms a top-level conjunction is restricted to, shared by the segment's condition
    /// and its `has contact` subqueries (see `compileTopLevel`).
    static let restrictedFirms = "segment_firms"

    static func compile(_ condition: Condition, target: EntityKind) -> RowFilter {
        var compiler = SQLCompiler()
        if let shared = compiler.compileTopLevel(condition, on: target) { return shared }
        let sql = compiler.compile(condition, on: target)
        return compiler.filter(sql, on: target)
    }

    /// A conjunction of conditions that restrict the firms and of `has contact` / `has open
    /// task` predicates: the restricted firms are computed once, as a materialised common table,
    /// and the contact subqueries look only at those firms' contacts (through the index on the
    /// contact's firm) instead of probing the contacts of every candidate one by one.
    ///
    ///     territory = morava and … and has contact where kind = meeting
    ///     WITH segment_firms(id) AS MATERIALIZED (SELECT fv.firm_id FROM firm_values fv WHERE …)
    ///     … p.firm_id IN segment_firms AND p.id IN (SELECT c.person_id FROM contact c
    ///                                               WHERE c.firm_id IN segment_firms AND …)
    private mutating func compileTopLevel(_ condition: Condition, on target: EntityKind) -> RowFilter? {
        guard case .all(let items) = condition else { return nil }
        let ownLink: HistoryCondition.Link = target == .person ? .person : .firm
        func isContactSearch(_ item: Condition) -> Bool {
            if case .history(let history) = item, history.link == ownLink, case .exists = history.kind { return true }
            return false
        }
        let searches = items.filter(isContactSearch)
        let restricting = items.filter { !isContactSearch($0) && (target == .firm || SQLCompiler.concernsOnlyFirm($0)) }
        let others = items.filter { !isContactSearch($0) && !(target == .firm || SQLCompiler.concernsOnlyFirm($0)) }
        guard !searches.isEmpty, !restricting.isEmpty else { return nil }
        // Parameters bind in the order of the SQL text: the common table comes first.
        let firms = subquery(.all(restricting), on: .firm)
        let prelude = "WITH \(SQLCompiler.restrictedFirms)(id) AS MATERIALIZED (\(firms.idQuery))"
        let preludeArguments = arguments
        arguments = []
        var parts = ["\(read(target == .person ? "p.firm_id" : "f.id")) IN \(SQLCompiler.restrictedFirms)"]
        for item in others { parts.append(compile(item, on: target)) }
        for case .history(let history) in searches {
            parts.append(compile(history, withinFirms: SQLCompiler.restrictedFirms))
        }
        var filter = self.filter("(" + parts.joined(separator: " AND ") + ")", on: target)
        filter.prelude = prelude
        filter.preludeArguments = preludeArguments
        return filter
    }

    private func filter(_ sql: String, on target: EntityKind) -> RowFilter {
        RowFilter(entity: target, condition: sql, arguments: arguments,
                  readsEntity: reads.contains(RowFilter.alias(of: target)), readsValues: reads.contains(RowFilter.valuesAlias(of: target)))
    }

    /// Compiles a condition for a subquery on `target`, keeping track of what it reads apart.
    private mutating func subquery(_ condition: Condition, on target: EntityKind) -> RowFilter {
        let outer = (reads, nullsMatter, valueContext)
        (reads, nullsMatter, valueContext) = ([], false, false)
        let sql = compile(condition, on: target)
        let inner = filter(sql, on: target)
        (reads, nullsMatter, valueContext) = outer
        return inner
    }

    /// Compiles a condition on contacts inside a subquery: its own level of NULL handling.
    private mutating func contactCondition(_ condition: Condition, asValue: Bool) -> String {
        let outer = (nullsMatter, valueContext)
        (nullsMatter, valueContext) = (false, asValue)
        defer { (nullsMatter, valueContext) = outer }
        return compile(condition, on: .person)
    }

    /// Notes the alias of a column (`p.email` → `p`) as read.
    private mutating func read(_ column: String) -> String {
        if let dot = column.firstIndex(of: ".") {
            let alias = String(column[..<dot])
            if alias != "c" { reads.insert(alias) }
        }
        return column
    }

    private mutating func bind(_ value: DatabaseValue) -> String {
        arguments.append(value)
        return "?"
    }

    private mutating func bind(_ value: TypedValue) -> String {
        switch value {
        case .text(let text): return bind(text.databaseValue)
        case .number(let number):
            // Whole numbers as integers, as attribute values are stored.
            if number.rounded() == number, abs(number) < 9e15 { return bind(Int64(number).databaseValue) }
            return bind(number.databaseValue)
        case .date(let date): return bind(date.iso.databaseValue)
        }
    }

    // MARK: - Structure

    private mutating func compile(_ condition: Condition, on target: EntityKind) -> String {
        if target == .person, SQLCompiler.concernsOnlyFirm(condition) {
            let firms = subquery(condition, on: .firm)
            return "\(read("p.firm_id")) IN (\(firms.idQuery))"
        }
        switch condition {
        case .all(let items):
            // Parameters bind in the order of the SQL text: the firm part is compiled first.
            let firmItems = target == .person ? items.filter(SQLCompiler.concernsOnlyFirm) : []
            let otherItems = target == .person ? items.filter { !SQLCompiler.concernsOnlyFirm($0) } : items
            var parts: [String] = []
            if !firmItems.isEmpty { parts.append(compile(.all(firmItems), on: target)) }
            for item in otherItems { parts.append(compile(item, on: target)) }
            return SQLCompiler.joined(parts[...], " AND ")
        case .any(let items):
            return SQLCompiler.joined(items.map { compile($0, on: target) }[...], " OR ")
        case .not(let inner):
            nullsMatter.toggle()
            defer { nullsMatter.toggle() }
            return "NOT " + compile(inner, on: target)
        case .test(let field, let test):
            return compile(field, test, on: target)
        case .somePerson(let inner):
            _ = read("f.id")
            return subquery(inner, on: .person).selecting(.firm).condition
        case .history(let history):
            return compile(history)
        }
    }

    /// Whether a condition reads nothing but the firm: then on a person segment it is decided
    /// per firm.
    static func concernsOnlyFirm(_ condition: Condition) -> Bool {
        switch condition {
        case .all(let items), .any(let items): return items.allSatisfy(concernsOnlyFirm)
        case .not(let inner): return concernsOnlyFirm(inner)
        case .test(let field, _): return field.owner == .firm
        case .somePerson: return false
        case .history(let history): return history.link == .personsFirm || history.link == .firm
        }
    }

    // MARK: - Fields

    private mutating func compile(_ field: Field, _ test: FieldTest, on target: EntityKind) -> String {
        switch field.storage {
        case .column(let column, let nullable):
            return valueCondition(read(column), field.type, test, nullable: nullable)
        case .attribute(let id):
            // Column names come from the numeric id alone.
            let alias = field.owner == .person ? "pv" : "fv"
            return valueCondition(read("\(alias).a\(id)"), field.type, test, nullable: true)
        case .roles:
            _ = read("f.id")
            switch test {
            case .equalsAny(let values):
                let columns = values.compactMap { value -> String? in
                    guard case .text(let code) = value, let role = Role(rawValue: code) else { return nil }
                    return "f.is_\(role.rawValue) = 1"
                }
                return "(" + columns.joined(separator: " OR ") + ")"
            case .isEmpty:
                return "(" + Role.allCases.map { "f.is_\($0.rawValue) = 0" }.joined(separator: " AND ") + ")"
            default:
                preconditionFailure("the checker admits only =, in and is empty on roles")
            }
        case .resultOutcome:
            guard case .equalsAny(let values) = test else { preconditionFailure("the checker admits only = and in on outcomes") }
            let placeholders = values.map { bind($0) }.joined(separator: ", ")
            let guardNull = nullsMatter || valueContext ? "c.result IS NOT NULL AND " : ""
            return "(\(guardNull)c.result IN (SELECT code FROM code_value WHERE list = 'result' AND outcome IN (\(placeholders))))"
        }
    }

    /// A test of one column or attribute value. It is never NULL, so `NOT` around it admits
    /// the rows without a value.
    private mutating func valueCondition(_ column: String, _ type: FieldType, _ test: FieldTest, nullable: Bool) -> String {
        let guarded = nullable && (nullsMatter || valueContext)
        func present(_ condition: String) -> String { guarded ? "(\(column) IS NOT NULL AND \(condition))" : "(\(condition))" }
        switch (type, test) {
        case (_, .isEmpty):
            return nullable ? "(\(column) IS NULL OR \(column) = '')" : "(\(column) = '')"
        case (_, .isTrue):
            return "(\(column) = 1)"
        case (.contactDate, .equalsAny(let dates)):
            let days = dates.map { date -> String in
                guard case .date(let day) = date else { preconditionFailure("contact dates compare with dates") }
                return "(\(column) >= \(bind(day.iso.databaseValue)) AND \(column) < \(bind(day.adding(days: 1).iso.databaseValue)))"
            }
            return "(" + days.joined(separator: " OR ") + ")"
        case (.contactDate, .order(let comparison, .date(let day))):
            // Stored values may carry a time: "on or before D" is "before the day after D".
            switch comparison {
            case .less: return "(\(column) < \(bind(day.iso.databaseValue)))"
            case .lessOrEqual: return "(\(column) < \(bind(day.adding(days: 1).iso.databaseValue)))"
            case .greater: return "(\(column) >= \(bind(day.adding(days: 1).iso.databaseValue)))"
            default: return "(\(column) >= \(bind(day.iso.databaseValue)))"
            }
        case (.contactDate, .between(.date(let low), .date(let high))):
            return "(\(column) >= \(bind(low.iso.databaseValue)) AND \(column) < \(bind(high.adding(days: 1).iso.databaseValue)))"
        case (.text, .equalsAny(let values)):
            return present("kontakt_fold(\(column)) \(membership(values))")
        case (.text, .order(let comparison, .text(let text))):
            return present("kontakt_sort_key(\(column)) \(comparison.rawValue) \(bind(CzechCollation.sortKey(text).databaseValue))")
        case (.text, .between(.text(let low), .text(let high))):
            return present("kontakt_sort_key(\(column)) BETWEEN \(bind(CzechCollation.sortKey(low).databaseValue)) AND \(bind(CzechCollation.sortKey(high).databaseValue))")
        case (_, .contains(let needle)):
            return present("instr(kontakt_fold(\(column)), \(bind(needle.databaseValue))) > 0")
        case (_, .startsWith(let prefix)):
            return present("substr(kontakt_fold(\(column)), 1, \(bind(prefix.unicodeScalars.count.databaseValue))) = \(bind(prefix.databaseValue))")
        case (_, .equalsAny(let values)):
            return present("\(column) \(membership(values))")
        case (_, .order(let comparison, let value)):
            return present("\(column) \(comparison.rawValue) \(bind(value))")
        case (_, .between(let low, let high)):
            return present("\(column) BETWEEN \(bind(low)) AND \(bind(high))")
        }
    }

    private mutating func membership(_ values: [TypedValue]) -> String {
        values.count == 1 ? "= \(bind(values[0]))" : "IN (" + values.map { bind($0) }.joined(separator: ", ") + ")"
    }

    // MARK: - History

    /// - Parameter firms: a table of firm ids the contacts must belong to, when the segment is
    ///   restricted to them anyway.
    private mutating func compile(_ history: HistoryCondition, withinFirms firms: String? = nil) -> String {
        var scope: [String]
        // `firm.` history on a person segment is compiled inside the firm subquery.
        let owner = history.link == .person ? read("p.id") : read("f.id")
        let contactOwner = history.link == .person ? "c.person_id" : "c.firm_id"
        if case .exists = history.kind {
            // The matching contacts are found through the contact indexes and their owners
            // collected, rather than probing each candidate's contacts: one pass over the
            // contacts of the last 90 days instead of a million look-ups.
            scope = history.link == .person ? ["c.person_id IS NOT NULL"] : []
            if let firms { scope.append("c.firm_id IN \(firms)") }
        } else {
            scope = ["\(contactOwner) = \(owner)"]
        }
        switch history.entries {
        case .contacts: scope.append("c.status = 'contact'")
        case .all: break
        case .openTasks: scope.append("c.status = 'task' AND c.done_at IS NULL")
        }
        func from(_ extra: [String]) -> String {
            let conditions = scope + extra
            return "FROM contact c" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
        }
        switch history.kind {
        case .exists(let condition):
            let extra = condition.map { [contactCondition($0, asValue: false)] } ?? []
            return "\(owner) IN (SELECT \(contactOwner) \(from(extra)))"
        case .noneSince(let day):
            return "NOT EXISTS (SELECT 1 \(from(["c.date >= \(bind(day.iso.databaseValue))"])))"
        case .extreme(let first, let condition):
            let test = contactCondition(condition, asValue: true)
            let order = first ? "ASC" : "DESC"
            return "coalesce((SELECT \(test) \(from([])) ORDER BY c.date \(order), c.id \(order) LIMIT 1), 0)"
        case .count(let condition, let comparison, let count):
            let extra = condition.map { [contactCondition($0, asValue: false)] } ?? []
            return "((SELECT COUNT(*) \(from(extra))) \(comparison.rawValue) \(bind(count.databaseValue)))"
        }
    }
}

extension SQLCompiler {
    /// Conditions joined by AND or OR, in groups of at most 32 nested as a balanced tree:
    /// SQLite parses `a OR b OR …` into a tree as deep as the chain is long and refuses one
    /// deeper than 1,000 ("Expression tree is too large"), which a pasted list of 1,000
    /// `or`s would reach.
    static func joined(_ parts: ArraySlice<String>, _ separator: String) -> String {
        guard parts.count > 32 else { return "(" + parts.joined(separator: separator) + ")" }
        let middle = parts.startIndex + parts.count / 2
        return "(" + joined(parts[..<middle], separator) + separator + joined(parts[middle...], separator) + ")"
    }
}
