// What names and values an expression may use: the attribute definitions and code lists in
// force, and the referents.

import CRM
import GRDB
import Store

public struct Vocabulary: Sendable {
    public let schema: AttributeSchema
    /// Referent codes.
    public let referents: [String]
    /// Each owner's fields by folded name, built once: every name in an expression is looked up.
    private let fieldsByOwner: [Owner: [Field]]
    private let fieldsByName: [Owner: [String: Field]]

    public init(schema: AttributeSchema, referents: [String]) {
        self.schema = schema; self.referents = referents
        var fieldsByOwner: [Owner: [Field]] = [:]
        var fieldsByName: [Owner: [String: Field]] = [:]
        for owner in [Owner.person, .firm, .contact] {
            let fields = Vocabulary.fields(of: owner, schema: schema)
            fieldsByOwner[owner] = fields
            fieldsByName[owner] = Dictionary(fields.map { (Folding.fold($0.name), $0) }, uniquingKeysWith: { first, _ in first })
        }
        self.fieldsByOwner = fieldsByOwner
        self.fieldsByName = fieldsByName
    }

    /// The vocabulary of a database, read once per command.
    public static func load(db: Database) throws -> Vocabulary {
        Vocabulary(schema: try AttributeDefinitions.schema(db: db), referents: try Referents.all(db: db).map(\.code))
    }

    /// The built-in fields and attributes of an owner.
    func fields(of owner: Owner) -> [Field] { fieldsByOwner[owner] ?? [] }

    func field(named name: String, of owner: Owner) -> Field? { fieldsByName[owner]?[Folding.fold(name)] }

    private static func fields(of owner: Owner, schema: AttributeSchema) -> [Field] {
        var fields = BuiltInFields.fields(of: owner)
        let entity: EntityKind
        switch owner {
        case .person: entity = .person
        case .firm: entity = .firm
        case .contact: return fields
        }
        for definition in schema.definitions(on: entity) {
            guard let id = definition.id, !fields.contains(where: { Folding.fold($0.name) == Folding.fold(definition.name) }) else { continue }
            let type: FieldType
            if let list = definition.codeList {
                type = .code(list: list, valueType: definition.type)
            } else {
                switch definition.type {
                case .text: type = .text
                case .number: type = .number
                case .date: type = .date
                }
            }
            fields.append(Field(name: definition.name, owner: owner, type: type, storage: .attribute(id: id)))
        }
        return fields
    }
}
