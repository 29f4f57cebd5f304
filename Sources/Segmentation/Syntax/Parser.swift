// Recursive-descent parser of the segmentation language.

/// Parses an expression into a syntax tree. Precedence, loosest first: `or`, `and`, `not`,
/// then a predicate or a parenthesised expression.
///
/// A history predicate's `where` takes the conditions on the contact that follow it joined by
/// `and`, for as long as they name a field of a contact (kind, status, result, referent, date,
/// text, note, outcome):
///
///     has contact where kind = meeting and date >= today - 90d and role = customer
///     └──────────── conditions on the contact ───────────────┘     └ on the person's firm
///
/// Use parentheses for `or` among contact conditions: `has contact where (kind = call or kind = meeting)`.
struct Parser {
    private let tokens: [Token]
    private let source: String
    private var index = 0
    /// How many `not`s and parentheses enclose the current position.
    private var depth = 0
    /// Values in lists so far, across the expression.
    private var values = 0

    /// The deepest nesting of parentheses and `not`s accepted. The compiled SQL nests about two
    /// levels for each (SQLite's parser gives up near 50), and nobody writes more than a few.
    static let maxNesting = 20
    /// The most values the expression's lists may hold together: each is one bound parameter,
    /// and SQLite takes 32,766 in one statement (a pasted column of 1,000 addresses is usual).
    static let maxValues = 20_000

    /// The names of a contact's fields: they decide where a `where` chain ends.
    static let contactFieldNames: Set<String> = ["kind", "status", "result", "referent", "date", "text", "note", "outcome"]

    init(_ source: String) throws {
        self.source = source
        tokens = try Lexer.tokens(of: source)
    }

    static func parse(_ source: String) throws -> Expression {
        var parser = try Parser(source)
        guard parser.current.kind != .end else {
            throw SegmentError("the expression is empty: expected a condition such as territory = \"Morava\" or role = customer", at: nil, in: source)
        }
        let expression = try parser.parseOr()
        guard parser.current.kind == .end else {
            throw parser.error("expected and, or, or the end of the expression", found: parser.current)
        }
        return expression
    }

    // MARK: - Tokens

    private var current: Token { tokens[index] }
    private func ahead(_ offset: Int) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func error(_ expected: String, found token: Token) -> SegmentError {
        let range = token.kind == .end ? token.range.lowerBound..<token.range.lowerBound + 1 : token.range
        return SegmentError("\(expected), found \(token.described)", at: range, in: source)
    }

    private mutating func expectKeyword(_ keyword: String, _ expected: String) throws -> Token {
        guard current.isKeyword(keyword) else { throw error(expected, found: current) }
        return advance()
    }

    private mutating func expectSymbol(_ symbol: Symbol, _ expected: String) throws -> Token {
        guard current.isSymbol(symbol) else { throw error(expected, found: current) }
        return advance()
    }

    // MARK: - Boolean structure

    private mutating func parseOr() throws -> Expression {
        var operands = [try parseAnd()]
        while current.isKeyword("or") {
            advance()
            operands.append(try parseAnd())
        }
        return Parser.balanced(operands[...], Expression.or)
    }

    private mutating func parseAnd() throws -> Expression {
        var operands = [try parseUnary()]
        while current.isKeyword("and") {
            advance()
            operands.append(try parseUnary())
        }
        return Parser.balanced(operands[...], Expression.and)
    }

    /// A chain `a or b or c …` as a balanced tree (`(a or b) or c` for three): what walks the
    /// tree recurses as deep as its logarithm, not as long as the chain, so 10,000 `or`s
    /// are as safe as three.
    static func balanced(_ operands: ArraySlice<Expression>, _ join: (Expression, Expression) -> Expression) -> Expression {
        if operands.count == 1 { return operands[operands.startIndex] }
        let middle = operands.startIndex + (operands.count + 1) / 2
        return join(balanced(operands[..<middle], join), balanced(operands[middle...], join))
    }

    /// Enters a `not` or a parenthesis, refusing nesting deeper than `maxNesting`.
    private mutating func enter(_ token: Token) throws {
        depth += 1
        guard depth <= Parser.maxNesting else {
            throw SegmentError("the expression nests parentheses and `not` more than \(Parser.maxNesting) deep here: "
                               + "write it with fewer levels (`not not` cancels out; and, or and in lists need no nesting)", at: token.range, in: source)
        }
    }

    /// `not …` or a primary; in a `where` chain the primary is a condition on the contact.
    private mutating func parseUnary(onContact: Bool = false) throws -> Expression {
        if current.isKeyword("not"), !startsTest(ahead(1)) {
            try enter(current)
            defer { depth -= 1 }
            let start = advance().range.lowerBound
            let operand = try parseUnary(onContact: onContact)
            return .not(operand, range: start..<operand.range.upperBound)
        }
        if current.isSymbol(.open) {
            try enter(current)
            defer { depth -= 1 }
            advance()
            let inner = try parseOr()
            _ = try expectSymbol(.close, "expected \")\" to close the parenthesis")
            return inner
        }
        return onContact ? .predicate(try parsePredicate()) : try parsePrimary()
    }

    /// Whether a token can follow a name in a test: `not` before `in` is the operator `not in`,
    /// whereas `not` before a name negates it.
    private func startsTest(_ token: Token) -> Bool {
        if case .symbol(let symbol) = token.kind { return [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .dot].contains(symbol) }
        return token.isKeyword("in", "between", "contains", "starts", "is")
    }

    private mutating func parsePrimary() throws -> Expression {
        guard case .word = current.kind else {
            throw error("expected a condition (a field or attribute name, has contact, no contact since …, or a parenthesis)", found: current)
        }
        if let history = try parseHistory() { return .history(history) }
        return .predicate(try parsePredicate())
    }

    // MARK: - Predicates on fields

    private mutating func parseName() throws -> Name {
        let first = advance()
        guard case .word(let word) = first.kind else { throw error("expected a field or attribute name", found: first) }
        var parts = [word]
        var end = first.range.upperBound
        while current.isSymbol(.dot) {
            advance()
            let part = advance()
            guard case .word(let next) = part.kind else { throw error("expected a field name after \".\"", found: part) }
            parts.append(next)
            end = part.range.upperBound
        }
        return Name(parts: parts, range: first.range.lowerBound..<end)
    }

    private mutating func parsePredicate() throws -> Predicate {
        let name = try parseName()
        let test = try parseTest(after: name)
        return Predicate(name: name, test: test, range: name.range.lowerBound..<previousEnd)
    }

    private var previousEnd: Int { index > 0 ? tokens[index - 1].range.upperBound : 0 }

    private mutating func parseTest(after name: Name) throws -> Test {
        if case .symbol(let symbol) = current.kind, let comparison = ComparisonOperator(symbol) {
            advance()
            return .compare(comparison, try parseValue())
        }
        if current.isKeyword("in") {
            advance()
            return .among(try parseList(), negated: false)
        }
        if current.isKeyword("not"), ahead(1).isKeyword("in") {
            advance(); advance()
            return .among(try parseList(), negated: true)
        }
        if current.isKeyword("between") {
            advance()
            let low = try parseValue()
            _ = try expectKeyword("and", "expected \"and\" between the two bounds of between")
            return .between(low, try parseValue())
        }
        if current.isKeyword("contains") {
            advance()
            return .contains(try parseValue())
        }
        if current.isKeyword("starts") {
            advance()
            _ = try expectKeyword("with", "expected \"with\" after starts")
            return .startsWith(try parseValue())
        }
        if current.isKeyword("is") {
            advance()
            let negated = current.isKeyword("not")
            if negated { advance() }
            _ = try expectKeyword("empty", negated ? "expected \"empty\" after is not" : "expected \"empty\" or \"not empty\" after is")
            return .empty(negated: negated)
        }
        if current.kind == .end || current.isKeyword("and", "or") || current.isSymbol(.close) {
            return .flag
        }
        throw error("expected an operator after \(name.spelling) (= != < <= > >= in, not in, between, contains, starts with, is empty)", found: current)
    }

    private mutating func parseList() throws -> [Literal] {
        _ = try expectSymbol(.open, "expected \"(\" to open the list of values")
        var values = [try parseValue()]
        while current.isSymbol(.comma) {
            advance()
            values.append(try parseValue())
            if self.values + values.count > Parser.maxValues {
                throw error("the expression's lists hold more than \(Parser.maxValues) values: split the selection into several segments", found: current)
            }
        }
        self.values += values.count
        _ = try expectSymbol(.close, "expected \",\" and another value, or \")\" to close the list")
        return values
    }

    private mutating func parseValue() throws -> Literal {
        let token = current
        switch token.kind {
        case .text(let text):
            advance()
            return Literal(value: .text(text), range: token.range, spelling: token.spelling)
        case .number(let number):
            advance()
            return Literal(value: .number(number), range: token.range, spelling: token.spelling)
        case .date(let date):
            advance()
            return Literal(value: .date(date), range: token.range, spelling: token.spelling)
        case .symbol(.minus):
            advance()
            guard case .number(let number) = current.kind else { throw error("expected a number after \"-\"", found: current) }
            let digits = advance()
            let range = token.range.lowerBound..<digits.range.upperBound
            return Literal(value: .number(-number), range: range, spelling: "-" + digits.spelling)
        case .word(let word):
            advance()
            if word.lowercased() == "today" { return try parseTodayOffsets(from: token) }
            return Literal(value: .word(word), range: token.range, spelling: token.spelling)
        default:
            throw error("expected a value (text in quotes, a number, a date, today - 90d, or a code)", found: token)
        }
    }

    private mutating func parseTodayOffsets(from today: Token) throws -> Literal {
        var offsets: [DateOffset] = []
        while current.isSymbol(.plus) || current.isSymbol(.minus) {
            let sign = advance().isSymbol(.plus) ? 1 : -1
            guard case .duration(let amount, let unit) = current.kind else {
                throw error("expected a duration after today \(sign > 0 ? "+" : "-") such as 90d, 2w, 6m or 1y", found: current)
            }
            advance()
            offsets.append(DateOffset(sign: sign, amount: amount, unit: unit))
        }
        let range = today.range.lowerBound..<previousEnd
        return Literal(value: .today(offsets: offsets), range: range, spelling: String(Array(source)[range]))
    }

    // MARK: - History predicates

    /// A history predicate, if one starts here (optionally after `firm.` or `person.`).
    private mutating func parseHistory() throws -> History? {
        var scope = History.Scope.own
        var scopeRange: Range<Int>?
        var offset = 0
        if current.isKeyword("firm", "person"), ahead(1).isSymbol(.dot), startsHistory(at: 2) {
            scope = current.isKeyword("firm") ? .firm : .person
            scopeRange = current.range
            offset = 2
        }
        guard startsHistory(at: offset) else { return nil }
        let start = current.range.lowerBound
        if offset > 0 { advance(); advance() }
        let kind: History.Kind
        if current.isKeyword("has") {
            advance()
            if current.isKeyword("open") {
                advance()
                _ = try expectKeyword("task", "expected \"task\" after has open")
                kind = .hasOpenTask(try parseWhereChain())
            } else {
                _ = try expectKeyword("contact", "expected \"contact\" or \"open task\" after has")
                kind = .hasContact(try parseWhereChain())
            }
        } else if current.isKeyword("no") {
            advance()
            _ = try expectKeyword("contact", "expected \"contact\" after no")
            _ = try expectKeyword("since", "expected \"since\" after no contact (no contact since today - 180d)")
            kind = .noContactSince(try parseValue())
        } else if current.isKeyword("last", "first") {
            let first = advance().isKeyword("first")
            _ = try expectKeyword("contact", "expected \"contact\" after \(first ? "first" : "last")")
            _ = try expectSymbol(.dot, "expected \".\" and a field of the contact (e.g. \(first ? "first" : "last") contact.date)")
            kind = .extreme(first: first, try parsePredicate())
        } else {
            advance() // contacts
            let condition = try parseWhereChain()
            guard case .symbol(let symbol) = current.kind, let comparison = ComparisonOperator(symbol) else {
                throw error("expected a comparison of the number of contacts (e.g. contacts where kind = meeting >= 3)", found: current)
            }
            advance()
            kind = .count(condition, comparison, try parseValue())
        }
        return History(scope: scope, scopeRange: scopeRange, kind: kind, range: start..<previousEnd)
    }

    private func startsHistory(at offset: Int) -> Bool {
        let token = ahead(offset), next = ahead(offset + 1)
        // `has` and `no` before another word can only start a history predicate; saying so
        // beats "expected an operator" for `has task`.
        if token.isKeyword("has", "no"), case .word = next.kind { return !startsTest(next) && !next.isKeyword("and", "or", "not") }
        if token.isKeyword("last", "first") { return next.isKeyword("contact") && ahead(offset + 2).isSymbol(.dot) }
        if token.isKeyword("contacts") {
            if next.isKeyword("where") { return true }
            if case .symbol(let symbol) = next.kind { return ComparisonOperator(symbol) != nil }
        }
        return false
    }

    /// `where C1 and C2 …` while the conditions name contact fields; nil without `where`.
    private mutating func parseWhereChain() throws -> Expression? {
        guard current.isKeyword("where") else { return nil }
        advance()
        var chain = [try parseUnary(onContact: true)]
        while current.isKeyword("and"), continuesContactChain(at: 1) {
            advance()
            chain.append(try parseUnary(onContact: true))
        }
        return Parser.balanced(chain[...], Expression.and)
    }

    /// Whether the condition at `offset` (after `not`s and parentheses) names a contact field.
    private func continuesContactChain(at offset: Int) -> Bool {
        var offset = offset
        while ahead(offset).isKeyword("not") || ahead(offset).isSymbol(.open) { offset += 1 }
        guard let keyword = ahead(offset).keyword else { return false }
        return Parser.contactFieldNames.contains(keyword) && !ahead(offset + 1).isSymbol(.dot)
    }
}

extension ComparisonOperator {
    init?(_ symbol: Symbol) {
        switch symbol {
        case .equal: self = .equal
        case .notEqual: self = .notEqual
        case .less: self = .less
        case .lessOrEqual: self = .lessOrEqual
        case .greater: self = .greater
        case .greaterOrEqual: self = .greaterOrEqual
        default: return nil
        }
    }
}
