// Czech alphabetical order (ČSN 97 6030) as a sort key that a plain byte comparison orders.

/// Builds keys so that comparing keys as UTF-8 bytes (SQLite's BINARY, an index) gives Czech
/// order: `ch` after `h`, `č` after `c`, `ř` after `r`, `š` after `s`, `ž` after `z`; accents
/// that are not letters of their own (á, é, ě, í, ó, ú, ů, ý, ď, ť, ň) only break ties, then
/// lower case before upper case. Punctuation is ignored; spaces order words.
///
///     CzechCollation.sortKey("Chrudim") > CzechCollation.sortKey("Hradec")   // true
public enum CzechCollation {
    public static func sortKey(_ text: String) -> String {
        var primary = String.UnicodeScalarView()
        var secondary = String.UnicodeScalarView()
        var tertiary = String.UnicodeScalarView()
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let lower = Character(character.lowercased())
            if lower == "c", index + 1 < characters.count, Character(characters[index + 1].lowercased()) == "h" {
                primary.append(letterScalar(chIndex)); secondary.append("0")
                tertiary.append(character.isUppercase ? "1" : "0")
                index += 2
                continue
            }
            index += 1
            if lower.isWhitespace {
                if primary.last != " " && !primary.isEmpty { primary.append(" ") }
                continue
            }
            if let digit = lower.wholeNumberValue, lower.isASCII {
                primary.append(Unicode.Scalar(UInt8(0x30 + digit))); secondary.append("0"); tertiary.append("0")
                continue
            }
            guard let weight = weights[lower] ?? foldedWeight(lower) else {
                if lower.isLetter, let scalar = lower.unicodeScalars.first {
                    primary.append(scalar); secondary.append("0"); tertiary.append(character.isUppercase ? "1" : "0")
                }
                continue // punctuation does not order
            }
            primary.append(letterScalar(weight.primary))
            secondary.append(Unicode.Scalar(UInt8(0x30 + weight.secondary)))
            tertiary.append(character.isUppercase ? "1" : "0")
        }
        while primary.last == " " { primary.removeLast() }
        var key = String(primary)
        key.unicodeScalars.append("\u{1}"); key.unicodeScalars.append(contentsOf: secondary)
        key.unicodeScalars.append("\u{1}"); key.unicodeScalars.append(contentsOf: tertiary)
        return key
    }

    private static func letterScalar(_ index: Int) -> Unicode.Scalar { Unicode.Scalar(UInt8(0x41 + index)) }

    /// The alphabet's letters in order; `ch` is its own letter after `h`.
    private static let alphabet: [String] = ["a", "b", "c", "č", "d", "e", "f", "g", "h", "ch", "i", "j", "k", "l", "m",
                                             "n", "o", "p", "q", "r", "ř", "s", "š", "t", "u", "v", "w", "x", "y", "z", "ž"]
    private static let chIndex = alphabet.firstIndex(of: "ch")!

    /// Letters that sort with a base letter and differ only at the second level, in tie order.
    private static let accented: [Character: [Character]] = [
        "a": ["á", "ä", "à", "â", "ą", "å"], "c": ["ć", "ç"], "d": ["ď"], "e": ["é", "ě", "ë", "è", "ê", "ę"],
        "i": ["í", "ï", "î"], "l": ["ĺ", "ľ", "ł"], "n": ["ň", "ń", "ñ"], "o": ["ó", "ö", "ô", "ő", "ò"],
        "r": ["ŕ"], "s": ["ś", "ß"], "t": ["ť"], "u": ["ú", "ů", "ü", "ű", "ù", "û"], "y": ["ý", "ÿ"], "z": ["ź", "ż"],
    ]

    private static let weights: [Character: (primary: Int, secondary: Int)] = {
        var table: [Character: (Int, Int)] = [:]
        for (index, letter) in alphabet.enumerated() where letter.count == 1 {
            let character = Character(letter)
            table[character] = (index, 0)
            for (rank, variant) in (accented[character] ?? []).enumerated() { table[variant] = (index, rank + 1) }
        }
        return table
    }()

    /// Other Latin letters with marks sort with their base letter, after the listed variants.
    private static func foldedWeight(_ character: Character) -> (primary: Int, secondary: Int)? {
        guard character.isLetter else { return nil }
        let base = Folding.fold(String(character))
        guard base.count == 1, let weight = weights[Character(base)] else { return nil }
        return (weight.primary, 9)
    }
}
