// IČO, the Czech company identification number: 8 digits whose last is a mod-11 check digit.

/// A validated IČO. Shorter historical numbers are left-padded with zeros, as the
/// business register prints them; spaces are ignored.
///
///     let ico = try ICO("25596641")     // ico.digits == "25596641"
///     try ICO("25596642")               // throws: the check digit should be 1
public struct ICO: Hashable, Sendable, CustomStringConvertible {
    public let digits: String

    public init(_ text: String, field: String = "ico") throws {
        let compact = text.filter { !$0.isWhitespace }
        guard !compact.isEmpty, compact.count <= 8, compact.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError(field: field, message: "\"\(text)\" is not an IČO: expected 8 digits")
        }
        let padded = String(repeating: "0", count: 8 - compact.count) + compact
        let values = padded.compactMap { $0.wholeNumberValue }
        let expected = ICO.checkDigit(for: Array(values.prefix(7)))
        guard values[7] == expected else {
            throw ValidationError(
                field: field,
                message: "\"\(text)\" is not a valid IČO: its check digit is \(values[7]) but should be \(expected)")
        }
        digits = padded
    }

    /// An IČO read back from the database, where only validated numbers are written.
    public init(stored digits: String) { self.digits = digits }

    /// The mod-11 check digit over the first seven digits, weighted 8 down to 2.
    public static func checkDigit(for firstSeven: [Int]) -> Int {
        precondition(firstSeven.count == 7, "an IČO check digit is computed over seven digits")
        let sum = zip(firstSeven, stride(from: 8, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 }
        return (11 - sum % 11) % 10
    }

    public var description: String { digits }
}
