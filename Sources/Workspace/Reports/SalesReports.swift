// The sales statistics for both front ends: one report over a period and a selection of firms,
// as the table the command line writes as text, CSV, JSON or HTML (and the report pages will
// show), counted in one read so every number agrees with the others.

import CRM
import Reports
import Store

/// Which report, with its own options.
public enum SalesReport: Sendable {
    /// Visits and their results per referent; `visitKind` is the contact kind that counts.
    case referents(visitKind: String)
    case timeToDeal
    case lossReasons
    /// Success by a firm attribute; `sources` adds each group's share of all contracts.
    case conversion(ConversionOptions, sources: Bool)
}

/// The period and the firms a report counts.
public struct ReportRequest: Sendable {
    public var from: CivilDate?
    public var to: CivilDate?
    /// The firms whose contacts count (an expression or a saved segment; a segment over
    /// persons selects their firms); nil counts all.
    public var firms: SegmentChoice?

    public init(from: CivilDate? = nil, to: CivilDate? = nil, firms: SegmentChoice? = nil) {
        self.from = from; self.to = to; self.firms = firms
    }
}

extension Workspace {
    public func report(_ report: SalesReport, _ request: ReportRequest) throws -> (table: ReportTable, scope: ReportScope) {
        let today = clock().date
        return try database.read { db in
            let firms = try filter(request.firms, selecting: .firm, today: today, db: db)
            let scope = ReportScope(from: request.from, to: request.to, firms: firms, today: today)
            let table: ReportTable
            switch report {
            case .referents(let visitKind):
                table = ReferentReport.table(try ReferentReport.rows(scope: scope, visitKind: visitKind, db: db),
                                             kinds: try catalogCache.catalog(db).schema.codeBook.values(of: CodeListName.kind))
            case .timeToDeal: table = TimeToDealReport.table(try TimeToDealReport.compute(scope: scope, db: db))
            case .lossReasons: table = LossReasonsReport.table(try LossReasonsReport.compute(scope: scope, db: db))
            case .conversion(let options, let sources):
                table = ConversionReport.table(try ConversionReport.compute(options: options, scope: scope, db: db), contracts: sources)
            }
            return (table, scope)
        }
    }
}
