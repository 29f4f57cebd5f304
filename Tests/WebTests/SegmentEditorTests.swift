// The segment editor over HTTP: the page checks without the script (the caret error with the
// checker's sentence, the count, the first matches, the SQL for admins), the JSON the script
// reads (colours and the error in UTF-16 offsets, the count, the matches), the vocabulary for
// completion, and saving, renaming and removing for admins only.

import CRM
import Foundation
import HTTPTypes
import Testing
import Web
import Workspace
import WorkspaceFixtures

@Suite struct SegmentEditorTests {
    func office() throws -> Office {
        let office = try Office()
        try office.workspace.catalog.addCodeList(name: "teritorium", label: "Teritorium", by: .localOperator)
        try office.workspace.catalog.addCodeValue(list: "teritorium", code: "morava", label: "Morava", outcome: nil, by: .localOperator)
        try office.workspace.catalog.addCodeValue(list: "teritorium", code: "cechy", label: "Čechy", outcome: nil, by: .localOperator)
        try office.workspace.catalog.defineAttribute(name: "territory", on: .firm, type: .text, codeList: "teritorium", label: "Teritorium", by: .localOperator)
        return office
    }

    func object(_ body: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    @Test func thePageChecksCountsAndShowsTheFirstMatches() async throws {
        let office = try office()
        try await withSite(office) { client in
            let jan = Browser(client)
            try await jan.logIn("jan")
            let typo = try await jan.get("/segments/edit?" + "expression=emailConsent%20and%20cty%20%3D%20Brno")
            #expect(typo.status == .unprocessableContent)
            #expect(typo.body.contains("1:18: there is no field") && typo.body.contains("did you mean"), "the checker's sentence at its position")
            #expect(typo.body.contains(#"<span class="syn-keyword">and</span>"#), "coloured without the script too")
            #expect(!typo.body.contains("segment-save"), "a sales user cannot save")
            let fixed = try await jan.get("/segments/edit?expression=emailConsent%20or%20not%20emailConsent")
            #expect(fixed.status == .ok)
            #expect(fixed.body.contains(#"<strong id="segment-count" aria-live="polite">2</strong>"#))
            #expect(fixed.body.contains("/persons/\(office.jana)") && fixed.body.contains("Ing. Petr Dvořák"))
            #expect(!fixed.body.contains("segment-sql"), "the SQL is for admins")
        }
    }

    @Test func theScriptsJSONCarriesColoursErrorsInUTF16AndMatches() async throws {
        let office = try office()
        try await withSite(office) { client in
            let admin = Browser(client)
            try await admin.logIn("admin")
            // "🎉" is two UTF-16 units: the error's offsets are the script's, not Swift's characters.
            let query = Query(["expression": "name = \"🎉\" and cty = 1", "target": "firm"])
            let bad = try object(try await admin.get("/segments/check?" + query.text).body)
            let error = try #require(bad["error"] as? [String: Any])
            #expect(error["start"] as? Int == 16 && error["end"] as? Int == 19, "\(error)")
            #expect((error["message"] as? String)?.contains("there is no firm field or attribute \"cty\" (did you mean \"city\"?)") == true)
            #expect(bad["count"] == nil)
            let spans = try #require(bad["spans"] as? [[Any]])
            #expect(spans.map { $0[2] as? String } == ["field", "symbol", "text", "keyword", "field", "symbol", "number"])
            #expect(spans[2][0] as? Int == 7 && spans[2][1] as? Int == 11)

            let good = try object(try await admin.get("/segments/check?" + Query(["expression": "territory = Morava or city = Brno", "target": "firm"]).text).body)
            #expect(good["error"] is NSNull)
            #expect(good["count"] as? Int == 1 && good["countText"] as? String == "1")
            let matches = try #require(good["matches"] as? [[String: Any]])
            #expect(matches.map { $0["title"] as? String } == ["Alfa spol. s r.o."] && matches[0]["href"] as? String == "/firms/\(office.alfa)")
            #expect((good["sql"] as? String)?.contains("-- parameters: 'morava'") == true, "an admin sees the SQL \(good)")

            let vocabulary = try object(try await admin.get("/segments/vocabulary?target=person").body)
            let fields = try #require(vocabulary["fields"] as? [[String: Any]])
            #expect(fields.contains { $0["name"] as? String == "territory" && $0["list"] as? String == "teritorium" }, "a person segment reads the firm's attribute bare")
            #expect(fields.contains { $0["name"] as? String == "emailConsent" })
            let values = try #require((vocabulary["values"] as? [String: [[String: String]]])?["teritorium"])
            #expect(values.map { $0["label"] } == ["Morava", "Čechy"] || values.map { $0["label"] } == ["Čechy", "Morava"])
            #expect((vocabulary["keywords"] as? [String])?.contains("between") == true)
        }
    }

    @Test func adminsSaveRenameAndRemoveSalesUsersDoNot() async throws {
        let office = try office()
        try await withSite(office) { client in
            let jan = Browser(client)
            try await jan.logIn("jan")
            try await jan.get("/segments/edit")
            #expect(try await jan.post("/segments", [("name", "moravane"), ("expression", "territory = Morava"), ("target", "firm")]).status == .forbidden)

            let admin = Browser(client)
            try await admin.logIn("admin")
            try await admin.get("/segments/edit")
            let saved = try await admin.post("/segments", [("name", "moravane"), ("expression", "territory = Morava"), ("target", "firm")])
            #expect(saved.status == .seeOther && saved.location == "/segments/edit?name=moravane&saved=1")
            let bad = try await admin.post("/segments", [("name", "spatny"), ("expression", "teritory = Morava"), ("target", "firm")])
            #expect(bad.status == .unprocessableContent && bad.body.contains("did you mean"))
            let editor = try await admin.get("/segments/edit?name=moravane")
            #expect(editor.body.contains(#"name="original" value="moravane""#) && editor.body.contains(">territory</span>"))
            // A name a segment cannot have changes nothing, not even the expression saved with it.
            let badName = try await admin.post("/segments", [("name", "Morava firmy"), ("original", "moravane"), ("expression", "city = Brno"), ("target", "firm")])
            #expect(badName.status == .unprocessableContent && badName.body.contains("cannot name a segment"))
            #expect(try office.values("SELECT name || ' | ' || expression FROM segment") == ["moravane | territory = Morava"])
            let renamed = try await admin.post("/segments", [("name", "Morava-firmy"), ("original", "moravane"), ("expression", "territory = Morava or city = Brno"),
                                                             ("target", "firm")])
            #expect(renamed.status == .seeOther)
            #expect(try office.values("SELECT name || ' | ' || expression FROM segment") == ["Morava-firmy | territory = Morava or city = Brno"])
            let list = try await admin.get("/segments")
            #expect(list.body.contains("Morava-firmy") && !list.body.contains("moravane"))
            try await admin.get("/segments/edit?name=Morava-firmy")
            #expect(try await jan.post("/segments/Morava-firmy/remove", []).status == .forbidden)
            #expect(try await admin.post("/segments/Morava-firmy/remove", []).status == .seeOther)
            #expect(try office.count("segment") == 0)
            #expect(try office.values("SELECT action FROM audit_entry WHERE entity = 'segment' ORDER BY id") == ["add", "rename", "save", "remove"])
        }
    }
}

/// A query string from pairs.
struct Query {
    let text: String
    init(_ pairs: [String: String]) {
        text = pairs.sorted { $0.key < $1.key }.map { "\(Browser.escape($0.key))=\(Browser.escape($0.value))" }.joined(separator: "&")
    }
}
