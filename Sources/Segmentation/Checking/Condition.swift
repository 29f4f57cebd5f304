// A checked segment: every name resolved to a field, every value typed. The compiler's input.

import CRM

indirect enum Condition: Sendable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    case test(Field, FieldTest)
    /// On a firm segment, `person.X …`: some person of the firm passes.
    case somePerson(Condition)
    case history(HistoryCondition)
}

/// What a field's value must satisfy. Negations (`!=`, `not in`, `is not empty`) are `.not`
/// around these, so a missing value satisfies them.
enum FieldTest: Sendable {
    /// `=` and `in`: text is compared folded (no case, no diacritics), codes exactly.
    case equalsAny([TypedValue])
    /// `<`, `<=`, `>`, `>=`; text in Czech alphabetical order.
    case order(ComparisonOperator, TypedValue)
    case between(TypedValue, TypedValue)
    /// Folded text.
    case contains(String)
    case startsWith(String)
    case isEmpty
    case isTrue
}

enum TypedValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case date(CivilDate)
}

/// A predicate over the contact log.
struct HistoryCondition: Sendable {
    enum Link: Sendable {
        /// The contacts recorded with the segment's person.
        case person
        /// The contacts of the firm (its persons' included).
        case firm
        /// On a person segment, `firm.…`: the contacts of the person's whole firm.
        case personsFirm
    }

    enum Kind: Sendable {
        case exists(Condition?)
        case noneSince(CivilDate)
        case extreme(first: Bool, Condition)
        case count(Condition?, ComparisonOperator, Int)
    }

    let link: Link
    let kind: Kind
    /// Which entries count: contacts that happened (the default), every entry (when the
    /// condition names the status), or open tasks only.
    let entries: Entries

    enum Entries: Sendable {
        case contacts, all, openTasks
    }
}
