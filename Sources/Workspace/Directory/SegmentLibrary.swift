// Segments for the workspace: the saved ones (the firm list's saved views) and a checked count
// of an expression, with the checker's error and its position when it does not check.

import CRM
import Store

public struct SegmentCount: Sendable, Equatable {
    public let target: EntityKind
    public let count: CappedCount
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
            let today = workspace.clock().date
            return try workspace.database.read { db in
                let segment = try choice.segment(defaultTarget: defaultTarget, today: today, db: db)
                let counted = try Selection.count(segment.filter(selecting: segment.target), entity: segment.target, cap: CappedCount.cap + 1, db: db)
                return SegmentCount(target: segment.target, count: CappedCount(value: min(counted, CappedCount.cap), isCapped: counted > CappedCount.cap))
            }
        }
    }
}
