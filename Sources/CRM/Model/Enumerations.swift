// The small closed vocabularies of the domain: roles of a firm, gender, outcome classes, statuses.

/// The roles a firm plays for us; a firm may hold any subset (a supplier can also be a customer).
public enum Role: String, CaseIterable, Sendable, Comparable {
    case customer, prospect, supplier

    public init(parsing text: String, field: String = "role") throws {
        let key = Folding.fold(text)
        let aliases: [String: Role] = ["zakaznik": .customer, "zajemce": .prospect, "dodavatel": .supplier]
        guard let role = Role(rawValue: key) ?? aliases[key] else {
            throw ValidationError(field: field, message: "\"\(text)\" is not a role: expected customer, prospect or supplier\(NearestMatch.hint(for: text, among: Role.allCases.map(\.rawValue)))")
        }
        self = role
    }

    /// Several roles in one field, separated by `|`, `,` or spaces (`customer|supplier`).
    public static func parseList(_ text: String, field: String = "roles") throws -> [Role] {
        let parts = text.split(whereSeparator: { $0 == "|" || $0 == "," || $0 == " " || $0 == ";" })
        return Array(Set(try parts.map { try Role(parsing: String($0), field: field) })).sorted()
    }

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public enum Gender: String, CaseIterable, Sendable {
    case male = "m", female = "f", unknown

    public init(parsing text: String, field: String = "gender") throws {
        switch Folding.fold(text) {
        case "m", "male", "man", "muz", "pan": self = .male
        case "f", "z", "female", "woman", "zena", "pani": self = .female
        case "", "u", "unknown", "?", "nezname": self = .unknown
        default:
            throw ValidationError(field: field, message: "\"\(text)\" is not a gender: expected m, f or unknown")
        }
    }
}

/// What a result means for the deal: the basis of every success-rate statistic.
public enum Outcome: String, CaseIterable, Sendable {
    case success, failure, open

    public init(parsing text: String, field: String = "outcome") throws {
        guard let outcome = Outcome(rawValue: Folding.fold(text)) else {
            throw ValidationError(field: field, message: "\"\(text)\" is not an outcome class: expected success, failure or open")
        }
        self = outcome
    }
}

/// A contact is either something that happened or a task to do (open until marked done).
public enum ContactStatus: String, CaseIterable, Sendable {
    case contact, task

    public init(parsing text: String, field: String = "status") throws {
        switch Folding.fold(text) {
        case "contact", "kontakt": self = .contact
        case "task", "ukol": self = .task
        default: throw ValidationError(field: field, message: "\"\(text)\" is not a status: expected contact or task")
        }
    }
}

/// Whether an attribute describes firms or persons.
public enum EntityKind: String, CaseIterable, Sendable {
    case firm, person
}

/// The value type of a user-defined attribute.
public enum AttributeType: String, CaseIterable, Sendable {
    case text, number, date
}
