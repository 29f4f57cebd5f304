// `--where EXPR` and `--segment NAME`: choosing persons or firms with the segmentation language.

import Workspace
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
    /// The selection as the workspace takes it: `--where`, or `--segment`, or neither.
    var choice: SegmentChoice? { expression.map(SegmentChoice.expression) ?? segment.map(SegmentChoice.saved) }

    func filter(selecting entity: EntityKind, db: Database) throws -> RowFilter? {
        try chosenSegment(defaultTarget: entity, db: db)?.filter(selecting: entity)
    }

    /// The checked segment: `--where` on `defaultTarget`, or the saved one on its own target.
    func chosenSegment(defaultTarget: EntityKind, db: Database) throws -> Segment? {
        let choice: SegmentChoice? = expression.map(SegmentChoice.expression) ?? segment.map(SegmentChoice.saved)
        return try choice.map { try $0.segment(defaultTarget: defaultTarget, today: LocalClock.now().date, db: db) }
    }
}
