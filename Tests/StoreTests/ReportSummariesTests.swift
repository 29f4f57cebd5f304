// The report summaries are kept by triggers; after any mix of insertions, updates, deletions
// and a change of the success class, and after a firm's whole history is deleted, they must
// equal what a recomputation from the log gives.

import CRM
import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct ReportSummariesTests {
    /// The summaries as the triggers left them, and as the contacts say they should be.
    private func stored(_ db: Database) throws -> (tally: [[String]], lanes: [[String]]) {
        let tally = try Row.fetchAll(db, sql: "SELECT * FROM contact_tally ORDER BY 1, 2, 3, 4, 5, 6").map { Array($0.databaseValues.map(\.description)) }
        let lanes = try Row.fetchAll(db, sql: "SELECT * FROM deal_progress ORDER BY 1, 2").map { Array($0.databaseValues.map(\.description)) }
        return (tally, lanes)
    }

    private func recomputed(_ db: Database) throws -> (tally: [[String]], lanes: [[String]]) {
        let tally = try Row.fetchAll(db, sql: """
            SELECT substr(date, 1, 10), referent, kind, status, coalesce(result, ''), done_at IS NULL, count(*)
            FROM contact GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
            """).map { Array($0.databaseValues.map(\.description)) }
        let success = "(SELECT code FROM code_value WHERE list = 'result' AND outcome = 'success')"
        let lanes = try Row.fetchAll(db, sql: """
            SELECT firm_id, referent, min(CAST(julianday(substr(date, 1, 10)) AS INTEGER)), min(CASE WHEN result IN \(success) THEN CAST(julianday(substr(date, 1, 10)) AS INTEGER) END),
                   count(CASE WHEN result IN \(success) THEN 1 END), count(*)
            FROM contact WHERE status = 'contact' GROUP BY 1, 2 ORDER BY 1, 2
            """).map { Array($0.databaseValues.map(\.description)) }
        return (tally, lanes)
    }

    @Test func triggersKeepTheSummariesEqualToTheLog() throws {
        let database = try temporaryDatabase()
        var random = SeededRandom(seed: 7)
        try database.write { db in
            try Referents.add(Referent(code: "kral", name: "Petr Král"), db: db)
            let schema = try AttributeDefinitions.schema(db: db)
            let firms = try (0..<4).map { try Firms.insert(Firm(name: "Firma \($0)"), schema: schema, db: db) }
            let results: [String?] = [nil, "promise", "contract", "order", "no-interest", "price"]
            for step in 0..<1_000 {
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM contact")
                let day = String(format: "2026-%02d-%02dT10:00", 1 + random.below(6), 1 + random.below(28))
                switch (ids.isEmpty ? 0 : random.below(10)) {
                case 0..<6:
                    let task = random.below(5) == 0
                    try db.execute(sql: """
                        INSERT INTO contact(firm_id, date, status, done_at, kind, referent, result, text, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'x', '', '')
                        """, arguments: [random.pick(firms), day, task ? "task" : "contact", task && random.below(2) == 0 ? day : nil,
                                         random.pick(["call", "meeting", "email"]), random.pick(["novak", "kral"]), task ? nil : random.pick(results)])
                case 6..<9:
                    let column = random.pick(["date", "referent", "result", "status", "firm_id", "done_at", "kind"])
                    let value: DatabaseValue = switch column {
                    case "date": day.databaseValue
                    case "referent": random.pick(["novak", "kral"]).databaseValue
                    case "result": (random.pick(results) ?? "").isEmpty ? .null : random.pick(["contract", "price"]).databaseValue
                    case "status": random.pick(["contact", "task"]).databaseValue
                    case "firm_id": random.pick(firms).databaseValue
                    case "done_at": random.below(2) == 0 ? .null : day.databaseValue
                    default: random.pick(["call", "meeting"]).databaseValue
                    }
                    try db.execute(sql: "UPDATE contact SET \(column) = ? WHERE id = ?", arguments: [value, random.pick(ids)])
                default:
                    try db.execute(sql: "DELETE FROM contact WHERE id = ?", arguments: [random.pick(ids)])
                }
                if step == 500 {
                    // "price" becomes a success, "order" stops being one: every lane is rebuilt.
                    try db.execute(sql: "UPDATE code_value SET outcome = 'success' WHERE list = 'result' AND code = 'price'")
                    try db.execute(sql: "UPDATE code_value SET outcome = 'open' WHERE list = 'result' AND code = 'order'")
                }
                if step % 25 == 24 {
                    let (storedNow, expected) = (try stored(db), try recomputed(db))
                    #expect(storedNow.tally == expected.tally, "tally after step \(step)")
                    #expect(storedNow.lanes == expected.lanes, "lanes after step \(step)")
                }
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM deal_progress WHERE first_deal IS NOT NULL")! > 0)
            // A firm's whole history at once, as a forced removal deletes it: in date order, so
            // each deletion takes away its lane's first contact.
            try db.execute(sql: "DELETE FROM contact WHERE firm_id = ?", arguments: [firms[0]])
            let (afterRemoval, expected) = (try stored(db), try recomputed(db))
            #expect(afterRemoval.tally == expected.tally && afterRemoval.lanes == expected.lanes)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM contact_tally WHERE n <= 0") == 0)
        }
    }
}
