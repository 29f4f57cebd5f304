// The syntax tree of a segment expression, as parsed and before any name is resolved.

import CRM

indirect enum Expression: Sendable {
    case and(Expression, Expression)
    case or(Expression, Expression)
    case not(Expression, range: Range<Int>)
    case predicate(Predicate)
    case history(History)

    var range: Range<Int> {
        switch self {
        case .and(let left, let right), .or(let left, let right): return left.range.lowerBound..<right.range.upperBound
        case .not(_, let range): return range
        case .predicate(let predicate): return predicate.range
        case .history(let history): return history.range
        }
    }
}

/// `firm.territory`, `employees`, `kind`: one or two words joined by a dot.
struct Name: Sendable {
    let parts: [String]
    let range: Range<Int>
    var spelling: String { parts.joined(separator: ".") }
}

/// A test of one field: `NAME op value`, `NAME in (…)`, `NAME is empty`, or a bare `NAME`.
struct Predicate: Sendable {
    let name: Name
    let test: Test
    let range: Range<Int>
}

enum ComparisonOperator: String, Sendable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

enum Test: Sendable {
    case compare(ComparisonOperator, Literal)
    case among([Literal], negated: Bool)
    case between(Literal, Literal)
    case contains(Literal)
    case startsWith(Literal)
    case empty(negated: Bool)
    /// A name on its own: a yes/no field such as `emailConsent`.
    case flag
}

/// A value as written.
struct Literal: Sendable {
    enum Value: Sendable {
        case text(String)
        /// An unquoted word: a code, a label, a role, yes/no.
        case word(String)
        case number(Double)
        case date(CivilDate)
        /// `today`, `today - 90d`, `today + 1m - 2d`.
        case today(offsets: [DateOffset])
    }

    let value: Value
    let range: Range<Int>
    let spelling: String
}

struct DateOffset: Sendable {
    let sign: Int
    let amount: Int
    let unit: DurationUnit
}

/// A predicate over the contact log.
struct History: Sendable {
    enum Scope: Sendable {
        /// The contacts of the segment's own person or firm.
        case own
        /// `firm.…` on a person segment: the contacts of the person's whole firm.
        case firm
        /// `person.…`: written on a firm segment, where it is an error.
        case person
    }

    enum Kind: Sendable {
        case hasContact(Expression?)
        case hasOpenTask(Expression?)
        case noContactSince(Literal)
        /// `last contact.result = contract`, `first contact.date < 2020-01-01`.
        case extreme(first: Bool, Predicate)
        /// `contacts where kind = meeting >= 3`.
        case count(Expression?, ComparisonOperator, Literal)
    }

    let scope: Scope
    let scopeRange: Range<Int>?
    let kind: Kind
    let range: Range<Int>
}
