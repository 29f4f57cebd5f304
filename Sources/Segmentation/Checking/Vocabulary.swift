// What names and values an expression may use: the attribute definitions and code lists in
// force, and the referents.

import CRM
import GRDB
import Store

public struct Vocabulary: Sendable {
    public let schema: AttributeSchema
    /// Referent codes.
    public let referents: [String]

    public init(schema: AttributeSchema, referents: [String]) {
        self.schema = schema; self.referents = referents
    }

    /// The vocabulary of a database, read once per command.
    public static func load(db: Database) throws -> Vocabulary {
        Vocabulary(schema: try AttributeDefinitions.schema(db: db), referents: try Referents.all(db: db).map(\.code))
    }

    /// The built-in fields and attributes of an owner.
    func fields(of owner: Owner) -> [Field] {
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

    func field(named name: String, of owner: Owner) -> Field? {
        let key = Folding.fold(name)
        return fields(of: owner).first { Folding.fold($0.name) == key }
    }
}
