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

    /// A new label, or another code list (or none: `codeList` `.some(nil)`). Binding a list is
    /// refused while stored values are not its codes, naming the first of them; the values, the
    /// segments and the reports that use the attribute are otherwise untouched.
    public static func edit(name: String, entity: EntityKind, label: String?, codeList: String??, db: Database) throws {
        let schema = try schema(db: db)
        let definition = try schema.definition(named: name, on: entity)
        if let label {
            guard !label.trimmingSpaces.isEmpty else { throw ValidationError(field: "--label", message: "an attribute needs a label") }
            try db.execute(sql: "UPDATE attribute_definition SET label = ? WHERE id = ?", arguments: [label, definition.id])
        }
        guard let codeList else { return }
        if let list = codeList {
            guard definition.type == .text else {
                throw ValidationError(field: "--codelist", message: "only a text attribute takes its values from a code list; \(name) is of type \(definition.type.rawValue)")
            }
            guard schema.codeBook.lists[list] != nil else {
                let names = schema.codeBook.lists.keys.sorted()
                throw StoreError.notFound(entity: "code list", id: "\"\(list)\"\(NearestMatch.hint(for: list, among: names)); create it first with `kontakt codelist add \(list)`")
            }
            let codes = Set(schema.codeBook.values(of: list).map(\.code))
            let column = AttributeValues.column(for: definition)
            let (table, owner) = entity == .firm ? ("firm_values", "firm_id") : ("person_values", "person_id")
            for row in try Row.fetchAll(db, sql: "SELECT \(owner), \(column) FROM \(table) WHERE \(column) IS NOT NULL ORDER BY \(owner)") {
                let value: String = row[1]
                guard codes.contains(value) else {
                    throw ValidationError(field: "--codelist", message: "\(entity.rawValue) \(row[0] as Int64) has \(name) \"\(value)\", which is not a code of \(list): add it to the list or change the value first")
                }
            }
        }
        try db.execute(sql: "UPDATE attribute_definition SET code_list = ? WHERE id = ?", arguments: [codeList ?? nil, definition.id])
    }

    public static func all(db: Database) throws -> [AttributeDefinition] {
        try Row.fetchAll(db, sql: "SELECT id, name, entity, type, code_list, label FROM attribute_definition ORDER BY entity, name").map { row in
            AttributeDefinition(id: row[0], name: row[1], entity: EntityKind(rawValue: row[2])!, type: AttributeType(rawValue: row[3])!,
                                codeList: row[4], label: row[5])
        }
    }

    /// The definitions and code lists in force, loaded once per command.
    /// The counter migration v10's triggers raise on every change of attribute definitions,
    /// code lists or referents.
    public static func catalogVersion(db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT version FROM catalog_version WHERE id = 1")) ?? 0
    }

    public static func schema(db: Database) throws -> AttributeSchema {
        AttributeSchema(definitions: try all(db: db), codeBook: try CodeLists.codeBook(db: db))
    }
}
