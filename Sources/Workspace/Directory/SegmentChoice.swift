// A selection as a user gives it: an expression typed now, or the name of a saved segment,
// which is checked again at every use (attributes and code lists change after it was saved).

import CRM
import GRDB
import Segmentation
import Store

public enum SegmentChoice: Sendable, Equatable {
    case expression(String)
    case saved(String)

    /// The checked segment: an expression selects `defaultTarget`, a saved one its own target.
    public func segment(defaultTarget: EntityKind, today: CivilDate, db: Database) throws -> Segment {
        try segment(defaultTarget: defaultTarget, today: today, vocabulary: Vocabulary.load(db: db), db: db)
    }

    func segment(defaultTarget: EntityKind, today: CivilDate, vocabulary: Vocabulary, db: Database) throws -> Segment {
        switch self {
        case .expression(let expression):
            return try Segment(expression, target: defaultTarget, vocabulary: vocabulary, today: today)
        case .saved(let name):
            let saved = try SavedSegments.fetch(name: name, db: db)
            do {
                return try Segment(saved.expression, target: saved.target, vocabulary: vocabulary, today: today)
            } catch let error as SegmentError {
                throw SavedSegmentError(name: saved.name, underlying: error)
            }
        }
    }
}

/// A saved segment whose expression no longer checks.
public struct SavedSegmentError: Error, CustomStringConvertible {
    public let name: String
    public let underlying: SegmentError

    public var description: String {
        "the saved segment \"\(name)\" no longer checks against the attributes and code lists in force; fix it with `kontakt segment save \(name) EXPR --replace`:\n\(underlying)"
    }
}
