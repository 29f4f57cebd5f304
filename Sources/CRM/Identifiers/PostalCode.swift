// PSČ and foreign postal codes.

public enum PostalCode {
    /// Czech and Slovak codes are five digits written `NNN NN`; other countries' codes are
    /// kept as typed (trimmed, upper-cased), since their shapes differ.
    public static func normalize(_ text: String, country: Country, field: String = "zip") throws -> String {
        let trimmed = text.trimmingSpaces
        guard country.writesZipAsThreeTwo else { return trimmed.uppercased() }
        let digits = trimmed.filter { !$0.isWhitespace }
        guard digits.count == 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError(field: field, message: "\"\(text)\" is not a PSČ: expected 5 digits written NNN NN, e.g. 110 00")
        }
        return "\(digits.prefix(3)) \(digits.suffix(2))"
    }
}
