// The grammar: every operator, precedence, history predicates, and every parse error.

import Testing
@testable import Segmentation

@Suite struct ParserTests {
    func outline(_ source: String) throws -> String { try Parser.parse(source).outline }

    func parseError(_ source: String) -> SegmentError? {
        do { _ = try Parser.parse(source); return nil } catch let error as SegmentError { return error } catch { return nil }
    }

    @Test(arguments: [
        ("a = 1", "(= a 1)"),
        ("a != 'x'", "(!= a 'x')"),
        ("a <> x", "(!= a x)"),
        ("a < 1", "(< a 1)"),
        ("a <= 1", "(<= a 1)"),
        ("a > 1", "(> a 1)"),
        ("a >= -5", "(>= a -5)"),
        ("a in (x, 'y z', 3)", "(in a x 'y z' 3)"),
        ("a not in (x)", "(not in a x)"),
        ("a between 1 and 2 000", "(between a 1 2000)"),
        ("a contains novak", "(contains a novak)"),
        ("a starts with 'Nov'", "(starts a 'Nov')"),
        ("a is empty", "(empty a)"),
        ("a is not empty", "(not empty a)"),
        ("emailConsent", "emailConsent"),
        ("firm.territory = morava", "(= firm.territory morava)"),
        ("date >= today - 90d", "(>= date today-90d)"),
        ("date < today + 1m - 2d", "(< date today+1m-2d)"),
        ("date >= 31.1.2026", "(>= date 2026-01-31)"),
    ])
    func everyOperator(source: String, expected: String) throws {
        #expect(try outline(source) == expected)
    }

    @Test func precedenceIsOrThenAndThenNot() throws {
        #expect(try outline("a = 1 or b = 2 and c = 3") == "(or (= a 1) (and (= b 2) (= c 3)))")
        #expect(try outline("(a = 1 or b = 2) and c = 3") == "(and (or (= a 1) (= b 2)) (= c 3))")
        #expect(try outline("not role = supplier and x") == "(and (not (= role supplier)) x)")
        #expect(try outline("not (a = 1 or b = 2)") == "(not (or (= a 1) (= b 2)))")
        #expect(try outline("not not a") == "(not (not a))")
        #expect(try outline("a and b and c") == "(and (and a b) c)")
        #expect(try outline("A = 1 AND B = 2 Or C = 3") == "(or (and (= A 1) (= B 2)) (= C 3))")
    }

    @Test func historyPredicates() throws {
        #expect(try outline("has contact") == "(has-contact)")
        #expect(try outline("has contact where kind = meeting and date >= today - 90d and result = contract")
                == "(has-contact (and (and (= kind meeting) (>= date today-90d)) (= result contract)))")
        // The chain of contact conditions ends at the first condition on something else.
        #expect(try outline("has contact where kind = meeting and role = customer")
                == "(and (has-contact (= kind meeting)) (= role customer))")
        #expect(try outline("has contact where (kind = call or kind = meeting) and not result = contract")
                == "(has-contact (and (or (= kind call) (= kind meeting)) (not (= result contract))))")
        #expect(try outline("has open task") == "(has-open-task)")
        #expect(try outline("has open task where referent = novak") == "(has-open-task (= referent novak))")
        #expect(try outline("no contact since today - 180d and role = customer") == "(and (no-contact-since today-180d) (= role customer))")
        #expect(try outline("last contact.result = contract") == "(last-contact (= result contract))")
        #expect(try outline("first contact.date < 2020-01-01") == "(first-contact (< date 2020-01-01))")
        #expect(try outline("contacts where kind = meeting >= 3") == "(>= (contacts (= kind meeting)) 3)")
        #expect(try outline("contacts > 0") == "(> (contacts) 0)")
        #expect(try outline("firm.has contact where kind = meeting") == "(firm.has-contact (= kind meeting))")
        #expect(try outline("firm.no contact since 2026-01-01") == "(firm.no-contact-since 2026-01-01)")
        #expect(try outline("not firm.last contact.kind = email") == "(not (firm.last-contact (= kind email)))")
        #expect(try outline("contacts = 1") == "(= (contacts) 1)")
        // Names that merely start like history keywords stay names.
        #expect(try outline("last = 'Novák'") == "(= last 'Novák')")
        #expect(try outline("first starts with P") == "(starts first P)")
    }

    @Test(arguments: [
        ("", nil, "the expression is empty: expected a condition such as territory = \"Morava\" or role = customer"),
        ("   ", nil, "the expression is empty: expected a condition such as territory = \"Morava\" or role = customer"),
        ("a =", 3..<4, "expected a value (text in quotes, a number, a date, today - 90d, or a code), found the end of the expression"),
        ("a = )", 4..<5, "expected a value (text in quotes, a number, a date, today - 90d, or a code), found \")\""),
        ("(a = 1", 6..<7, "expected \")\" to close the parenthesis, found the end of the expression"),
        ("a = 1)", 5..<6, "expected and, or, or the end of the expression, found \")\""),
        ("a = 1 b = 2", 6..<7, "expected and, or, or the end of the expression, found \"b\""),
        ("a starts 'x'", 9..<12, "expected \"with\" after starts, found the text 'x'"),
        ("a is full", 5..<9, "expected \"empty\" or \"not empty\" after is, found \"full\""),
        ("a is not full", 9..<13, "expected \"empty\" after is not, found \"full\""),
        ("a between 1 or 2", 12..<14, "expected \"and\" between the two bounds of between, found \"or\""),
        ("a in (1, 2", 10..<11, "expected \",\" and another value, or \")\" to close the list, found the end of the expression"),
        ("a in 1", 5..<6, "expected \"(\" to open the list of values, found the number 1"),
        ("a 5", 2..<3, "expected an operator after a (= != < <= > >= in, not in, between, contains, starts with, is empty), found the number 5"),
        ("= 5", 0..<1, "expected a condition (a field or attribute name, has contact, no contact since …, or a parenthesis), found \"=\""),
        ("a = today - 5", 12..<13, "expected a duration after today - such as 90d, 2w, 6m or 1y, found the number 5"),
        ("a = - x", 6..<7, "expected a number after \"-\", found \"x\""),
        ("firm. = 1", 6..<7, "expected a field name after \".\", found \"=\""),
        ("has task", 4..<8, "expected \"contact\" or \"open task\" after has, found \"task\""),
        ("has open contact", 9..<16, "expected \"task\" after has open, found \"contact\""),
        ("no contact after 2020-01-01", 11..<16, "expected \"since\" after no contact (no contact since today - 180d), found \"after\""),
        ("contacts where kind = call", 26..<27, "expected a comparison of the number of contacts (e.g. contacts where kind = meeting >= 3), found the end of the expression"),
        ("last contact result = x", 5..<12, "expected an operator after last (= != < <= > >= in, not in, between, contains, starts with, is empty), found \"contact\""),
        ("no interest", 3..<11, "expected \"contact\" after no, found \"interest\""),
        ("not", 3..<4, "expected a condition (a field or attribute name, has contact, no contact since …, or a parenthesis), found the end of the expression"),
    ] as [(String, Range<Int>?, String)])
    func everyParseError(source: String, range: Range<Int>?, message: String) {
        let error = parseError(source)
        #expect(error?.message == message)
        #expect(error?.range == range)
    }

    @Test func errorsPointAtLineAndColumnWithACaret() {
        let error = parseError("territory = morava\n  and employees >=")
        #expect(error?.location.line == 2)
        #expect(error?.location.column == 19)
        #expect(error?.description == """
            2:19: expected a value (text in quotes, a number, a date, today - 90d, or a code), found the end of the expression
                and employees >=
                                ^
            """)
    }

    @Test func aLongChainIsABalancedTreeSoWalkingItStaysShallow() throws {
        func depth(_ expression: Expression) -> Int {
            switch expression {
            case .and(let left, let right), .or(let left, let right): return 1 + max(depth(left), depth(right))
            case .not(let operand, _): return 1 + depth(operand)
            default: return 0
            }
        }
        let chain = try Parser.parse((0..<10_000).map { "a = \($0)" }.joined(separator: " or "))
        #expect(depth(chain) <= 14)
        #expect(try outline("a = 1 or b = 2 or c = 3 or d = 4") == "(or (or (= a 1) (= b 2)) (or (= c 3) (= d 4)))")
    }
}
