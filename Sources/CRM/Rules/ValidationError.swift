// The one error type of the domain: what was wrong, in which field, and what would be accepted.

/// A value that breaks a domain rule. `field` names where it came from (an option such as
/// `--ico`, a CSV column, an attribute name); `message` is a sentence for the user.
///
///     throw ValidationError(field: "ico", message: "\"123\" is not an IČO: expected 8 digits")
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
