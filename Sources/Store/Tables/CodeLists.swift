// Code lists and their values in the database.

import CRM
import GRDB

public enum CodeLists {
    /// Creates the default lists (kinds and results of contacts) unless they exist.
    public static func seedDefaults(db: Database) throws {
        for list in DefaultCodeLists.lists {
            try db.execute(sql: "INSERT OR IGNORE INTO code_list(name, label) VALUES (?, ?)", arguments: [list.name, list.label])
        }
        for value in DefaultCodeLists.values where try !exists(list: value.list, code: value.code, db: db) {
            try addValue(value, db: db)
        }
    }

    public static func addList(name: String, label: String, db: Database) throws {
        try AttributeDefinition.validateName(name)
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM code_list WHERE name = ?", arguments: [name]) == true {
            throw StoreError.conflict("the code list \"\(name)\" exists already")
        }
        try db.execute(sql: "INSERT INTO code_list(name, label) VALUES (?, ?)", arguments: [name, label])
    }

    public static func addValue(_ value: CodeValue, db: Database) throws {
        try Referent.validateCode(value.code)
        let names = try String.fetchAll(db, sql: "SELECT name FROM code_list ORDER BY name")
        guard names.contains(value.list) else {
            throw StoreError.notFound(entity: "code list", id: "\"\(value.list)\"\(NearestMatch.hint(for: value.list, among: names)); create it with `kontakt codelist add \(value.list)`")
        }
        if try exists(list: value.list, code: value.code, db: db) {
            throw StoreError.conflict("the code list \"\(value.list)\" has the code \"\(value.code)\" already")
        }
        let position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) + 1 FROM code_value WHERE list = ?", arguments: [value.list]) ?? 1
        try db.execute(sql: "INSERT INTO code_value(list, code, label, outcome, position) VALUES (?, ?, ?, ?, ?)",
                       arguments: [value.list, value.code, value.label.isEmpty ? value.code : value.label, value.outcome?.rawValue, position])
    }

    /// A new label or outcome class for a value; its code, which records hold, stays. A result's
    /// outcome is joined when reports are read, so every report follows at once.
    public static func editValue(list: String, code: String, label: String?, outcome: Outcome??, db: Database) throws {
        guard try exists(list: list, code: code, db: db) else {
            throw StoreError.notFound(entity: "value", id: "\"\(code)\" in the code list \"\(list)\"")
        }
        if let label {
            guard !label.trimmingSpaces.isEmpty else { throw ValidationError(field: "--label", message: "a value needs a label") }
            try db.execute(sql: "UPDATE code_value SET label = ? WHERE list = ? AND code = ?", arguments: [label, list, code])
        }
        if let outcome {
            try db.execute(sql: "UPDATE code_value SET outcome = ? WHERE list = ? AND code = ?", arguments: [outcome?.rawValue, list, code])
        }
    }

    /// Retires a value (or offers it again): records keep it, new input may not use it.
    public static func setRetired(_ retired: Bool, list: String, code: String, db: Database) throws {
        guard try exists(list: list, code: code, db: db) else {
            throw StoreError.notFound(entity: "value", id: "\"\(code)\" in the code list \"\(list)\"")
        }
        try db.execute(sql: "UPDATE code_value SET retired = ? WHERE list = ? AND code = ?", arguments: [retired, list, code])
    }

    static func exists(list: String, code: String, db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM code_value WHERE list = ? AND code = ?", arguments: [list, code]) == true
    }

    /// Every list with its values in their order.
    public static func codeBook(db: Database) throws -> CodeBook {
        let values = try Row.fetchAll(db, sql: "SELECT list, code, label, outcome, retired FROM code_value ORDER BY list, position").map { row in
            CodeValue(list: row[0], code: row[1], label: row[2], outcome: (row[3] as String?).flatMap(Outcome.init(rawValue:)), retired: row[4])
        }
        let names = try String.fetchAll(db, sql: "SELECT name FROM code_list ORDER BY name")
        return CodeBook(values: values, listNames: names)
    }

    public static func labels(db: Database) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT name, label FROM code_list").map { ($0[0], $0[1]) })
    }
}
