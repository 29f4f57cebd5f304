// Editing firms and persons in the browser: the typed editors, errors beside their fields, the
// audit of each change shown on the record's page, removal for admins only, and the PDFs.

import CRM
import Foundation
import HTTPTypes
import Store
import Testing
import TestSupport
import Web
import Workspace
import WorkspaceFixtures

@Suite struct RecordFormTests {
    @Test func editingAFirmIsAuditedAndShownInItsChangeLog() async throws {
        let office = try Office()
        try office.workspace.database.write { db in
            try CodeLists.addList(name: "territory", label: "Oblast", db: db)
            try CodeLists.addValue(CodeValue(list: "territory", code: "morava", label: "Morava"), db: db)
            _ = try AttributeDefinitions.define(AttributeDefinition(name: "territory", entity: .firm, type: .text, codeList: "territory", label: "Oblast"), db: db)
            _ = try AttributeDefinitions.define(AttributeDefinition(name: "employees", entity: .firm, type: .number, label: "Zaměstnanců"), db: db)
        }
        try await withSite(office) { client in
            let browser = Browser(client)
            try await browser.logIn("jan")
            let form = try await browser.get("/firms/\(office.skoda)/edit")
            #expect(form.status == .ok)
            #expect(form.body.contains(#"<select id="f-attr.territory" name="attr.territory">"#) && form.body.contains(#"<option value="morava">Morava</option>"#))
            #expect(form.body.contains(#"name="attr.employees" type="number""#))
            #expect(!form.body.contains("/remove"), "a sales user is offered no removal")
            var fields = Self.fields(of: form.body)
            fields["phone"] = "+420 777 888 999"
            fields["attr.territory"] = "morava"
            fields["attr.employees"] = "120"
            let saved = try await browser.post("/firms/\(office.skoda)", fields.map { ($0.key, $0.value) })
            #expect(saved.status == .seeOther && saved.location == "/firms/\(office.skoda)?saved=1")
            let page = try await browser.get(saved.location!)
            #expect(page.body.contains("Změny byly uloženy.") && page.body.contains("<dt>Oblast</dt><dd>Morava</dd>"))
            #expect(page.body.contains("<td>web:jan</td><td>phone</td><td>+420 602 111 222</td><td>+420 777 888 999</td>"))
            #expect(try office.count("audit_entry", "entity = 'firm' AND field IN ('phone', 'attr:territory', 'attr:employees')") == 3)
        }
    }

    @Test func aRefusedEditNamesTheFieldAndChangesNothing() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let browser = Browser(client)
            try await browser.logIn("jan")
            var fields = Self.fields(of: try await browser.get("/firms/\(office.skoda)/edit").body)
            fields["ico"] = "12345678"
            fields["email"] = "not-an-address"
            let reply = try await browser.post("/firms/\(office.skoda)", fields.map { ($0.key, $0.value) })
            #expect(reply.status == .unprocessableContent)
            #expect(reply.body.contains(#"<p class="field-error" id="e-ico">"#) && reply.body.contains(#"<p class="field-error" id="e-email">"#))
            #expect(reply.body.contains(#"value="not-an-address""#), "what was typed stays")
            #expect(try office.values("SELECT coalesce(ico, '') FROM firm WHERE id = \(office.skoda)") == ["00177041"])
            #expect(try office.count("audit_entry", "entity = 'firm'") == 0)
        }
    }

    @Test func newFirmAndPersonAndRemovalForAdminsOnly() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let sales = Browser(client)
            try await sales.logIn("jan")
            try await sales.get("/firms/new")
            let created = try await sales.post("/firms", [("name", "Nová firma s.r.o."), ("role.prospect", "yes"), ("city", "Zlín"), ("country", "CZ")])
            #expect(created.status == .seeOther)
            let firmId = try #require(created.location.flatMap { Int64($0.dropFirst("/firms/".count)) })
            try await sales.get("/firms/\(firmId)/persons/new")
            let person = try await sales.post("/firms/\(firmId)/persons", [("first", "Eva"), ("last", "Malá"), ("gender", "f"), ("emailConsent", "yes")])
            #expect(person.status == .seeOther)
            #expect(try office.values("SELECT first || ' ' || last || ' ' || gender FROM person WHERE firm_id = \(firmId)") == ["Eva Malá f"])
            #expect(try await sales.post("/firms/\(firmId)/remove", [("force", "yes")]).status == .forbidden)

            let admin = Browser(client)
            try await admin.logIn("admin")
            let form = try await admin.get("/firms/\(firmId)/edit")
            #expect(form.body.contains(#"action="/firms/\#(firmId)/remove""#))
            let refused = try await admin.post("/firms/\(firmId)/remove", [("reason", "omyl")])
            #expect(refused.status == .conflict, "a firm with persons goes only with force")
            let removed = try await admin.post("/firms/\(firmId)/remove", [("reason", "omyl"), ("force", "yes")])
            #expect(removed.status == .seeOther && removed.location == "/firms")
            #expect(try office.count("firm", "id = \(firmId)") == 0)
            #expect(try office.values("SELECT actor || ' ' || action || ' ' || new_value FROM audit_entry WHERE entity = 'firm' AND action = 'remove'") == ["web:admin remove Nová firma s.r.o."])
        }
    }

    @Test func theDossierAndTheCardArePDFsReadBack() async throws {
        let office = try Office()
        _ = try office.workspace.contacts.log(LogContact(personId: office.jana, fields: ContactInput(kind: "meeting", result: "contract", text: "Podepsána smlouva")), by: office.jan)
        try await withSite(office) { client in
            let browser = Browser(client)
            try await browser.logIn("jan")
            for (path, expected) in [("/firms/\(office.skoda)/dossier.pdf", "Podepsána smlouva"), ("/persons/\(office.jana)/card.pdf", "Jana Nováková")] {
                let response = try await browser.client.execute(uri: path, method: .get, headers: [.cookie: "kontakt_session=\(browser.cookies["kontakt_session"]!)"])
                #expect(response.status == .ok && response.headers[.contentType] == "application/pdf")
                let text = try Python.run("""
                    import io, sys, pypdf
                    reader = pypdf.PdfReader(io.BytesIO(sys.stdin.buffer.read()))
                    print("".join(page.extract_text() for page in reader.pages))
                    """, input: Data(response.body.readableBytesView))
                #expect(String(decoding: text, as: UTF8.self).contains(expected), "\(path)")
            }
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path).filter { $0.hasPrefix("kontakt-pdf-") }
        #expect(left.isEmpty, "the temporary PDFs are removed")
    }

    /// The named inputs, selects and textareas of a form page, with their current values.
    static func fields(of html: String) -> [String: String] {
        var fields: [String: String] = [:]
        let pattern = try! NSRegularExpression(pattern: #"<input id="f-[^"]*" name="([^"]+)" type="(?:text|email|tel|number|date)" value="([^"]*)""#)
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            fields[String(html[Range(match.range(at: 1), in: html)!])] = String(html[Range(match.range(at: 2), in: html)!])
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
        let checked = try! NSRegularExpression(pattern: #"<input type="checkbox" id="f-[^"]*" name="([^"]+)" value="yes" checked>"#)
        for match in checked.matches(in: html, range: NSRange(html.startIndex..., in: html)) { fields[String(html[Range(match.range(at: 1), in: html)!])] = "yes" }
        return fields
    }
}
