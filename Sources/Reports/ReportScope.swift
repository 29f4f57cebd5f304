// Which contacts and firms a report counts: a period and the firms of a segment.

import CRM
import GRDB
import Store

public struct ReportScope: Sendable {
    /// Inclusive days; nil leaves that end open.
    public var from: CivilDate?
    public var to: CivilDate?
    /// Only the contacts of these firms (a firm filter); nil counts every firm.
    public var firms: RowFilter?
    /// Overdue means: an open task dated before this day.
    public var today: CivilDate

    public init(from: CivilDate? = nil, to: CivilDate? = nil, firms: RowFilter? = nil, today: CivilDate) {
        self.from = from; self.to = to; self.firms = firms; self.today = today
    }

    /// `AND …` conditions putting the text column `day` (YYYY-MM-DD…) in the period.
    func period(on day: String) -> (sql: String, arguments: [DatabaseValue]) {
        var sql = ""
        var arguments: [DatabaseValue] = []
        if let from { sql += " AND \(day) >= ?"; arguments.append(from.iso.databaseValue) }
        if let to { sql += " AND \(day) <= ?"; arguments.append(to.iso.databaseValue) }
        return (sql, arguments)
    }

    /// The contacts in scope counted by day, referent, kind, status, result ('' for none) and
    /// openness, as a subquery with a count `n` per row. Without a firm filter it reads the
    /// running tally (a few hundred thousand rows for millions of contacts); with one, the
    /// selected firms' contacts through the firm index.
    func tally() -> (sql: String, arguments: [DatabaseValue]) {
        guard let firms else {
            let (period, arguments) = period(on: "day")
            return ("SELECT day, referent, kind, status, result, open, n FROM contact_tally WHERE 1 = 1\(period)", arguments)
        }
        let (period, arguments) = period(on: "substr(c.date, 1, 10)")
        return ("""
            SELECT substr(c.date, 1, 10) AS day, c.referent, c.kind, c.status, coalesce(c.result, '') AS result, c.done_at IS NULL AS open, 1 AS n
            FROM contact c WHERE c.firm_id IN (\(firms.idQuery))\(period)
            """, firms.allArguments + arguments)
    }
}
