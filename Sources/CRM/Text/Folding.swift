// Case- and diacritics-insensitive folding, for matching what users type against stored values.

import Foundation

public enum Folding {
    /// `"Strojírenství "` → `"strojirenstvi"`: lower case, no diacritics, trimmed.
    ///
    /// Imports fold every code and flag they read, so the common cases avoid Foundation:
    /// ASCII is lowered byte by byte and Latin letters come from a table built once.
    public static func fold(_ text: String) -> String {
        let trimmed = text.trimmingSpaces
        if trimmed.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: trimmed.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        var result = String.UnicodeScalarView()
        for scalar in trimmed.unicodeScalars {
            if scalar.value < 0x80 {
                let value = scalar.value >= 0x41 && scalar.value <= 0x5A ? scalar.value + 0x20 : scalar.value
                result.append(Unicode.Scalar(value)!)
            } else if let folded = latinTable[scalar.value] {
                result.append(contentsOf: folded.unicodeScalars)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue // a combining accent of decomposed text
            } else {
                result.append(contentsOf: slowFold(String(scalar)).unicodeScalars)
            }
        }
        return String(result)
    }

    private static func slowFold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Latin-1 Supplement and Latin Extended-A, folded once.
    private static let latinTable: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for value in UInt32(0xC0)...UInt32(0x24F) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            table[value] = slowFold(String(scalar))
        }
        return table
    }()
}
