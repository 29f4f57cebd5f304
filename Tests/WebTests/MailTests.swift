// A one-off e-mail from the person's page, sent to a real SMTP server (aiosmtpd on 127.0.0.1):
// previewed, sent, parsed back by Python's email package, and in the person's timeline with the
// exact bytes the server received.

import CRM
import Foundation
import HTTPTypes
import Store
import Testing
import TestSupport
import Web
import Workspace
import WorkspaceFixtures

@Suite struct MailTests {
    @Test func previewSendAndFindTheMessageInTheTimeline() async throws {
        let office = try Office()
        let server = try SMTPTestServer()
        defer { server.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "---\nsubject: \"Nabídka pro {{firm.name}}\"\n---\n{{salutation}},\n\nposílám slíbenou nabídku.\n\nS pozdravem\n{{referent.name}}\n"
            .write(to: folder.appendingPathComponent("nabidka.md"), atomically: true, encoding: .utf8)
        try office.workspace.catalog.setSetting("smtp.url", "smtp://127.0.0.1:\(server.port)", by: .localOperator)
        try office.workspace.catalog.setSetting("smtp.starttls", "off", by: .localOperator)
        let configuration = ServerConfiguration(allowedOrigins: [Browser.origin], templateFolders: [folder.path])
        try await withSite(office, configuration: configuration) { client in
            let browser = Browser(client)
            try await browser.logIn("jan")
            let picker = try await browser.get("/persons/\(office.jana)/mail")
            #expect(picker.body.contains(#"<option value="nabidka">nabidka</option>"#))
            let preview = try await browser.get("/persons/\(office.jana)/mail?template=nabidka")
            #expect(preview.body.contains("Nabídka pro Škoda Auto a.s."))
            #expect(preview.body.contains("Vážená paní Nováková,"), "the Czech salutation")
            #expect(try server.captured().isEmpty, "a preview sends nothing")
            let sent = try await browser.post("/persons/\(office.jana)/mail", [("template", "nabidka")])
            #expect(sent.status == .seeOther)
            let contactId = try #require(sent.location.flatMap { $0.split(separator: "=").last?.split(separator: "#").first }.flatMap { Int64($0) })
            let received = try server.captured()
            #expect(received.count == 1 && received.first?.to == ["jana.novakova@skoda.cz"])
            let parsed = try Python.strings("""
                import json, sys
                from email import message_from_bytes, policy
                m = message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
                print(json.dumps({"subject": m["subject"], "to": str(m["to"]), "body": m.get_body(("plain",)).get_content()}))
                """, input: received[0].bytes)
            #expect(parsed["subject"] == "Nabídka pro Škoda Auto a.s.")
            #expect(parsed["body"]?.contains("posílám slíbenou nabídku") == true)
            let stored = try await browser.get("/contacts/\(contactId)/message")
            #expect(Data(stored.body.utf8) == received[0].bytes, "the timeline keeps the exact bytes the server got")
            let page = try await browser.get("/persons/\(office.jana)")
            #expect(page.body.contains(#"href="/contacts/\#(contactId)/message""#))
            #expect(try office.values("SELECT referent || ' ' || kind FROM contact WHERE id = \(contactId)") == ["jn email"])
            // Only the offered templates: a path is no template.
            #expect(try await browser.post("/persons/\(office.jana)/mail", [("template", "../../etc/passwd")]).status == .notFound)
        }
    }
}
