// The expression as an editor colours it: each token's span and what it is (a keyword, a
// field, a value, an operator), read by the lexer alone so that an expression that does not
// check yet is still coloured as far as it can be read. From the first character the lexer
// cannot read (an unclosed quote) to the end, the span is an error.

/// A run of characters (offsets into the expression's Characters) and what they are.
public struct SyntaxSpan: Sendable, Equatable {
    public let range: Range<Int>
    public let kind: SyntaxKind
}

public enum SyntaxKind: String, Sendable {
    case keyword, field, value, text, number, date, symbol, error
}

public enum SegmentSyntax {
    /// The words the grammar reads as keywords where a condition may start or continue.
    static let keywords: Set<String> = [
        "and", "or", "not", "in", "between", "contains", "starts", "with", "is", "empty", "has", "no", "contact", "contacts",
        "where", "open", "first", "last", "since", "task", "tasks",
    ]

    /// The keywords, for completion.
    public static var keywordList: [String] { keywords.sorted() }

    public static func spans(of source: String) -> [SyntaxSpan] {
        var lexer = Lexer(source)
        var spans: [SyntaxSpan] = []
        // After a comparison (or inside `in (…)`) a word is a value: a code, yes/no, today.
        var expectingValue = false, inList = false, afterBetween = false
        while true {
            let token: Token
            do {
                token = try lexer.next()
            } catch let error as SegmentError {
                let start = error.range?.lowerBound ?? spans.last?.range.upperBound ?? 0
                spans.append(SyntaxSpan(range: start ..< max(start, source.count), kind: .error))
                return spans
            } catch {
                return spans
            }
            let kind: SyntaxKind
            switch token.kind {
            case .end:
                return spans
            case .word(let word):
                let lower = word.lowercased()
                if afterBetween && lower == "and" {
                    kind = .keyword
                    afterBetween = false
                    expectingValue = true
                } else if expectingValue || inList {
                    kind = .value
                    if !inList { expectingValue = lower == "today" }
                } else if keywords.contains(lower) {
                    kind = .keyword
                    if ["contains", "with", "between", "since"].contains(lower) { expectingValue = true }
                    if lower == "between" { afterBetween = true }
                } else {
                    kind = .field
                }
            case .text:
                kind = .text
                if !inList { expectingValue = false }
            case .number, .duration:
                kind = .number
                if !inList { expectingValue = false }
            case .date:
                kind = .date
                if !inList { expectingValue = false }
            case .symbol(let symbol):
                kind = .symbol
                switch symbol {
                case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: expectingValue = true
                case .open: if spans.last.map({ Self.word(of: $0, in: source) == "in" }) == true { inList = true }
                case .close: inList = false; expectingValue = false
                case .plus, .minus: expectingValue = true
                case .comma, .dot: break
                }
            }
            spans.append(SyntaxSpan(range: token.range, kind: kind))
        }
    }

    private static func word(of span: SyntaxSpan, in source: String) -> String {
        let characters = Array(source)
        guard span.range.upperBound <= characters.count else { return "" }
        return String(characters[span.range]).lowercased()
    }
}
