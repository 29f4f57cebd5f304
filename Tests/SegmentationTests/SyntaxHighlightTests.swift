// The editor's colours: keywords, fields and values told apart by where they stand, every
// character of an expression covered at most once, and an unreadable rest marked as an error.

import CRM
import Foundation
import Testing
@testable import Segmentation

@Suite struct SyntaxHighlightTests {
    func kinds(_ source: String) -> [String] {
        let characters = Array(source)
        return SegmentSyntax.spans(of: source).map { "\($0.kind.rawValue):\(String(characters[$0.range]))" }
    }

    @Test func wordsAreKeywordsFieldsOrValuesByPlace() {
        #expect(kinds("territory = Morava and employees >= 1 500") ==
                ["field:territory", "symbol:=", "value:Morava", "keyword:and", "field:employees", "symbol:>=", "number:1 500"])
        #expect(kinds("industry in (automotive, \"IT\") and not role = supplier") ==
                ["field:industry", "keyword:in", "symbol:(", "value:automotive", "symbol:,", "text:\"IT\"", "symbol:)", "keyword:and", "keyword:not",
                 "field:role", "symbol:=", "value:supplier"])
        #expect(kinds("employees between 10 and 50") == ["field:employees", "keyword:between", "number:10", "keyword:and", "number:50"])
        #expect(kinds("has contact where date >= today - 90d") ==
                ["keyword:has", "keyword:contact", "keyword:where", "field:date", "symbol:>=", "value:today", "symbol:-", "number:90d"])
        #expect(kinds("založeno >= 31.1.2026 or emailConsent") == ["field:založeno", "symbol:>=", "date:31.1.2026", "keyword:or", "field:emailConsent"])
    }

    @Test func anUnclosedQuoteMarksTheRestAsAnError() {
        #expect(kinds("name contains \"Alfa and city = Brno") == ["field:name", "keyword:contains", "error:\"Alfa and city = Brno"])
    }

    @Test func spansNeverOverlapAndStayInsideTheText() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["territory", " = ", "\"Mo", "ra\"", "va", " and ", "(", ")", " in ", "1 500,5", "31.1.", "2026", "„x“", "-", "90d", "ž", "🎉", ",", " "]
        for _ in 0 ..< 500 {
            let source = (0 ..< Int.random(in: 0 ... 12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            var position = 0
            for span in SegmentSyntax.spans(of: source) {
                #expect(span.range.lowerBound >= position && span.range.upperBound <= source.count, "\(source)")
                position = span.range.upperBound
            }
        }
    }
}
