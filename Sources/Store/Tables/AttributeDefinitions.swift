// User-defined attribute definitions, and the schema (definitions + code lists) they form.

import CRM
import GRDB

public enum AttributeDefinitions {
    @discardableResult
    public static func define(_ definition: AttributeDefinition, db: Database) throws -> Int64 {
        try AttributeDefinition.validateName(definition.name)
        if let list = definition.codeList {
            let names = try String.fetchAll(db, sql: "SELECT name FROM code_list")
            guard names.contains(list) else {
                throw StoreError.notFound(entity: "code list", id: "\"\(list)\"\(NearestMatch.hint(for: list, among: names)); create it first with `kontakt codelist add \(list)`")
            }
        }
        let existing = try all(db: db).filter { $0.entity == definition.entity }
        if existing.contains(where: { Folding.fold($0.name) == Folding.fold(definition.name) }) {
            throw StoreError.conflict("the \(definition.entity.rawValue) attribute \"\(definition.name)\" is defined already")
        }
        try db.execute(sql: "INSERT INTO attribute_definition(name, entity, type, code_list, label) VALUES (?, ?, ?, ?, ?)",
                       arguments: [definition.name, definition.entity.rawValue, definition.type.rawValue, definition.codeList, definition.label])
        var stored = definition
        stored.id = db.lastInsertedRowID
        try AttributeValues.addColumn(for: stored, db: db)
        return stored.id!
    }

    public static func all(db: Database) throws -> [AttributeDefinition] {
        try Row.fetchAll(db, sql: "SELECT id, name, entity, type, code_list, label FROM attribute_definition ORDER BY entity, name").map { row in
            AttributeDefinition(id: row[0], name: row[1], entity: EntityKind(rawValue: row[2])!, type: AttributeType(rawValue: row[3])!,
                                codeList: row[4], label: row[5])
        }
    }

    /// The definitions and code lists in force, loaded once per command.
    public static func schema(db: Database) throws -> AttributeSchema {
        AttributeSchema(definitions: try all(db: db), codeBook: try CodeLists.codeBook(db: db))
    }
}
