// User-defined attributes: their definitions, typed values, and the checking of typed input.

/// An attribute the user added to firms or persons (territory, industry, employees …).
public struct AttributeDefinition: Hashable, Sendable {
    public var id: Int64?
    public var name: String
    public var entity: EntityKind
    public var type: AttributeType
    /// When set, values must come from this code list.
    public var codeList: String?
    public var label: String

    public init(id: Int64? = nil, name: String, entity: EntityKind, type: AttributeType, codeList: String? = nil, label: String = "") {
        self.id = id; self.name = name; self.entity = entity; self.type = type; self.codeList = codeList; self.label = label
    }

    /// Attribute names are identifiers in the segmentation language: a letter, then letters,
    /// digits, `_` or `-`.
    public static func validateName(_ name: String) throws {
        guard let first = name.first, first.isLetter,
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
            throw ValidationError(field: "name", message: "\"\(name)\" cannot name an attribute: use a letter followed by letters, digits, _ or -")
        }
    }
}

/// A typed attribute value. Dates are calendar days; numbers are decimal.
public enum AttributeValue: Hashable, Sendable, CustomStringConvertible {
    case text(String)
    case number(Double)
    case date(CivilDate)

    public var description: String {
        switch self {
        case .text(let text): return text
        case .number(let number): return NumberText.plain(number)
        case .date(let date): return date.iso
        }
    }
}

/// The attribute definitions and code lists in force: checks `name=value` input against them.
public struct AttributeSchema: Sendable {
    public let definitions: [AttributeDefinition]
    public let codeBook: CodeBook

    /// Definitions by entity and exact name: imports look one up per cell.
    private let byName: [EntityKind: [String: AttributeDefinition]]

    public init(definitions: [AttributeDefinition], codeBook: CodeBook) {
        self.definitions = definitions
        self.codeBook = codeBook
        var byName: [EntityKind: [String: AttributeDefinition]] = [:]
        for definition in definitions { byName[definition.entity, default: [:]][definition.name] = definition }
        self.byName = byName
    }

    public func definitions(on entity: EntityKind) -> [AttributeDefinition] {
        definitions.filter { $0.entity == entity }
    }

    public func definition(named name: String, on entity: EntityKind) throws -> AttributeDefinition {
        if let exact = byName[entity]?[name] { return exact }
        let candidates = definitions(on: entity)
        if let folded = candidates.first(where: { Folding.fold($0.name) == Folding.fold(name) }) { return folded }
        let names = candidates.map(\.name)
        let known = names.isEmpty ? "no attributes are defined on \(entity.rawValue)s yet (kontakt attr define)" : "defined on \(entity.rawValue)s: \(names.joined(separator: ", "))"
        throw ValidationError(field: name, message: "there is no \(entity.rawValue) attribute \"\(name)\": \(known)\(NearestMatch.hint(for: name, among: names))")
    }

    /// Parses the raw text for an attribute. A code-list value may be typed as code or label
    /// and is stored as the code.
    public func value(for definition: AttributeDefinition, raw: String, field: String? = nil) throws -> AttributeValue {
        let field = field ?? definition.name
        let trimmed = raw.trimmingSpaces
        if let list = definition.codeList {
            let code = try codeBook.resolve(trimmed, in: list, field: field).code
            switch definition.type {
            case .text: return .text(code)
            case .number:
                guard let number = NumberText.parse(code) else {
                    throw ValidationError(field: field, message: "the code \"\(code)\" of list \"\(list)\" is not a number, but the attribute is numeric")
                }
                return .number(number)
            case .date: return .date(try CivilDate(parsing: code, field: field))
            }
        }
        switch definition.type {
        case .text:
            return .text(trimmed)
        case .number:
            guard let number = NumberText.parse(trimmed) else {
                throw ValidationError(field: field, message: "\"\(raw)\" is not a number: expected e.g. 1500, 1 500 or 1500,5")
            }
            return .number(number)
        case .date:
            return .date(try CivilDate(parsing: trimmed, field: field))
        }
    }
}
