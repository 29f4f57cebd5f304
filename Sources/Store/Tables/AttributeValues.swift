// Attribute values of firms and persons: one row per (owner, attribute), typed by SQLite's
// storage class so comparisons in segment queries are numeric for numbers and ISO-textual for dates.

import CRM
import GRDB

struct AttributeValues {
    let table: String
    let ownerColumn: String
    let entity: EntityKind

    static let firm = AttributeValues(table: "firm_attribute", ownerColumn: "firm_id", entity: .firm)
    static let person = AttributeValues(table: "person_attribute", ownerColumn: "person_id", entity: .person)

    /// Replaces an owner's values with `values`.
    func replace(owner: Int64, values: [String: AttributeValue], schema: AttributeSchema, db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM \(table) WHERE \(ownerColumn) = ?").execute(arguments: [owner])
        try insert(owner: owner, values: values, schema: schema, db: db)
    }

    func insert(owner: Int64, values: [String: AttributeValue], schema: AttributeSchema, db: Database) throws {
        guard !values.isEmpty else { return }
        let rows = try AttributeRows(self, schema: schema, db: db, groupSize: 1)
        try rows.add(owner: owner, values: values)
        try rows.rows.flush()
    }

    func fetch(owner: Int64, schema: AttributeSchema, db: Database) throws -> [String: AttributeValue] {
        let decoder = AttributeDecoder(schema: schema, entity: entity)
        var values: [String: AttributeValue] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT attribute_id, value FROM \(table) WHERE \(ownerColumn) = ?"), arguments: [owner])
        while let row = try rows.next() {
            if let (name, value) = decoder.decode(attributeId: row[0], value: row[1]) { values[name] = value }
        }
        return values
    }

    /// Whole numbers are stored as INTEGER so they print without a fraction in SQL output too.
    static func databaseValue(_ value: AttributeValue) -> DatabaseValue {
        switch value {
        case .text(let text): return text.databaseValue
        case .number(let number):
            if number.rounded() == number, abs(number) < 9e15 { return Int64(number).databaseValue }
            return number.databaseValue
        case .date(let date): return date.iso.databaseValue
        }
    }
}

/// Queues attribute values for a `BatchedInsert`, resolving attribute names to ids.
struct AttributeRows {
    let rows: BatchedInsert
    private let schema: AttributeSchema
    private let entity: EntityKind

    init(_ values: AttributeValues, schema: AttributeSchema, db: Database, groupSize: Int) throws {
        rows = try BatchedInsert(db: db, table: values.table, columns: [values.ownerColumn, "attribute_id", "value"], groupSize: groupSize)
        self.schema = schema
        entity = values.entity
    }

    func add(owner: Int64, values: [String: AttributeValue]) throws {
        for (name, value) in values {
            rows.add([owner.databaseValue, try schema.definition(named: name, on: entity).id.databaseValue, AttributeValues.databaseValue(value)])
        }
    }
}

/// Turns stored (attribute id, value) pairs back into named, typed values.
struct AttributeDecoder {
    private let definitions: [Int64: AttributeDefinition]

    init(schema: AttributeSchema, entity: EntityKind) {
        definitions = Dictionary(uniqueKeysWithValues: schema.definitions(on: entity).compactMap { d in d.id.map { ($0, d) } })
    }

    func decode(attributeId: Int64, value: DatabaseValue) -> (String, AttributeValue)? {
        guard let definition = definitions[attributeId] else { return nil }
        switch (definition.type, value.storage) {
        case (.number, .int64(let number)): return (definition.name, .number(Double(number)))
        case (.number, .double(let number)): return (definition.name, .number(number))
        case (.date, .string(let text)):
            guard let date = try? CivilDate(parsing: text) else { return (definition.name, .text(text)) }
            return (definition.name, .date(date))
        case (_, .string(let text)): return (definition.name, .text(text))
        case (_, .int64(let number)): return (definition.name, .text(String(number)))
        case (_, .double(let number)): return (definition.name, .text(NumberText.plain(number)))
        default: return nil
        }
    }
}
