// How phone numbers become search terms, in SQL (for the index's triggers) and in Swift (for the
// query), so both sides agree digit for digit.

public enum SearchTerms {
    /// Characters people write inside phone numbers that are not digits.
    static let phoneSeparators = [" ", "+", "-", "/", "(", ")", ".", "\u{00A0}"]

    /// SQL expressions giving the two forms a phone number is found by: its digits (a leading
    /// 00 read as +), and its national number, which is what follows the country code of a
    /// number written internationally with a space after it ("+420 602 111 222" →
    /// "420602111222" and "602111222"); a run of digits longer than nine also gives its last
    /// nine, the national length of Czech and Slovak numbers. NULL gives ''.
    static func phoneForms(_ column: String) -> (international: String, national: String) {
        let raw = "coalesce(\(column), '')"
        let digits = digitsOnly(raw)
        let international = "(CASE WHEN substr(\(digits), 1, 2) = '00' THEN substr(\(digits), 3) ELSE \(digits) END)"
        let afterPlus = "(CASE WHEN substr(\(raw), 1, 2) = '00' THEN substr(\(raw), 3) ELSE ltrim(\(raw), '+') END)"
        let national = """
            (CASE WHEN (substr(\(raw), 1, 1) = '+' OR substr(\(raw), 1, 2) = '00') AND instr(\(afterPlus), ' ') > 0 \
            THEN \(digitsOnly("substr(\(afterPlus), instr(\(afterPlus), ' ') + 1)")) \
            WHEN length(\(digits)) > 9 THEN substr(\(digits), length(\(digits)) - 8) ELSE '' END)
            """
        return (international, national)
    }

    private static func digitsOnly(_ expression: String) -> String {
        var digits = expression
        for separator in phoneSeparators { digits = "replace(\(digits), '\(separator)', '')" }
        return digits
    }

    /// Whether `text` reads as (the start of) a number — a phone number or an IČO: digits and
    /// the usual separators, at least three digits.
    public static func looksLikeNumber(_ text: String) -> Bool {
        var digits = 0
        for character in text {
            if character.isASCII, character.isNumber { digits += 1 }
            else if !phoneSeparators.contains(String(character)) { return false }
        }
        return digits >= 3
    }

    /// The digits a typed phone number is looked up by: separators dropped, 00 read as +.
    public static func phoneQuery(_ text: String) -> String {
        var digits = String(text.filter { $0.isASCII && $0.isNumber })
        if digits.hasPrefix("00") { digits.removeFirst(2) }
        return digits
    }
}
