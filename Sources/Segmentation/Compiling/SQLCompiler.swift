// Compiles a checked condition to an SQL condition with bound parameters.

import CRM
import GRDB
import Store

/// Writes SQL over the aliases `p` (person), `f` (firm) and `c` (contact). Every value is a
/// bound parameter; the only text spliced into the SQL is column names and operators from
/// the compiler's own tables.
///
/// On a person segment, conditions that only concern the firm (its fields, attributes and
/// `firm.` history) are gathered into one `p.firm_id IN (SELECT f.id FROM firm f WHERE …)`:
/// SQLite then finds the matching firms through the attribute index and their persons
/// through `person_by_firm`, instead of testing a million persons one by one.
struct SQLCompiler {
    private(set) var arguments: [DatabaseValue] = []

    static func compile(_ condition: Condition, target: EntityKind) -> RowFilter {
        var compiler = SQLCompiler()
        let sql = compiler.compile(condition, on: target)
        return RowFilter(condition: sql, arguments: compiler.arguments, readsFirmColumns: false)
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
            return "p.firm_id IN (SELECT f.id FROM firm f WHERE \(compile(condition, on: .firm)))"
        }
        switch condition {
        case .all(let items):
            // Parameters bind in the order of the SQL text: the firm part is compiled first.
            let firmItems = target == .person ? items.filter(SQLCompiler.concernsOnlyFirm) : []
            let otherItems = target == .person ? items.filter { !SQLCompiler.concernsOnlyFirm($0) } : items
            var parts: [String] = []
            if !firmItems.isEmpty { parts.append(compile(.all(firmItems), on: target)) }
            for item in otherItems { parts.append(compile(item, on: target)) }
            return "(" + parts.joined(separator: " AND ") + ")"
        case .any(let items):
            return "(" + items.map { compile($0, on: target) }.joined(separator: " OR ") + ")"
        case .not(let inner):
            return "NOT " + compile(inner, on: target)
        case .test(let field, let test):
            return compile(field, test, on: target)
        case .somePerson(let inner):
            return "f.id IN (SELECT p.firm_id FROM person p WHERE \(compile(inner, on: .person)))"
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
            return valueCondition(column, field.type, test, nullable: nullable)
        case .attribute(let id):
            let (table, ownerColumn, owner) = field.owner == .person
                ? ("person_attribute", "person_id", "p.id")
                : ("firm_attribute", "firm_id", target == .person ? "p.firm_id" : "f.id")
            let attribute = bind(id.databaseValue)
            if case .isEmpty = test {
                return "(\(owner) NOT IN (SELECT \(ownerColumn) FROM \(table) WHERE attribute_id = \(attribute)))"
            }
            return "(\(owner) IN (SELECT \(ownerColumn) FROM \(table) WHERE attribute_id = \(attribute) AND \(valueCondition("value", field.type, test, nullable: false))))"
        case .roles:
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
            return "(c.result IN (SELECT code FROM code_value WHERE list = 'result' AND outcome IN (\(placeholders))))"
        }
    }

    /// A test of one column or attribute value. It is never NULL, so `NOT` around it admits
    /// the rows without a value.
    private mutating func valueCondition(_ column: String, _ type: FieldType, _ test: FieldTest, nullable: Bool) -> String {
        func present(_ condition: String) -> String { nullable ? "(\(column) IS NOT NULL AND \(condition))" : condition }
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

    private mutating func compile(_ history: HistoryCondition) -> String {
        var scope: [String]
        switch history.link {
        case .person: scope = ["c.person_id = p.id"]
        // `firm.` history on a person segment is compiled inside the firm subquery.
        case .firm, .personsFirm: scope = ["c.firm_id = f.id"]
        }
        switch history.entries {
        case .contacts: scope.append("c.status = 'contact'")
        case .all: break
        case .openTasks: scope.append("c.status = 'task' AND c.done_at IS NULL")
        }
        func from(_ extra: [String]) -> String {
            "FROM contact c WHERE " + (scope + extra).joined(separator: " AND ")
        }
        switch history.kind {
        case .exists(let condition):
            let extra = condition.map { [compile($0, on: .person)] } ?? []
            return "EXISTS (SELECT 1 \(from(extra)))"
        case .noneSince(let day):
            return "NOT EXISTS (SELECT 1 \(from(["c.date >= \(bind(day.iso.databaseValue))"])))"
        case .extreme(let first, let condition):
            let test = compile(condition, on: .person)
            let order = first ? "ASC" : "DESC"
            return "coalesce((SELECT \(test) \(from([])) ORDER BY c.date \(order), c.id \(order) LIMIT 1), 0)"
        case .count(let condition, let comparison, let count):
            let extra = condition.map { [compile($0, on: .person)] } ?? []
            return "((SELECT COUNT(*) \(from(extra))) \(comparison.rawValue) \(bind(count.databaseValue)))"
        }
    }
}
