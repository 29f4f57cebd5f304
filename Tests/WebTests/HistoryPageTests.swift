// A firm's and a person's whole history as a page: every contact in time order with its words,
// a firm's road from the first contact to the deals, a period, the printable page to download.

import CRM
import Foundation
import HTTPTypes
import Testing
import Web
import Workspace
import WorkspaceFixtures

@Suite struct HistoryPageTests {
    @Test func theHistoryOfAFirmAndOfAPerson() async throws {
        let office = try Office()
        for (date, text, result) in [("2026-10-01", "První schůzka", ""), ("2026-11-15", "Smlouva podepsána", "contract")] {
            var input = ContactInput()
            input.kind = "meeting"; input.text = text; input.referent = "jn"; input.date = date
            input.result = result.isEmpty ? nil : result
            _ = try office.workspace.contacts.log(LogContact(personId: office.jana, fields: input), by: .localOperator)
        }
        try await withSite(office) { client in
            let jan = Browser(client)
            try await jan.logIn("jan")
            let firm = try await jan.get("/firms/\(office.skoda)")
            #expect(firm.body.contains(#"href="/firms/\#(office.skoda)/history""#))
            let history = try await jan.get("/firms/\(office.skoda)/history")
            #expect(history.status == .ok)
            let table = history.body.components(separatedBy: #"id="history""#).last ?? ""
            let first = try #require(table.range(of: "První schůzka")), second = try #require(table.range(of: "Smlouva podepsána"))
            #expect(first.lowerBound < second.lowerBound, "oldest first")
            #expect(table.contains("<td>Schůzka</td>") && table.contains("Uzavření smlouvy"), "codes in words")
            #expect(history.body.contains("<td>jn</td><td>1. 10. 2026</td>") && history.body.contains("15. 11. 2026 Uzavření smlouvy (+45 d)"))
            let november = try await jan.get("/persons/\(office.jana)/history?from=2026-11-01")
            #expect(november.body.contains("Smlouva podepsána") && !november.body.contains("První schůzka"))
            #expect(november.body.contains("Období: od 1. 11. 2026") && !november.body.contains("Od prvního kontaktu k obchodu"), "a person has no deal road")
            let printable = try await jan.get("/firms/\(office.skoda)/history.html")
            #expect(printable.headers[.contentDisposition]?.hasPrefix("attachment;") == true && printable.body.contains("<!DOCTYPE html>"))
            #expect(try await jan.get("/firms/\(office.skoda)/history?from=1.13.2026").status == .unprocessableContent)
            #expect(try await jan.get("/firms/999999/history").status == .notFound)
        }
    }
}
