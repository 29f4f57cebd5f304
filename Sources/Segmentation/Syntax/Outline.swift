// A compact, parenthesised rendering of a syntax tree: how tests (and `--debug` readers) see
// what the parser made of an expression.

import CRM

extension Expression {
    /// `(and (= territory morava) (not (= role supplier)))`.
    var outline: String {
        switch self {
        case .and(let left, let right): return "(and \(left.outline) \(right.outline))"
        case .or(let left, let right): return "(or \(left.outline) \(right.outline))"
        case .not(let operand, _): return "(not \(operand.outline))"
        case .predicate(let predicate): return predicate.outline
        case .history(let history): return history.outline
        }
    }
}

extension Predicate {
    var outline: String {
        let name = self.name.spelling
        switch test {
        case .compare(let comparison, let value): return "(\(comparison.rawValue) \(name) \(value.outline))"
        case .among(let values, let negated): return "(\(negated ? "not in" : "in") \(name) \(values.map(\.outline).joined(separator: " ")))"
        case .between(let low, let high): return "(between \(name) \(low.outline) \(high.outline))"
        case .contains(let value): return "(contains \(name) \(value.outline))"
        case .startsWith(let value): return "(starts \(name) \(value.outline))"
        case .empty(let negated): return "(\(negated ? "not empty" : "empty") \(name))"
        case .flag: return name
        }
    }
}

extension Literal {
    var outline: String {
        switch value {
        case .text(let text): return "'\(text)'"
        case .word(let word): return word
        case .number(let number): return NumberText.plain(number)
        case .date(let date): return date.iso
        case .today(let offsets): return "today" + offsets.map { "\($0.sign > 0 ? "+" : "-")\($0.amount)\($0.unit.rawValue)" }.joined()
        }
    }
}

extension History {
    var outline: String {
        let scope: String
        switch self.scope {
        case .own: scope = ""
        case .firm: scope = "firm."
        case .person: scope = "person."
        }
        switch kind {
        case .hasContact(let condition): return "(\(scope)has-contact\(condition.map { " " + $0.outline } ?? ""))"
        case .hasOpenTask(let condition): return "(\(scope)has-open-task\(condition.map { " " + $0.outline } ?? ""))"
        case .noContactSince(let date): return "(\(scope)no-contact-since \(date.outline))"
        case .extreme(let first, let predicate): return "(\(scope)\(first ? "first" : "last")-contact \(predicate.outline))"
        case .count(let condition, let comparison, let count):
            return "(\(comparison.rawValue) (\(scope)contacts\(condition.map { " " + $0.outline } ?? "")) \(count.outline))"
        }
    }
}
