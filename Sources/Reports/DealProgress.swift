// The firms' roads to their deals, read from the `deal_progress` summary (one row per firm and
// referent, kept by triggers): per lane the first contact and the first deal, per firm the
// earliest of its lanes.

import CRM
import GRDB
import Store

/// One firm's progress over all its referents; days are the summary's Julian day numbers.
struct FirmProgress {
    let firmId: Int64
    var firstContact: Int
    var firstDeal: Int?
    var deals: Int
    var lanes: [Lane]

    struct Lane {
        let referent: String
        let firstContact: Int
        let firstDeal: Int?
    }

    /// Days from the first contact to the first deal, if there was one.
    var daysToDeal: Int? { firstDeal.map { $0 - firstContact } }
}

enum DealProgress {
    /// Calls `body` once per firm with contacts in the scope's firms, in firm id order. The period
    /// is not applied here: each report decides what it means for it.
    /// - Parameter lanes: false leaves each firm's lanes empty, for reports that need the firm only.
    static func forEachFirm(scope: ReportScope, lanes: Bool = true, db: Database, _ body: (FirmProgress) throws -> Void) throws {
        var filter = ""
        var arguments: [DatabaseValue] = []
        if let firms = scope.firms { filter = " WHERE d.firm_id IN (\(firms.idQuery))"; arguments = firms.allArguments }
        let statement = try db.makeStatement(sql: """
            SELECT d.firm_id, d.first_contact, d.first_deal, d.deals\(lanes ? ", d.referent" : "") FROM deal_progress d\(filter) ORDER BY d.firm_id
            """)
        let cursor = try Row.fetchCursor(statement, arguments: StatementArguments(arguments))
        var current: FirmProgress?
        while let row = try cursor.next() {
            let firmId: Int64 = row[0]
            let firstContact: Int = row[1], firstDeal: Int? = row[2], deals: Int = row[3]
            if current?.firmId == firmId {
                current!.firstContact = min(current!.firstContact, firstContact)
                if let deal = firstDeal { current!.firstDeal = min(current!.firstDeal ?? deal, deal) }
                current!.deals += deals
            } else {
                if let done = current { try body(done) }
                current = FirmProgress(firmId: firmId, firstContact: firstContact, firstDeal: firstDeal, deals: deals, lanes: [])
            }
            if lanes { current!.lanes.append(FirmProgress.Lane(referent: row[4], firstContact: firstContact, firstDeal: firstDeal)) }
        }
        if let done = current { try body(done) }
    }

    /// The summary's day number of a date: SQLite's Julian day of its midnight, cut to an integer.
    static func julianDay(_ date: CivilDate) -> Int { date.dayNumber - epoch.dayNumber + 2_440_587 }

    private static let epoch = CivilDate(year: 1970, month: 1, day: 1)!
}

extension ReportScope {
    /// The period as the summary's day numbers, open ends as the extremes.
    var dayRange: ClosedRange<Int> { (from.map(DealProgress.julianDay) ?? Int.min)...(to.map(DealProgress.julianDay) ?? Int.max) }
}
