// The fields a segment can test: built-in columns of persons, firms and contacts, and the
// user's own attributes.

import CRM

/// Whose field it is.
enum Owner: Sendable {
    case person, firm, contact
}

/// What values a field holds, which decides the operators and values it accepts.
enum FieldType: Sendable, Equatable {
    case text
    case number
    case date
    /// Yes/no, usable bare: `emailConsent`.
    case boolean
    /// Values from a code list, typed as code or label; `valueType` is what the codes are.
    case code(list: String, valueType: AttributeType)
    /// The firm's roles (customer, prospect, supplier): a set, tested per role.
    case role
    case gender
    case status
    case outcome
    case referent
    case country
    /// A contact's date, stored with an optional time: compared by calendar day.
    case contactDate

    var described: String {
        switch self {
        case .text: return "text"
        case .number: return "a number"
        case .date: return "a date"
        case .boolean: return "yes/no"
        case .code(let list, _): return "a code of the list \"\(list)\""
        case .role: return "a role"
        case .gender: return "a gender"
        case .status: return "a contact status"
        case .outcome: return "an outcome class"
        case .referent: return "a referent"
        case .country: return "a country"
        case .contactDate: return "a date"
        }
    }
}

/// Where a field's values live.
enum Storage: Sendable, Equatable {
    /// A column of the owner's table (`p.email`, `f.city`, `c.kind`); `nullable` when it may be NULL.
    case column(String, nullable: Bool)
    /// A user-defined attribute: the column `a<id>` of `firm_values` / `person_values`.
    case attribute(id: Int64)
    /// The three role flags of a firm.
    case roles
    /// A contact's result, classed by the `outcome` of its code.
    case resultOutcome
}

/// A field resolved from a name in the expression.
struct Field: Sendable, Equatable {
    let name: String
    let owner: Owner
    let type: FieldType
    let storage: Storage
}

/// The built-in fields, by owner, with the names the language uses for them.
enum BuiltInFields {
    static let person: [Field] = [
        Field(name: "id", owner: .person, type: .number, storage: .column("p.id", nullable: false)),
        Field(name: "first", owner: .person, type: .text, storage: .column("p.first", nullable: false)),
        Field(name: "last", owner: .person, type: .text, storage: .column("p.last", nullable: false)),
        Field(name: "titleBefore", owner: .person, type: .text, storage: .column("p.title_before", nullable: true)),
        Field(name: "titleAfter", owner: .person, type: .text, storage: .column("p.title_after", nullable: true)),
        Field(name: "gender", owner: .person, type: .gender, storage: .column("p.gender", nullable: false)),
        Field(name: "function", owner: .person, type: .text, storage: .column("p.function", nullable: true)),
        Field(name: "email", owner: .person, type: .text, storage: .column("p.email", nullable: true)),
        Field(name: "phone", owner: .person, type: .text, storage: .column("p.phone", nullable: true)),
        Field(name: "mobile", owner: .person, type: .text, storage: .column("p.mobile", nullable: true)),
        Field(name: "note", owner: .person, type: .text, storage: .column("p.note", nullable: true)),
        Field(name: "emailConsent", owner: .person, type: .boolean, storage: .column("p.email_consent", nullable: false)),
    ]

    static let firm: [Field] = [
        Field(name: "id", owner: .firm, type: .number, storage: .column("f.id", nullable: false)),
        Field(name: "name", owner: .firm, type: .text, storage: .column("f.name", nullable: false)),
        Field(name: "ico", owner: .firm, type: .text, storage: .column("f.ico", nullable: true)),
        Field(name: "dic", owner: .firm, type: .text, storage: .column("f.dic", nullable: true)),
        Field(name: "role", owner: .firm, type: .role, storage: .roles),
        Field(name: "street", owner: .firm, type: .text, storage: .column("f.street", nullable: true)),
        Field(name: "city", owner: .firm, type: .text, storage: .column("f.city", nullable: true)),
        Field(name: "zip", owner: .firm, type: .text, storage: .column("f.zip", nullable: true)),
        Field(name: "country", owner: .firm, type: .country, storage: .column("f.country", nullable: false)),
        Field(name: "email", owner: .firm, type: .text, storage: .column("f.email", nullable: true)),
        Field(name: "phone", owner: .firm, type: .text, storage: .column("f.phone", nullable: true)),
        Field(name: "web", owner: .firm, type: .text, storage: .column("f.web", nullable: true)),
        Field(name: "note", owner: .firm, type: .text, storage: .column("f.note", nullable: true)),
    ]

    static let contact: [Field] = [
        Field(name: "kind", owner: .contact, type: .code(list: CodeListName.kind, valueType: .text), storage: .column("c.kind", nullable: false)),
        Field(name: "status", owner: .contact, type: .status, storage: .column("c.status", nullable: false)),
        Field(name: "result", owner: .contact, type: .code(list: CodeListName.result, valueType: .text), storage: .column("c.result", nullable: true)),
        Field(name: "outcome", owner: .contact, type: .outcome, storage: .resultOutcome),
        Field(name: "referent", owner: .contact, type: .referent, storage: .column("c.referent", nullable: false)),
        Field(name: "date", owner: .contact, type: .contactDate, storage: .column("c.date", nullable: false)),
        Field(name: "text", owner: .contact, type: .text, storage: .column("c.text", nullable: false)),
        Field(name: "note", owner: .contact, type: .text, storage: .column("c.note", nullable: true)),
    ]

    static func fields(of owner: Owner) -> [Field] {
        switch owner {
        case .person: return person
        case .firm: return firm
        case .contact: return contact
        }
    }
}
