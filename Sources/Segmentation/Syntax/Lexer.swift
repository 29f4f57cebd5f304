// Splits a segment expression into tokens, reading numbers and dates the way Czech users write them.

import CRM

/// Reads `territory = "Morava" and employees >= 1 500,5 and date >= 31.1.2026` into tokens.
///
/// Numbers group thousands with single spaces (`1 500`) and take a decimal comma (`1500,5`)
/// or point; a comma directly between digits is a decimal comma, so list items are separated
/// by a comma and a space: `in (10, 20)`. Dates are ISO (`2026-01-31`) or Czech (`31.1.2026`,
/// `31. 1. 2026`). Text is quoted with '…', "…" or „…“; a quote is doubled inside.
struct Lexer {
    private let characters: [Character]
    private let source: String
    private var position = 0

    init(_ source: String) {
        self.source = source
        characters = Array(source)
    }

    static func tokens(of source: String) throws -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ offset: Int = 0) -> Character? {
        let index = position + offset
        return index < characters.count ? characters[index] : nil
    }

    private func error(_ message: String, _ range: Range<Int>) -> SegmentError {
        SegmentError(message, at: range, in: source)
    }

    private func spelling(_ range: Range<Int>) -> String { String(characters[range]) }

    mutating func next() throws -> Token {
        while let character = peek(), character.isWhitespace { position += 1 }
        let start = position
        guard let character = peek() else { return Token(kind: .end, range: start..<start, spelling: "") }
        if let closing = Lexer.closingQuote[character] { return try text(closing: closing) }
        if character.isASCII && character.isNumber { return try numberOrDate() }
        if character.isLetter || character == "_" { return word() }
        return try symbol()
    }

    private static let closingQuote: [Character: Character] = ["'": "'", "\"": "\"", "„": "“", "“": "”", "‚": "‘"]

    private mutating func text(closing: Character) throws -> Token {
        let start = position
        position += 1
        var value = ""
        while let character = peek() {
            position += 1
            if character == closing {
                if peek() == closing { value.append(closing); position += 1; continue }
                return Token(kind: .text(value), range: start..<position, spelling: spelling(start..<position))
            }
            value.append(character)
        }
        throw error("the text that starts here has no closing \(closing)", start..<start + 1)
    }

    private mutating func word() -> Token {
        let start = position
        while let character = peek() {
            if character.isLetter || character.isNumber || character == "_" {
                position += 1
            } else if character == "-", let following = peek(1), following.isLetter {
                // Codes such as `no-interest`; `today-90d` still reads as today, -, 90d.
                position += 1
            } else {
                break
            }
        }
        let word = spelling(start..<position)
        return Token(kind: .word(word), range: start..<position, spelling: word)
    }

    private mutating func digits() -> String {
        var run = ""
        while let character = peek(), character.isASCII, character.isNumber { run.append(character); position += 1 }
        return run
    }

    private func isDigit(_ offset: Int) -> Bool {
        guard let character = peek(offset) else { return false }
        return character.isASCII && character.isNumber
    }

    private mutating func numberOrDate() throws -> Token {
        let start = position
        var integer = digits()
        // ISO date: 2026-01-31.
        if integer.count == 4, peek() == "-", isDigit(1) {
            let save = position
            position += 1
            let month = digits()
            if peek() == "-", isDigit(1) {
                position += 1
                let day = digits()
                // A part too long for an Int (20 digits) is no day either.
                return try date(year: Int(integer) ?? 0, month: Int(month) ?? 0, day: Int(day) ?? 0, from: start)
            }
            position = save
        }
        // Czech date: 31.1.2026 or 31. 1. 2026.
        if integer.count <= 2, let (month, year, end) = czechDateTail(), let year {
            position = end
            return try date(year: year, month: month, day: Int(integer)!, from: start)
        }
        // Thousands groups: a single space and exactly three digits.
        while peek() == " ", isDigit(1), isDigit(2), isDigit(3), !isDigit(4), !(peek(4)?.isLetter ?? false) {
            position += 1
            integer += digits()
        }
        var fraction = ""
        if (peek() == "," || peek() == "."), isDigit(1) {
            position += 1
            fraction = digits()
        }
        // A unit letter right after a whole number: 90d, 6m, 2w, 1y.
        if let letter = peek(), letter.isLetter {
            let unitStart = position
            while let character = peek(), character.isLetter || character.isNumber { position += 1 }
            let unitText = spelling(unitStart..<position)
            guard fraction.isEmpty, let unit = DurationUnit(rawValue: unitText.lowercased()), let amount = Int(integer), amount <= 1_000_000 else {
                throw error("\"\(spelling(start..<position))\" is neither a number nor a duration: expected e.g. 1500, 1 500,5, or 90d, 2w, 6m, 1y after today -", start..<position)
            }
            return Token(kind: .duration(amount, unit), range: start..<position, spelling: spelling(start..<position))
        }
        let text = fraction.isEmpty ? integer : integer + "." + fraction
        guard let value = Double(text), value.isFinite else {
            throw error("\"\(spelling(start..<position))\" is too large a number", start..<position)
        }
        return Token(kind: .number(value), range: start..<position, spelling: spelling(start..<position))
    }

    /// After a day's digits: `.M.YYYY` or `. M. YYYY`; the month, year and where it ends.
    private func czechDateTail() -> (Int, Int?, Int)? {
        var index = position
        func at(_ i: Int) -> Character? { i < characters.count ? characters[i] : nil }
        func digitRun(_ i: inout Int) -> String {
            var run = ""
            while let c = at(i), c.isASCII, c.isNumber { run.append(c); i += 1 }
            return run
        }
        guard at(index) == "." else { return nil }
        index += 1
        if at(index) == " " { index += 1 }
        let month = digitRun(&index)
        guard (1...2).contains(month.count), at(index) == "." else { return nil }
        index += 1
        if at(index) == " " { index += 1 }
        let year = digitRun(&index)
        guard year.count == 4 else { return nil }
        return (Int(month)!, Int(year), index)
    }

    private func date(year: Int, month: Int, day: Int, from start: Int) throws -> Token {
        let range = start..<position
        guard let date = CivilDate(year: year, month: month, day: day) else {
            throw error("\(spelling(range)) is not a day of the calendar", range)
        }
        return Token(kind: .date(date), range: range, spelling: spelling(range))
    }

    private mutating func symbol() throws -> Token {
        let start = position
        let two = String(characters[position..<min(position + 2, characters.count)])
        let symbol: Symbol
        switch two {
        case "!=", "<>": symbol = .notEqual; position += 2
        case "<=": symbol = .lessOrEqual; position += 2
        case ">=": symbol = .greaterOrEqual; position += 2
        case "==": symbol = .equal; position += 2
        default:
            guard let single = Symbol(rawValue: String(characters[position])), single != .notEqual else {
                throw error("unexpected character \"\(characters[position])\": expected a name, a value, an operator (= != < <= > >=) or a parenthesis", start..<start + 1)
            }
            symbol = single
            position += 1
        }
        return Token(kind: .symbol(symbol), range: start..<position, spelling: spelling(start..<position))
    }
}
