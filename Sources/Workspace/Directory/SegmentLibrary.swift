// Segments for the workspace: the saved ones (the firm list's saved views, `kontakt segment
// save|list|show|remove`), a checked count of an expression and a preview of its first matches,
// with the checker's error and its position when it does not check.

import CRM
import GRDB
import Segmentation
import Store

public struct SegmentCount: Sendable, Equatable {
    public let target: EntityKind
    public let count: CappedCount
}

/// The first matches of a segment: persons with their firm's name, or firms.
public struct SegmentPreview: Sendable {
    public let target: EntityKind
    public let persons: [PersonListing]
    public let firms: [Firm]
    /// How many match in all, counted to the cap.
    public let count: CappedCount
}

public enum SegmentMatch: Sendable {
    case person(PersonListing)
    case firm(Firm)
}

/// A saved segment checked again now, with its count and the SQL it compiles to.
public struct SavedSegmentReport: Sendable {
    public let saved: SavedSegment
    public let count: Int
    public let sql: String
}

extension Workspace {
    public var segments: SegmentLibrary { SegmentLibrary(workspace: self) }

    public struct SegmentLibrary: Sendable {
        let workspace: Workspace

        public func saved() throws -> [SavedSegment] {
            try workspace.database.read { db in try SavedSegments.all(db: db) }
        }

        /// How many persons or firms a segment selects, counting at most to the cap.
        public func count(_ choice: SegmentChoice, defaultTarget: EntityKind = .person) throws -> SegmentCount {
            try reading(choice, defaultTarget) { segment, db in SegmentCount(target: segment.target, count: try Self.cappedCount(segment, db: db)) }
        }

        /// The exact number of matches (the command line counts them all).
        public func exactCount(_ choice: SegmentChoice, defaultTarget: EntityKind = .person) throws -> (target: EntityKind, count: Int) {
            try reading(choice, defaultTarget) { segment, db in (segment.target, try segment.count(db: db)) }
        }

        /// The first `limit` matches in Czech order and the capped count, for a page.
        public func preview(_ choice: SegmentChoice, defaultTarget: EntityKind = .person, limit: Int) throws -> SegmentPreview {
            var persons: [PersonListing] = []
            var firms: [Firm] = []
            let (target, count) = try forEachMatch(choice, defaultTarget: defaultTarget, limit: limit) { match in
                switch match {
                case .person(let listing): persons.append(listing)
                case .firm(let firm): firms.append(firm)
                }
            } counting: { segment, db in try Self.cappedCount(segment, db: db) }
            return SegmentPreview(target: target, persons: persons, firms: firms, count: count)
        }

        /// Streams the first `limit` matches (all when nil) in Czech order, in one read with the
        /// count `counting` makes, so the rows and the total agree; the command line prints
        /// a million rows this way without holding them.
        public func forEachMatch<Count>(_ choice: SegmentChoice, defaultTarget: EntityKind = .person, limit: Int?,
                                        _ body: (SegmentMatch) throws -> Void,
                                        counting: (Segment, Database) throws -> Count) throws -> (target: EntityKind, count: Count) {
            try reading(choice, defaultTarget) { segment, db in
                let schema = segment.vocabulary.schema
                switch segment.target {
                case .person: try Persons.forEach(filter: segment.filter, limit: limit, schema: schema, db: db) { try body(.person($0)) }
                case .firm: try Firms.forEach(filter: segment.filter, limit: limit, schema: schema, db: db) { try body(.firm($0)) }
                }
                return (segment.target, try counting(segment, db))
            }
        }

        /// Checks the expression and saves it (over one of the same name with `replace`);
        /// answers how many it selects today.
        @discardableResult
        public func save(name: String, expression: String, target: EntityKind, replace: Bool, by principal: Principal) throws -> Int {
            try save(name: name, expression: expression, target: target, original: replace ? name : nil, by: principal)
        }

        /// A saved segment, checked again against today's attributes and code lists.
        public func show(name: String) throws -> SavedSegmentReport {
            let today = workspace.clock().date
            return try workspace.database.read { db in
                let saved = try SavedSegments.fetch(name: name, db: db)
                let segment = try workspace.segment(.saved(saved.name), defaultTarget: saved.target, today: today, db: db)
                return SavedSegmentReport(saved: saved, count: try segment.count(db: db), sql: segment.sqlDescription)
            }
        }

        public func remove(name: String, by principal: Principal) throws {
            try Policy.check(.manageSegments, principal)
            try workspace.database.write { db in
                try SavedSegments.remove(name: name, db: db)
                try AuditLog.append([AuditTrail.entry("remove", entity: "segment", id: nil, actor: principal.auditName, field: name, value: nil)], db: db)
            }
        }

        /// `body` with the checked segment, in one read.
        private func reading<T>(_ choice: SegmentChoice, _ defaultTarget: EntityKind, _ body: (Segment, Database) throws -> T) throws -> T {
            let today = workspace.clock().date
            return try workspace.database.read { db in try body(try workspace.segment(choice, defaultTarget: defaultTarget, today: today, db: db), db) }
        }

        static func cappedCount(_ segment: Segment, db: Database) throws -> CappedCount {
            let counted = try Selection.count(segment.filter(selecting: segment.target), entity: segment.target, cap: CappedCount.cap + 1, db: db)
            return CappedCount(value: min(counted, CappedCount.cap), isCapped: counted > CappedCount.cap)
        }
    }
}
