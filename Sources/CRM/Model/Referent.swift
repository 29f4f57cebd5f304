// A referent: the salesperson responsible for a contact.

public struct Referent: Hashable, Sendable {
    public var code: String
    public var name: String
    public var email: EmailAddress?

    public init(code: String, name: String, email: EmailAddress? = nil) {
        self.code = code; self.name = name; self.email = email
    }

    /// Codes are short identifiers people type (`novak`, `JN`, `obchod-2`).
    public static func validateCode(_ code: String, field: String = "code") throws {
        guard !code.isEmpty, code.count <= 32,
              code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) else {
            throw ValidationError(field: field, message: "\"\(code)\" cannot be a code: use up to 32 letters, digits, _, - or .")
        }
    }
}
