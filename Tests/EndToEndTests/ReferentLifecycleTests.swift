// A referent who leaves: deactivated in one command with their open tasks reassigned, their
// history and the report's figures unchanged, and no new work for them.

import Foundation
import Testing

@Suite struct ReferentLifecycleTests {
    @Test func aReferentWhoLeavesKeepsTheHistoryAndHandsOverOpenTasks() throws {
        let s = try Session()
        try s.ok("init")
        try s.ok("referent", "add", "KM", "--name", "Karel Malý")
        try s.ok("referent", "add", "horak", "--name", "Jan Horák")
        try s.ok("firm", "add", "Alfa s.r.o.", "--role", "customer")
        try s.ok("contact", "add", "--firm", "1", "--kind", "meeting", "--referent", "KM", "--text", "Schůzka", "--result", "contract", "--date", "2026-10-01")
        try s.ok("contact", "add", "--firm", "1", "--kind", "call", "--referent", "KM", "--text", "Telefonát", "--date", "2026-10-05",
                 "--next-date", "today + 7d", "--next-task", "Zavolat znovu")
        try s.ok("contact", "add", "--firm", "1", "--kind", "task", "--status", "task", "--referent", "KM", "--text", "Poslat katalog", "--date", "today + 2d")
        // Czech order, case aside: horak before KM.
        let listed = try s.ok("referent", "list")
        let horak = try #require(listed.range(of: "horak")), km = try #require(listed.range(of: "KM "))
        #expect(horak.lowerBound < km.lowerBound, "\(listed)")

        let before = try s.ok("report", "referents", "--format", "csv")
        let done = try s.ok("referent", "deactivate", "KM", "--reassign-to", "horak")
        #expect(done.contains("Deactivated referent KM. Gave 2 open task(s) to horak."), "\(done)")
        #expect(try s.sqlite("SELECT count(*) FROM contact WHERE referent = 'KM'") == "2")
        #expect(try s.sqlite("SELECT count(*) FROM contact WHERE referent = 'horak' AND status = 'task' AND done_at IS NULL") == "2")
        // Visits, results and contacts stay KM's; only the open tasks moved.
        let after = try s.ok("report", "referents", "--format", "csv")
        func rows(_ csv: String) -> [String: [String]] {
            Dictionary(uniqueKeysWithValues: csv.split(whereSeparator: \.isNewline).dropFirst().map { line in
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                return (cells[0], cells)
            })
        }
        let (old, new) = (rows(before), rows(after))
        #expect(old.count == 2 && old["KM"]?.dropLast(2) == new["KM"]?.dropLast(2) && old["horak"]?.dropLast(2) == new["horak"]?.dropLast(2), "\(before)\n\(after)")
        let openTasks = 18
        #expect(old["KM"]?[openTasks] == "2" && new["KM"]?[openTasks] == "0" && new["horak"]?[openTasks] == "2", "\(before)\n\(after)")
        #expect(try s.ok("referent", "list").contains("left"))

        let refused = try s.run("contact", "add", "--firm", "1", "--kind", "call", "--referent", "KM", "--text", "x")
        #expect(refused.status == 1 && refused.stderr.contains("referent KM (Karel Malý) has left"), "\(refused.stderr)")
        // Old contacts still show and can be edited without naming the referent again.
        try s.ok("contact", "edit", "1", "--text", "Schůzka u zákazníka")
        try s.ok("referent", "edit", "KM", "--name", "Karel Malý st.")
        try s.ok("referent", "activate", "KM")
        try s.ok("contact", "add", "--firm", "1", "--kind", "call", "--referent", "KM", "--text", "Zpět v týmu")
        let unknown = try s.run("referent", "deactivate", "nikdo")
        #expect(unknown.status == 1 && unknown.stderr.contains("known: horak, KM"), "\(unknown.stderr)")
    }
}
