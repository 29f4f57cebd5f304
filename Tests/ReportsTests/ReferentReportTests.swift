// `report referents` on a fixture database whose every figure was counted by hand.

import CRM
import Foundation
import GRDB
import Store
import Testing
@testable import Reports

@Suite struct ReferentReportTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-reports-\(UUID().uuidString)")
    let today = CivilDate(year: 2026, month: 11, day: 29)!

    /// Firm 1 (customer) and firm 2 (prospect). novak: three visits (a contract, a refusal, none),
    /// a call, an e-mail, a letter, an overdue open task, a future open task and a done one.
    /// svobodova: one visit with an open result. dvorak: nothing at all.
    func fixture() throws -> KontaktDatabase {
        try FixtureDatabase.make(in: folder, referents: [("novak", "Jan Novák"), ("svobodova", "Eva Svobodová"), ("dvorak", "Petr Dvořák")]) { db in
            let schema = try AttributeDefinitions.schema(db: db)
            let a = try Firms.insert(Firm(name: "Alfa", roles: [.customer]), schema: schema, db: db)
            let b = try Firms.insert(Firm(name: "Beta", roles: [.prospect]), schema: schema, db: db)
            func add(_ firm: Int64, _ date: String, _ kind: String, _ referent: String, result: String? = nil, status: ContactStatus = .contact,
                     done: String? = nil) throws {
                try Contacts.record(Contact(firmId: firm, date: try ContactDate(parsing: date), status: status,
                                            doneAt: try done.map { try ContactDate(parsing: $0) }, kind: kind, referent: referent, result: result,
                                            text: "x"), db: db)
            }
            try add(a, "2026-01-10", "meeting", "novak", result: "contract")
            try add(a, "2026-02-01 09:30", "meeting", "novak", result: "no-interest")
            try add(b, "2026-03-01", "meeting", "novak")
            try add(a, "2026-03-05", "call", "novak")
            try add(a, "2026-03-06", "email", "novak")
            try add(b, "2026-03-07", "letter", "novak")
            try add(a, "2026-01-01", "task", "novak", status: .task)
            try add(b, "2026-12-31", "task", "novak", status: .task)
            try add(a, "2026-02-02", "task", "novak", status: .task, done: "2026-02-03")
            try add(b, "2026-04-01", "meeting", "svobodova", result: "offer")
        }
    }

    @Test func everyFigureAsCountedByHand() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try fixture()
        let rows = try database.read { db in try ReferentReport.rows(scope: ReportScope(today: today), db: db) }
        #expect(rows.map(\.referent) == ["dvorak", "novak", "svobodova"])
        let dvorak = rows[0], novak = rows[1], svobodova = rows[2]
        #expect(dvorak.visits == 0 && dvorak.contacts == 0 && dvorak.successRate == nil && dvorak.openTasks == 0)
        #expect(novak.visits == 3 && novak.successes == 1 && novak.failures == 1 && novak.withoutResult == 1 && novak.openResults == 0)
        #expect(novak.successRate == 1.0 / 3.0)
        #expect(novak.contacts == 6 && novak.contactsByKind == ["meeting": 3, "call": 1, "email": 1, "letter": 1])
        #expect(novak.emails == 1 && novak.letters == 1 && novak.openTasks == 2 && novak.overdueTasks == 1)
        #expect(svobodova.visits == 1 && svobodova.openResults == 1 && svobodova.successRate == 0)
    }

    @Test func aPeriodAndASegmentNarrowTheCount() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try fixture()
        let period = try database.read { db in
            try ReferentReport.rows(scope: ReportScope(from: CivilDate(year: 2026, month: 2, day: 1), to: CivilDate(year: 2026, month: 3, day: 5), today: today), db: db)
        }
        let novak = try #require(period.first { $0.referent == "novak" })
        // 1 Feb (the refusal, at 9:30 — dates compare by day) and 1 Mar (no result); the call on 5 Mar; the done task on 2 Feb is no open task.
        #expect(novak.visits == 2 && novak.failures == 1 && novak.withoutResult == 1 && novak.contacts == 3 && novak.openTasks == 0)
        let customers = try database.read { db in
            let filter = RowFilter(entity: .firm, condition: "f.is_customer = 1", arguments: [], readsEntity: true, readsValues: false)
            return try ReferentReport.rows(scope: ReportScope(firms: filter, today: today), db: db)
        }
        let onlyAlfa = try #require(customers.first { $0.referent == "novak" })
        #expect(onlyAlfa.visits == 2 && onlyAlfa.successes == 1 && onlyAlfa.contacts == 4 && onlyAlfa.letters == 0 && onlyAlfa.openTasks == 1)
        #expect(customers.first { $0.referent == "svobodova" }?.visits == 0)
    }
}
