// The words, values and symbols a segment expression is made of.

import CRM

/// One token with the character offsets it spans in the expression.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A name or a keyword; which one it is depends on where it stands.
        case word(String)
        /// Quoted text, quotes removed.
        case text(String)
        case number(Double)
        case date(CivilDate)
        /// `90d`, `6m`, `2w`, `1y`: an amount of days, weeks, months or years after `today ±`.
        case duration(Int, DurationUnit)
        case symbol(Symbol)
        case end
    }

    let kind: Kind
    let range: Range<Int>
    /// The characters as typed, for messages.
    let spelling: String

    /// The keyword this word would be, in lower case; nil for other tokens.
    var keyword: String? {
        if case .word(let word) = kind { return word.lowercased() }
        return nil
    }

    func isKeyword(_ candidates: String...) -> Bool {
        keyword.map(candidates.contains) ?? false
    }

    func isSymbol(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }

    /// How messages name the token: `"="`, `the word "novak"`, `end of expression`.
    var described: String {
        switch kind {
        case .end: return "the end of the expression"
        case .word: return "\"\(spelling)\""
        case .text: return "the text \(spelling)"
        case .number: return "the number \(spelling)"
        case .date: return "the date \(spelling)"
        case .duration: return "the duration \(spelling)"
        case .symbol: return "\"\(spelling)\""
        }
    }
}

enum Symbol: String, Sendable, CaseIterable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case open = "(", close = ")", comma = ",", dot = ".", plus = "+", minus = "-"
}

enum DurationUnit: String, Sendable {
    case days = "d", weeks = "w", months = "m", years = "y"
}
