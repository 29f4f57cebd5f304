// A pragmatic check of an e-mail address: what mail servers accept, not all RFC 5322 allows.

/// A validated address `local@domain`, without display name, spaces or control characters.
/// The check runs over UTF-8 bytes: imports validate one address per row.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ text: String, field: String = "email") throws {
        let trimmed = text.trimmingSpaces
        guard EmailAddress.isValid(Array(trimmed.utf8)) else {
            throw ValidationError(field: field, message: "\"\(text)\" is not an e-mail address: expected name@domain.tld")
        }
        value = trimmed
    }

    /// An address read back from the database, where only validated addresses are written:
    /// lists of 100,000 persons need not check each one again.
    public init(stored value: String) { self.value = value }

    /// Spaces and the specials that would need quoting are refused everywhere (controls too).
    private static let forbiddenBytes: Set<UInt8> = Set(" \t\r\n<>(),;:\\\"[]".utf8)

    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard bytes.count <= 254, let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes.lastIndex(of: UInt8(ascii: "@")) == at else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard !local.isEmpty, local.count <= 64, !domain.isEmpty else { return false }
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || forbiddenBytes.contains($0) }) else { return false }
        let dot = UInt8(ascii: ".")
        guard local.first != dot, local.last != dot, !zip(local, local.dropFirst()).contains(where: { $0 == dot && $1 == dot }) else { return false }
        let labels = domain.split(separator: dot, omittingEmptySubsequences: false)
        let hyphen = UInt8(ascii: "-")
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.first != hyphen && $0.last != hyphen }) else { return false }
        guard let tld = labels.last, tld.count >= 2,
              tld.allSatisfy({ $0 >= 0x80 || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == hyphen }) else { return false }
        return true
    }

    public var description: String { value }
}
