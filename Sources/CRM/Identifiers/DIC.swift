// DIČ, the VAT identification number: a country prefix and the national part.

/// A VAT number such as `CZ25596641`. Czech numbers carry 8 to 10 digits (an IČO or a
/// birth number); other EU numbers are accepted by shape: two letters and 2–13 characters.
public struct DIC: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ text: String, field: String = "dic") throws {
        let compact = text.filter { !$0.isWhitespace }.uppercased()
        let prefix = compact.prefix(2)
        let national = compact.dropFirst(2)
        guard prefix.count == 2, prefix.allSatisfy({ $0.isASCII && $0.isLetter }),
              (2...13).contains(national.count), national.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else {
            throw ValidationError(field: field, message: "\"\(text)\" is not a DIČ: expected a country prefix and the number, e.g. CZ25596641")
        }
        if prefix == "CZ" {
            guard (8...10).contains(national.count), national.allSatisfy({ $0.isNumber }) else {
                throw ValidationError(field: field, message: "\"\(text)\" is not a Czech DIČ: expected CZ and 8 to 10 digits")
            }
        }
        value = compact
    }

    public var description: String { value }
}
