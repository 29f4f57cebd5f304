// Small string conveniences the domain needs everywhere, without pulling Foundation into callers.

extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, new lines, NBSP).
    public var trimmingSpaces: String {
        // Fast path: most fields start and end with a visible ASCII character.
        if let first = utf8.first, let last = utf8.reversed().first, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return String(self)
        }
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}

extension String {
    /// The same as the generic `trimmingSpaces`, with a cheaper check for the common case of
    /// a field that starts and ends with a visible ASCII character.
    public var trimmingSpaces: String {
        let bytes = utf8
        if let first = bytes.first, let last = bytes.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return self
        }
        return self[...].trimmingSpaces
    }
}

extension Optional where Wrapped == String {
    /// nil for a missing or blank value, else the trimmed text: optional fields store no blanks.
    public var nonBlank: String? {
        guard let value = self?.trimmingSpaces, !value.isEmpty else { return nil }
        return value
    }
}
