// A pragmatic check of an e-mail address: what mail servers accept, not all RFC 5322 allows.

/// A validated address `local@domain`, without display name, spaces or control characters.
/// The domain keeps its case as typed; comparison for de-duplication is done by callers.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ text: String, field: String = "email") throws {
        let trimmed = text.trimmingSpaces
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        let invalid = ValidationError(field: field, message: "\"\(text)\" is not an e-mail address: expected name@domain.tld")
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
              !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty, trimmed.utf8.count <= 254 else { throw invalid }
        let forbidden: Set<Character> = [" ", "\t", "\r", "\n", "\0", "<", ">", "(", ")", ",", ";", ":", "\\", "\"", "[", "]"]
        guard !trimmed.contains(where: { forbidden.contains($0) || $0.isNewline }) else { throw invalid }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { throw invalid }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
              let tld = labels.last, tld.count >= 2, tld.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { throw invalid }
        value = trimmed
    }

    public var description: String { value }
}
