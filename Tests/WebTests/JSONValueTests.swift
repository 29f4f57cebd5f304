// The API's JSON writer: every key kept, nulls written, and the characters that could end a
// string, a script block or a line in JavaScript escaped.

import Testing
@testable import Web

@Suite struct JSONValueTests {
    @Test func escapesWhatCouldBreakOutAndKeepsTheRest() {
        let value = JSONValue.object([("a", .string("<\u{2028}\u{2029}&>\"\\\n\r\t\u{1}ž😀")), ("b", .null), ("c", .integer(-3)), ("d", .number(2.0)),
                                      ("e", .number(2.5)), ("f", .array([.bool(true), .bool(false)]))])
        #expect(value.text == #"{"a":"\u003c\u2028\u2029\u0026\u003e\"\\\n\r\t\u0001ž😀","b":null,"c":-3,"d":2,"e":2.5,"f":[true,false]}"#)
        #expect(JSONValue.string("\u{E2}").text == "\"\u{E2}\"", "â is not the start of a line separator")
    }
}
