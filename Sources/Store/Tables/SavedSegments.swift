// Saved segments: a name for an expression of the segmentation language and what it selects.

import CRM
import GRDB

/// A segment as stored. The expression is kept as the user typed it; the segmentation engine
/// checks it again each time it is used.
public struct SavedSegment: Equatable, Sendable {
    public var name: String
    public var target: EntityKind
    public var expression: String
    public var createdAt: String
    public var updatedAt: String

    public init(name: String, target: EntityKind, expression: String, createdAt: String = "", updatedAt: String = "") {
        self.name = name; self.target = target; self.expression = expression; self.createdAt = createdAt; self.updatedAt = updatedAt
    }

    /// Segment names are typed on the command line: a letter, then letters, digits, `_`, `-` or `.`.
    public static func validateName(_ name: String) throws {
        guard let first = name.first, first.isLetter, name.count <= 100,
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) else {
            throw ValidationError(field: "name", message: "\"\(name)\" cannot name a segment: use a letter followed by letters, digits, _, - or . (at most 100)")
        }
    }
}

public enum SavedSegments {
    /// Saves a new segment, or with `replace` overwrites one of the same name.
    public static func save(_ segment: SavedSegment, replace: Bool, db: Database) throws {
        try SavedSegment.validateName(segment.name)
        let now = Timestamp.now()
        if let existing = try fetchIfExists(name: segment.name, db: db) {
            guard replace else {
                throw StoreError.conflict("the segment \"\(existing.name)\" exists already; repeat with --replace to overwrite it")
            }
            try db.execute(sql: "UPDATE segment SET name = ?, target = ?, expression = ?, updated_at = ? WHERE name = ?",
                           arguments: [segment.name, segment.target.rawValue, segment.expression, now, existing.name])
        } else {
            try db.execute(sql: "INSERT INTO segment(name, target, expression, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [segment.name, segment.target.rawValue, segment.expression, now, now])
        }
    }

    public static func all(db: Database) throws -> [SavedSegment] {
        try Row.fetchAll(db, sql: "SELECT name, target, expression, created_at, updated_at FROM segment").map(decode).sorted(byCzech: \.name)
    }

    /// The segment of that name (letter case does not matter), or an error listing the saved ones.
    public static func fetch(name: String, db: Database) throws -> SavedSegment {
        if let segment = try fetchIfExists(name: name, db: db) { return segment }
        let names = try String.fetchAll(db, sql: "SELECT name FROM segment ORDER BY name")
        let known = names.isEmpty ? "no segments are saved yet (kontakt segment save NAME EXPR)" : "saved: \(names.joined(separator: ", "))"
        throw StoreError.unknownName("there is no segment \"\(name)\": \(known)\(NearestMatch.hint(for: name, among: names))")
    }

    /// Gives a saved segment another name; refused when the new name is taken by another.
    public static func rename(_ name: String, to newName: String, db: Database) throws {
        let segment = try fetch(name: name, db: db)
        let trimmed = newName.trimmingCharacters(in: .whitespaces)
        try SavedSegment.validateName(trimmed)
        if let other = try fetchIfExists(name: trimmed, db: db), other.name != segment.name {
            throw StoreError.conflict("a segment named \"\(other.name)\" exists already")
        }
        try db.execute(sql: "UPDATE segment SET name = ?, updated_at = ? WHERE name = ?", arguments: [trimmed, Timestamp.now(), segment.name])
    }

    public static func remove(name: String, db: Database) throws {
        let segment = try fetch(name: name, db: db)
        try db.execute(sql: "DELETE FROM segment WHERE name = ?", arguments: [segment.name])
    }

    private static func fetchIfExists(name: String, db: Database) throws -> SavedSegment? {
        try Row.fetchOne(db, sql: "SELECT name, target, expression, created_at, updated_at FROM segment WHERE name = ?", arguments: [name]).map(decode)
    }

    private static func decode(_ row: Row) -> SavedSegment {
        SavedSegment(name: row[0], target: EntityKind(rawValue: row[1]) ?? .person, expression: row[2], createdAt: row[3], updatedAt: row[4])
    }
}
