// A referent: the salesperson responsible for a contact.

public struct Referent: Hashable, Sendable {
    public var code: String
    public var name: String
    public var email: EmailAddress?
    /// A referent who left is deactivated, not removed: their history stays theirs, but no new
    /// contact or task goes to them.
    public var active: Bool

    public init(code: String, name: String, email: EmailAddress? = nil, active: Bool = true) {
        self.code = code; self.name = name; self.email = email; self.active = active
    }

    /// Codes are short identifiers people type (`novak`, `JN`, `obchod-2`).
    public static func validateCode(_ code: String, field: String = "code") throws {
        guard !code.isEmpty, code.count <= 32,
              code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) else {
            throw ValidationError(field: field, message: "\"\(code)\" cannot be a code: use up to 32 letters, digits, _, - or .")
        }
    }
}
