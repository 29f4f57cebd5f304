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
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if let weight = weight(of: scalar.value) {
                var primaryIndex = weight.primary
                // "ch" is one letter, after "h".
                if primaryIndex == cIndex, weight.secondary == 0, index < scalars.count,
                   let next = self.weight(of: scalars[index].value), next.primary == hIndex, next.secondary == 0 {
                    primaryIndex = chIndex
                    index += 1
                }
                primary.append(letterScalar(primaryIndex))
                secondary.append(Unicode.Scalar(UInt8(0x30 + weight.secondary)))
                tertiary.append(weight.upper ? "1" : "0")
            } else if scalar.value >= 0x30 && scalar.value <= 0x39 {
                primary.append(scalar); secondary.append("0"); tertiary.append("0")
            } else if scalar.properties.isWhitespace {
                if let last = primary.last, last != " " { primary.append(" ") }
            } else if scalar.properties.isAlphabetic {
                // A letter of another script sorts after the Latin alphabet, by code point.
                let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
                primary.append(lower); secondary.append("0"); tertiary.append(lower == scalar ? "0" : "1")
            }
            // Punctuation and combining marks do not order.
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
    private static let cIndex = alphabet.firstIndex(of: "c")!
    private static let hIndex = alphabet.firstIndex(of: "h")!
    private static let chIndex = alphabet.firstIndex(of: "ch")!

    /// Letters that sort with a base letter and differ only at the second level, in tie order.
    private static let accented: [String: String] = [
        "a": "áäàâąå", "c": "ćç", "d": "ď", "e": "éëěèêę", "i": "íïî", "l": "ĺľł", "n": "ňńñ", "o": "óöôőò",
        "r": "ŕ", "s": "śß", "t": "ť", "u": "úůüűùû", "y": "ýÿ", "z": "źż",
    ]

    private struct Weight { let primary: Int; let secondary: Int; let upper: Bool }

    /// Names are mostly ASCII: those letters come from an array, the rest from the table.
    @inline(__always)
    private static func weight(of value: UInt32) -> Weight? {
        value < 0x80 ? asciiWeights[Int(value)] : weights[value]
    }

    private static let asciiWeights: [Weight?] = (0..<0x80).map { weights[UInt32($0)] }

    /// Every known letter, lower and upper case, by scalar value.
    private static let weights: [UInt32: Weight] = {
        var table: [UInt32: Weight] = [:]
        func add(_ letter: String, primary: Int, secondary: Int) {
            guard let lower = letter.unicodeScalars.first, letter.unicodeScalars.count == 1 else { return }
            table[lower.value] = Weight(primary: primary, secondary: secondary, upper: false)
            let upper = letter.uppercased().unicodeScalars
            if upper.count == 1, let first = upper.first, first != lower {
                table[first.value] = Weight(primary: primary, secondary: secondary, upper: true)
            }
        }
        for (index, letter) in alphabet.enumerated() where letter.count == 1 {
            add(letter, primary: index, secondary: 0)
            for (rank, variant) in (accented[letter] ?? "").enumerated() { add(String(variant), primary: index, secondary: rank + 1) }
        }
        // Other Latin letters with marks sort with their base letter, after the listed variants.
        for value in UInt32(0xC0)...UInt32(0x24F) where table[value] == nil {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            let base = Folding.fold(String(scalar))
            guard base.unicodeScalars.count == 1, let baseWeight = table[base.unicodeScalars.first!.value] else { continue }
            table[value] = Weight(primary: baseWeight.primary, secondary: 9, upper: scalar.properties.isUppercase)
        }
        return table
    }()
}

extension Sequence {
    /// The elements in Czech alphabetical order of `text` (case only breaks ties).
    public func sorted(byCzech text: (Element) -> String) -> [Element] {
        map { (CzechCollation.sortKey(text($0)), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
