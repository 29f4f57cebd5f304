// Any list view to a file: the firm list's filter exported as a spreadsheet CSV (UTF-8 with a
// BOM or Windows-1250, `;`), its persons as vCard, the tasks as iCalendar; a character
// Windows-1250 cannot hold is an error with the line, never a question mark.

import CRM
import Foundation
import HTTPTypes
import Testing
import Web
import Workspace
import WorkspaceFixtures

@Suite struct ExportPageTests {
    @Test func aViewExportsAsSpreadsheetVCardAndCalendar() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let jan = Browser(client)
            try await jan.logIn("jan")
            let list = try await jan.get("/firms?where=" + Browser.escape("city = Brno"))
            #expect(list.body.contains(#"href="/export/firms.csv?encoding=windows-1250&amp;where=city%20%3D%20Brno""#))

            let utf8 = try await jan.get("/export/firms.csv?where=" + Browser.escape("city = Brno"))
            #expect(utf8.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(utf8.headers[.contentDisposition] == "attachment; filename=\"firmy.csv\"; filename*=UTF-8''firmy.csv")
            #expect(Array(utf8.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let lines = String(decoding: utf8.bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
            #expect(lines.count == 2 && lines[0].contains(";") && lines[1].contains("Alfa spol. s r.o."))

            let windows = try await jan.get("/export/firms.csv?encoding=windows-1250")
            #expect(windows.headers[.contentType] == "text/csv; charset=windows-1250")
            let decoded = try #require(String(data: Data(windows.bytes), encoding: .windowsCP1250))
            #expect(decoded.contains("Škoda Auto a.s.") && windows.bytes.contains(0x8A), "Š is 0x8A in Windows-1250")
            #expect(!windows.bytes.starts(with: [0xEF, 0xBB, 0xBF]))

            let cards = try await jan.get("/export/persons.vcf?where=" + Browser.escape("last = Nováková"))
            #expect(cards.body.hasPrefix("BEGIN:VCARD") && cards.body.contains("Nováková") && !cards.body.contains("Dvořák"))
            let calendar = try await jan.get("/export/calendar.ics")
            #expect(calendar.headers[.contentType] == "text/calendar; charset=utf-8" && calendar.body.hasPrefix("BEGIN:VCALENDAR"))

            // A firm whose name Windows-1250 cannot write: the error names the line, nothing is sent.
            try office.workspace.firms.add(FirmInput(name: "Želva 🐢 s.r.o."), by: .localOperator)
            let refused = try await jan.get("/export/firms.csv?encoding=windows-1250")
            #expect(refused.status == .unprocessableContent && refused.body.contains("cannot be written in windows-1250"))
            let bad = try await jan.get("/export/persons.csv?where=" + Browser.escape("cty = Brno"))
            #expect(bad.status == .unprocessableContent && bad.body.contains("did you mean"))
        }
    }
}
