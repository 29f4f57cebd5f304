// Tokens: numbers and dates as Czech users write them, text in every kind of quote, operators.

import CRM
import Testing
@testable import Segmentation

@Suite struct LexerTests {
    func kinds(_ source: String) throws -> [Token.Kind] {
        try Lexer.tokens(of: source).map(\.kind).dropLast()
    }

    func lexError(_ source: String) -> SegmentError? {
        do { _ = try Lexer.tokens(of: source); return nil } catch let error as SegmentError { return error } catch { return nil }
    }

    @Test func numbersWithSpacesCommasAndPoints() throws {
        #expect(try kinds("1 500,5") == [.number(1500.5)])
        #expect(try kinds("1500.5") == [.number(1500.5)])
        #expect(try kinds("1 000 000") == [.number(1_000_000)])
        #expect(try kinds("50") == [.number(50)])
        // A comma and a space separate list items; a space before a non-group stays a space.
        #expect(try kinds("10, 20") == [.number(10), .symbol(.comma), .number(20)])
        #expect(try kinds("1 50") == [.number(1), .number(50)])
        #expect(try kinds("1 5000") == [.number(1), .number(5000)])
    }

    @Test func datesInIsoAndCzechForms() throws {
        let day = CivilDate(year: 2026, month: 1, day: 31)!
        #expect(try kinds("2026-01-31") == [.date(day)])
        #expect(try kinds("31.1.2026") == [.date(day)])
        #expect(try kinds("31. 1. 2026") == [.date(day)])
        #expect(lexError("2026-02-30")?.message == "2026-02-30 is not a day of the calendar")
        #expect(lexError("31.13.2026")?.message == "31.13.2026 is not a day of the calendar")
    }

    @Test func durationsAfterToday() throws {
        #expect(try kinds("today - 90d") == [.word("today"), .symbol(.minus), .duration(90, .days)])
        #expect(try kinds("today-6m") == [.word("today"), .symbol(.minus), .duration(6, .months)])
        #expect(try kinds("2w 1y") == [.duration(2, .weeks), .duration(1, .years)])
        #expect(lexError("90x")?.message.hasPrefix("\"90x\" is neither a number nor a duration") == true)
        #expect(lexError("1,5d") != nil)
    }

    @Test func textInEveryQuote() throws {
        #expect(try kinds("'Morava'") == [.text("Morava")])
        #expect(try kinds("\"strojírenství\"") == [.text("strojírenství")])
        #expect(try kinds("„Brno – střed“") == [.text("Brno – střed")])
        #expect(try kinds("'O''Brien'") == [.text("O'Brien")])
        let unterminated = lexError("city = \"Brno")
        #expect(unterminated?.message == "the text that starts here has no closing \"")
        #expect(unterminated?.range == 7..<8)
    }

    @Test func wordsKeepCodesWithDashesButNotMinus() throws {
        #expect(try kinds("no-interest") == [.word("no-interest")])
        #expect(try kinds("firm.territory") == [.word("firm"), .symbol(.dot), .word("territory")])
        #expect(try kinds("Nováková") == [.word("Nováková")])
    }

    @Test func operators() throws {
        #expect(try kinds("= == != <> < <= > >= ( ) , . + -") == [
            .symbol(.equal), .symbol(.equal), .symbol(.notEqual), .symbol(.notEqual), .symbol(.less), .symbol(.lessOrEqual),
            .symbol(.greater), .symbol(.greaterOrEqual), .symbol(.open), .symbol(.close), .symbol(.comma), .symbol(.dot),
            .symbol(.plus), .symbol(.minus),
        ])
        let bang = lexError("a ! b")
        #expect(bang?.message.hasPrefix("unexpected character \"!\"") == true)
        #expect(bang?.range == 2..<3)
        #expect(lexError("a ; b")?.range == 2..<3)
    }
}
