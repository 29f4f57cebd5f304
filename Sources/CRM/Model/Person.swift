// A contact person: someone at a firm we talk to.

public struct Person: Equatable, Sendable {
    public var id: Int64?
    public var firmId: Int64
    public var name: PersonName
    public var gender: Gender
    public var function: String?
    public var email: EmailAddress?
    public var phone: String?
    public var mobile: String?
    public var note: String?
    /// Whether the person agreed to receive mass e-mail; granted unless revoked.
    public var emailConsent: Bool
    public var attributes: [String: AttributeValue]
    /// The person's own postal address (home, a branch, abroad), when it is not the firm's:
    /// letters, labels and `person address` use it when set.
    public var address: PostalAddress?

    public init(id: Int64? = nil, firmId: Int64, name: PersonName, gender: Gender = .unknown, function: String? = nil,
                email: EmailAddress? = nil, phone: String? = nil, mobile: String? = nil, note: String? = nil,
                emailConsent: Bool = true, attributes: [String: AttributeValue] = [:], address: PostalAddress? = nil) {
        self.id = id; self.firmId = firmId; self.name = name; self.gender = gender; self.function = function
        self.email = email; self.phone = phone; self.mobile = mobile; self.note = note
        self.emailConsent = emailConsent; self.attributes = attributes; self.address = address
    }

    /// Where post for the person goes: their own address when set, else the firm's.
    public func postalAddress(firm: Firm) -> PostalAddress { address ?? firm.address }

    public static func create(firmId: Int64, _ input: PersonInput, schema: AttributeSchema) throws -> Person {
        var person = Person(firmId: firmId, name: PersonName(first: "", last: ""))
        try person.apply(input, schema: schema)
        return person
    }

    /// Applies typed input. A field left nil stays as it is; an empty text clears it.
    public mutating func apply(_ input: PersonInput, schema: AttributeSchema) throws {
        var errors = ValidationErrors()
        for (field, text) in [("first", input.first), ("last", input.last), ("titleBefore", input.titleBefore), ("titleAfter", input.titleAfter),
                              ("function", input.function), ("phone", input.phone), ("mobile", input.mobile),
                              ("street", input.street), ("city", input.city), ("zip", input.zip), ("country", input.country)] {
            errors.capture { try PlainText.check(text, field: field) }
        }
        try errors.throwIfAny()
        if let first = input.first { name.first = first.trimmingSpaces }
        if let last = input.last { name.last = last.trimmingSpaces }
        if name.last.isEmpty { errors.add(field: "last", "a person needs a last name") }
        if let title = input.titleBefore { name.titleBefore = Optional(title).nonBlank }
        if let title = input.titleAfter { name.titleAfter = Optional(title).nonBlank }
        errors.capture { if let text = input.gender { gender = try Gender(parsing: text) } }
        if let function = input.function { self.function = Optional(function).nonBlank }
        errors.capture { if let text = input.email { email = try Optional(text).nonBlank.map { try EmailAddress($0) } } }
        errors.capture { if let text = input.phone { phone = try Optional(text).nonBlank.map { try PhoneNumber.normalize($0) } } }
        errors.capture { if let text = input.mobile { mobile = try Optional(text).nonBlank.map { try PhoneNumber.normalize($0, field: "mobile") } } }
        if let note = input.note { self.note = Optional(note).nonBlank }
        errors.capture { if let text = input.emailConsent { emailConsent = try YesNo.parse(text, field: "emailConsent") } }
        errors.capture { try AttributeAssignment.apply(input.attributes, on: .person, schema: schema, to: &attributes) }
        errors.capture { try applyAddress(input) }
        try errors.throwIfAny()
    }

    /// The own address: given fields change it, and when none is left the firm's applies again.
    private mutating func applyAddress(_ input: PersonInput) throws {
        guard input.street != nil || input.city != nil || input.zip != nil || input.country != nil else { return }
        var own = address ?? PostalAddress()
        if let street = input.street { own.street = Optional(street).nonBlank }
        if let city = input.city { own.city = Optional(city).nonBlank }
        if let country = input.country { own.country = Country(country) }
        let zip = input.zip ?? (input.country != nil ? own.zip : nil)
        if let zip { own.zip = try Optional(zip).nonBlank.map { try PostalCode.normalize($0, country: own.country) } }
        if own.street == nil && own.city == nil && own.zip == nil { address = nil; return }
        guard own.city != nil else { throw ValidationError(field: "city", message: "the person's own address needs a town (or clear it with empty --street, --city and --zip)") }
        address = own
    }
}

/// Typed-in person fields (from options or a CSV row): nil means "not given".
public struct PersonInput: Sendable {
    public var first, last, titleBefore, titleAfter, gender, function, email, phone, mobile, note, emailConsent: String?
    /// The person's own postal address; all empty clears it.
    public var street, city, zip, country: String?
    public var attributes: [AttributeAssignment]

    public init(first: String? = nil, last: String? = nil, titleBefore: String? = nil, titleAfter: String? = nil,
                gender: String? = nil, function: String? = nil, email: String? = nil, phone: String? = nil,
                mobile: String? = nil, note: String? = nil, emailConsent: String? = nil, attributes: [AttributeAssignment] = [],
                street: String? = nil, city: String? = nil, zip: String? = nil, country: String? = nil) {
        self.street = street; self.city = city; self.zip = zip; self.country = country
        self.first = first; self.last = last; self.titleBefore = titleBefore; self.titleAfter = titleAfter
        self.gender = gender; self.function = function; self.email = email; self.phone = phone; self.mobile = mobile
        self.note = note; self.emailConsent = emailConsent; self.attributes = attributes
    }
}

/// Yes/no fields in CSV files and options.
public enum YesNo {
    public static func parse(_ text: String, field: String) throws -> Bool {
        switch Folding.fold(text) {
        case "1", "yes", "y", "true", "ano", "a": return true
        case "0", "no", "n", "false", "ne": return false
        default: throw ValidationError(field: field, message: "\"\(text)\" is not yes or no: expected yes/no, ano/ne, 1/0 or true/false")
        }
    }
}
