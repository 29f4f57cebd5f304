// Small string conveniences the domain needs everywhere, without pulling Foundation into callers.

extension Substring {
    /// The text without leading and trailing white space (Unicode White_Space: spaces, tabs,
    /// new lines, NBSP …). Imports trim every cell, so the ends are checked by code point
    /// rather than through Character properties.
    public var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !Whitespace.contains($0) }),
              let end = scalars.lastIndex(where: { !Whitespace.contains($0) }) else { return "" }
        return String(scalars[start...end])
    }
}

extension String {
    /// See `Substring.trimmingSpaces`; a text with no white space at its ends is returned as is.
    public var trimmingSpaces: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
              !Whitespace.contains(first), !Whitespace.contains(last) else { return self[...].trimmingSpaces }
        return self
    }
}

/// Unicode's White_Space property, by code point.
enum Whitespace {
    @inline(__always)
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}

extension Optional where Wrapped == String {
    /// nil for a missing or blank value, else the trimmed text: optional fields store no blanks.
    public var nonBlank: String? {
        guard let value = self?.trimmingSpaces, !value.isEmpty else { return nil }
        return value
    }
}
