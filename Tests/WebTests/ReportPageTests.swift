// The report pages over HTTP: the same tables `kontakt report` prints, over a period and a firm
// filter, with their charts; CSV and the printable page as downloads; bad filters answered on
// the page with the sentence of what is wrong.

import CRM
import Foundation
import HTTPTypes
import Testing
import Web
import Workspace
import WorkspaceFixtures

@Suite struct ReportPageTests {
    @Test func reportsShowTheSameTablesWithChartsAndDownloads() async throws {
        let office = try Office()
        for (text, kind, result) in [("Schůzka u Škody", "meeting", "contract"), ("Schůzka v Alfě", "meeting", "no-interest"), ("Telefonát", "call", "")] {
            var input = ContactInput()
            input.kind = kind; input.text = text; input.referent = "jn"; input.date = "2026-11-20"
            input.result = result.isEmpty ? nil : result
            _ = try office.workspace.contacts.log(LogContact(firmId: text.contains("Alf") ? office.alfa : office.skoda, fields: input), by: .localOperator)
        }
        try await withSite(office) { client in
            let jan = Browser(client)
            try await jan.logIn("jan")
            let index = try await jan.get("/reports")
            #expect(index.status == .ok && index.body.contains("/reports/time-to-deal") && index.body.contains("/reports/sources"))

            let referents = try await jan.get("/reports/referents?from=2026-11-01&to=2026-11-30")
            #expect(referents.status == .ok)
            let expected = try office.workspace.report(.referents(visitKind: "meeting"),
                                                       ReportRequest(from: CivilDate(year: 2026, month: 11, day: 1), to: CivilDate(year: 2026, month: 11, day: 30)))
            #expect(referents.body.contains("<caption>\(expected.table.title)</caption>"))
            let row = try #require(expected.table.rows.firstIndex { $0.first == .text("jn") || $0.contains(.text("Jan Novák")) })
            #expect(expected.table.value("visits", row: row) == .count(2))
            #expect(referents.body.contains("Období: 1. 11. 2026 – 30. 11. 2026 · Firmy: všechny"))
            #expect(referents.body.contains(#"<svg"#) && referents.body.contains(#"class="bar""#), "the charts, inline")
            #expect(referents.body.contains(#"href="/reports/referents.csv?from=2026-11-01&amp;to=2026-11-30""#))

            let csv = try await jan.get("/reports/referents.csv?from=2026-11-01&to=2026-11-30")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8" && csv.headers[.contentDisposition]?.contains("referents.csv") == true)
            #expect(csv.body.hasPrefix("\u{FEFF}" + expected.table.columns.map(\.key).joined(separator: ",")))
            #expect(csv.body.dropFirst().split(separator: "\r\n").count == expected.table.rows.count + 1)
            let printable = try await jan.get("/reports/referents.html")
            #expect(printable.headers[.contentDisposition] == "attachment; filename=\"referents.html\"" && printable.body.contains("<!DOCTYPE html>"))

            // Only Alfa's contacts: one visit, no contract.
            let alfa = try await jan.get("/reports/referents?where=" + Browser.escape("city = Brno"))
            #expect(alfa.body.contains("Firmy: city = Brno"))
            let bad = try await jan.get("/reports/referents?where=" + Browser.escape("cty = Brno"))
            #expect(bad.status == .unprocessableContent && bad.body.contains("did you mean"))
            let badDate = try await jan.get("/reports/time-to-deal?from=31.13.2026")
            #expect(badDate.status == .unprocessableContent && badDate.body.contains("from"))
            let badBands = try await jan.get("/reports/conversion?by=industry&bands=50,10")
            #expect(badBands.status == .unprocessableContent && badBands.body.contains("ascending lower bounds"))
            for name in ["time-to-deal", "loss-reasons", "sources"] {
                let page = try await jan.get("/reports/\(name)")
                #expect(page.status == .ok || page.status == .unprocessableContent, "\(name): \(page.status)")
                #expect(page.body.contains("<h1>"))
            }
        }
    }
}
