// Telephone numbers: Czech numbers are written `+420 NNN NNN NNN`; others are kept as typed.

public enum PhoneNumber {
    /// Normalises a number. Nine Czech digits (with or without `+420`/`00420`) become
    /// `+420 602 123 456`; a foreign number keeps its grouping behind `+`; any number must
    /// be made of digits, spaces, `+`, `-`, `/`, `(` and `)`.
    public static func normalize(_ text: String, field: String = "phone") throws -> String {
        let trimmed = text.trimmingSpaces
        let allowed = Set("0123456789+-/() ")
        guard !trimmed.isEmpty, trimmed.allSatisfy({ allowed.contains($0) }) else {
            throw ValidationError(field: field, message: "\"\(text)\" is not a phone number: expected digits, e.g. +420 602 123 456")
        }
        var afterPrefix = Substring(trimmed)
        let international = afterPrefix.hasPrefix("+") || afterPrefix.hasPrefix("00")
        if afterPrefix.hasPrefix("+") { afterPrefix = afterPrefix.dropFirst() } else if afterPrefix.hasPrefix("00") { afterPrefix = afterPrefix.dropFirst(2) }
        var digits = afterPrefix.filter(\.isNumber)
        guard digits.count >= 6 else {
            throw ValidationError(field: field, message: "\"\(text)\" is too short for a phone number: a Czech number has 9 digits")
        }
        if international {
            guard digits.hasPrefix("420"), digits.count == 12 else { return "+" + afterPrefix.trimmingSpaces }
            digits.removeFirst(3)
        }
        guard digits.count == 9 else { return trimmed }
        let d = Array(digits)
        return "+420 \(String(d[0..<3])) \(String(d[3..<6])) \(String(d[6..<9]))"
    }
}
