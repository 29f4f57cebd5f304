// `--where EXPR` and `--segment NAME`: choosing persons or firms with the segmentation language.

import ArgumentParser
import CRM
import GRDB
import Segmentation
import Store

struct SelectionOptions: ParsableArguments {
    @Option(name: .customLong("where"), help: ArgumentHelp("Only those matching a segment expression, e.g. 'territory = Morava and role = customer'.", valueName: "EXPR"))
    var expression: String?

    @Option(help: ArgumentHelp("Only those in a saved segment (checked again against today's attributes).", valueName: "NAME"))
    var segment: String?

    func validate() throws {
        if expression != nil && segment != nil { throw ArgumentParser.ValidationError("give --where or --segment, not both") }
    }

    /// The filter selecting `entity`, or nil when neither option is given.
    func filter(selecting entity: EntityKind, db: Database) throws -> RowFilter? {
        try chosenSegment(defaultTarget: entity, db: db)?.filter(selecting: entity)
    }

    /// The checked segment: `--where` on `defaultTarget`, or the saved one on its own target.
    func chosenSegment(defaultTarget: EntityKind, db: Database) throws -> Segment? {
        if let expression {
            return try Segment(expression, target: defaultTarget, vocabulary: try Vocabulary.load(db: db), today: LocalClock.now().date)
        }
        if let segment { return try SavedSegmentUse.load(segment, db: db) }
        return nil
    }
}

enum SavedSegmentUse {
    /// A saved segment, checked again: attributes and code lists may have changed since it was saved.
    static func load(_ name: String, db: Database) throws -> Segment {
        let saved = try SavedSegments.fetch(name: name, db: db)
        do {
            return try Segment(saved.expression, target: saved.target, vocabulary: try Vocabulary.load(db: db), today: LocalClock.now().date)
        } catch let error as SegmentError {
            throw SavedSegmentError(name: saved.name, underlying: error)
        }
    }
}

/// A saved segment whose expression no longer checks.
struct SavedSegmentError: Error, CustomStringConvertible {
    let name: String
    let underlying: SegmentError

    var description: String {
        "the saved segment \"\(name)\" no longer checks against the attributes and code lists in force; fix it with `kontakt segment save \(name) EXPR --replace`:\n\(underlying)"
    }
}
