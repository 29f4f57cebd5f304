// A firm: customer, prospect and/or supplier, with its address and user-defined attributes.

public struct Firm: Equatable, Sendable {
    public var id: Int64?
    public var name: String
    public var ico: ICO?
    public var dic: DIC?
    public var roles: [Role]
    public var address: PostalAddress
    public var email: EmailAddress?
    public var phone: String?
    public var web: String?
    public var note: String?
    /// Attribute values by attribute name.
    public var attributes: [String: AttributeValue]

    public init(id: Int64? = nil, name: String, ico: ICO? = nil, dic: DIC? = nil, roles: [Role] = [],
                address: PostalAddress = PostalAddress(), email: EmailAddress? = nil, phone: String? = nil,
                web: String? = nil, note: String? = nil, attributes: [String: AttributeValue] = [:]) {
        self.id = id; self.name = name; self.ico = ico; self.dic = dic; self.roles = roles; self.address = address
        self.email = email; self.phone = phone; self.web = web; self.note = note; self.attributes = attributes
    }

    /// A new firm from typed input; every field's error is reported, not only the first.
    public static func create(_ input: FirmInput, schema: AttributeSchema) throws -> Firm {
        var firm = Firm(name: "")
        try firm.apply(input, schema: schema)
        return firm
    }

    /// Applies typed input. A field left nil stays as it is; an empty text clears it.
    public mutating func apply(_ input: FirmInput, schema: AttributeSchema) throws {
        var errors = ValidationErrors()
        for (field, text) in [("name", input.name), ("street", input.street), ("city", input.city), ("zip", input.zip), ("country", input.country),
                              ("phone", input.phone), ("web", input.web)] {
            errors.capture { try PlainText.check(text, field: field) }
        }
        try errors.throwIfAny()
        if let name = input.name {
            let trimmed = name.trimmingSpaces
            if trimmed.isEmpty { errors.add(field: "name", "a firm needs a name") } else { self.name = trimmed }
        } else if self.name.isEmpty {
            errors.add(field: "name", "a firm needs a name")
        }
        errors.capture { if let text = input.ico { ico = try text.trimmingSpaces.isEmpty ? nil : ICO(text) } }
        errors.capture { if let text = input.dic { dic = try text.trimmingSpaces.isEmpty ? nil : DIC(text) } }
        errors.capture { if let list = input.roles { roles = try Role.parseList(list.joined(separator: "|")) } }
        if let street = input.street { address.street = Optional(street).nonBlank }
        if let city = input.city { address.city = Optional(city).nonBlank }
        if let country = input.country { address.country = Country(country) }
        errors.capture {
            let zip = input.zip ?? (input.country != nil ? address.zip : nil)
            if let zip { address.zip = try Optional(zip).nonBlank.map { try PostalCode.normalize($0, country: address.country) } }
        }
        errors.capture { if let text = input.email { email = try Optional(text).nonBlank.map { try EmailAddress($0) } } }
        errors.capture { if let text = input.phone { phone = try Optional(text).nonBlank.map { try PhoneNumber.normalize($0) } } }
        if let web = input.web { self.web = Optional(web).nonBlank }
        if let note = input.note { self.note = Optional(note).nonBlank }
        errors.capture { try AttributeAssignment.apply(input.attributes, on: .firm, schema: schema, to: &attributes) }
        try errors.throwIfAny()
    }
}

/// Typed-in firm fields (from options or a CSV row): nil means "not given".
public struct FirmInput: Sendable {
    public var name, ico, dic, street, city, zip, country, email, phone, web, note: String?
    public var roles: [String]?
    public var attributes: [AttributeAssignment]

    public init(name: String? = nil, ico: String? = nil, dic: String? = nil, roles: [String]? = nil,
                street: String? = nil, city: String? = nil, zip: String? = nil, country: String? = nil,
                email: String? = nil, phone: String? = nil, web: String? = nil, note: String? = nil,
                attributes: [AttributeAssignment] = []) {
        self.name = name; self.ico = ico; self.dic = dic; self.roles = roles; self.street = street; self.city = city
        self.zip = zip; self.country = country; self.email = email; self.phone = phone; self.web = web; self.note = note
        self.attributes = attributes
    }
}
