// Small string conveniences the domain needs everywhere, without pulling Foundation into callers.

extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, new lines, NBSP).
    public var trimmingSpaces: String {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}

extension Optional where Wrapped == String {
    /// nil for a missing or blank value, else the trimmed text: optional fields store no blanks.
    public var nonBlank: String? {
        guard let value = self?.trimmingSpaces, !value.isEmpty else { return nil }
        return value
    }
}
