// Telephone numbers: Czech numbers are written `+420 NNN NNN NNN`; others are kept as typed.

public enum PhoneNumber {
    private static let allowedBytes = Set("0123456789+-/() ".utf8)

    /// Normalises a number. Nine Czech digits (with or without `+420`/`00420`) become
    /// `+420 602 123 456`; a foreign number keeps its grouping behind `+`; any number must
    /// be made of digits, spaces, `+`, `-`, `/`, `(` and `)`.
    public static func normalize(_ text: String, field: String = "phone") throws -> String {
        let trimmed = text.trimmingSpaces
        let bytes = Array(trimmed.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy({ allowedBytes.contains($0) }) else {
            throw ValidationError(field: field, message: "\"\(text)\" is not a phone number: expected digits, e.g. +420 602 123 456")
        }
        var afterPrefix = bytes[...]
        let international = afterPrefix.first == UInt8(ascii: "+") || afterPrefix.starts(with: "00".utf8)
        if afterPrefix.first == UInt8(ascii: "+") { afterPrefix = afterPrefix.dropFirst() } else if afterPrefix.starts(with: "00".utf8) { afterPrefix = afterPrefix.dropFirst(2) }
        var digits = afterPrefix.filter { $0 >= 0x30 && $0 <= 0x39 }
        guard digits.count >= 6 else {
            throw ValidationError(field: field, message: "\"\(text)\" is too short for a phone number: a Czech number has 9 digits")
        }
        if international {
            guard digits.starts(with: "420".utf8), digits.count == 12 else {
                return "+" + String(decoding: afterPrefix, as: UTF8.self).trimmingSpaces
            }
            digits.removeFirst(3)
        }
        guard digits.count == 9 else { return trimmed }
        let d = String(decoding: digits, as: UTF8.self)
        let a = d.utf8.index(d.startIndex, offsetBy: 3), b = d.utf8.index(a, offsetBy: 3)
        return "+420 \(d[..<a]) \(d[a..<b]) \(d[b...])"
    }
}
