// The correspondence desk in the browser, against a real SMTP server (aiosmtpd on 127.0.0.1):
// a campaign created from a template and a segment, a recipient's message looked at as it
// goes, rendered, test-sent, sent by the server's own thread with its progress streamed; then
// the recipient's one-click unsubscribe closes the loop in the CRM, and a campaign rendered
// before the click skips them at send time.

import CRM
import Foundation
import HTTPTypes
import NIOCore
import Store
import Testing
import TestSupport
import Web
import Workspace
import WorkspaceFixtures

@Suite(.serialized) struct CampaignDeskTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-desk-\(UUID().uuidString)")

    func prepare(_ office: Office, smtpPort: Int) throws -> ServerConfiguration {
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try """
            ---
            subject: "Novinky pro {{firm.name}}"
            from: "Kontakt Demo <novinky@kontakt-demo.cz>"
            list-unsubscribe: "mailto:odhlasit@kontakt-demo.cz"
            ---
            {{salutation}},

            posíláme **novinky**.

            Odhlásit se můžete zde: {{unsubscribe.url}}
            """.write(to: templates.appendingPathComponent("novinky.md"), atomically: true, encoding: .utf8)
        try "---\nsubject: \"{{firm.nmae}}\"\n---\nx\n".write(to: templates.appendingPathComponent("chybna.md"), atomically: true, encoding: .utf8)
        for (key, value) in [("smtp.url", "smtp://127.0.0.1:\(smtpPort)"), ("smtp.starttls", "off"),
                             ("mail.unsubscribe-url", "http://127.0.0.1:8080/unsubscribe")] {
            try office.workspace.catalog.setSetting(key, value, by: .localOperator)
        }
        var configuration = ServerConfiguration(allowedOrigins: [Browser.origin], templateFolders: [templates.path],
                                                outbox: folder.appendingPathComponent("Outbox").path)
        configuration.live = (interval: 0.2, lifetime: 1.5)
        return configuration
    }

    /// Waits until the campaign has nobody left to send and no sender.
    func settled(_ office: Office, _ name: String) async throws -> CampaignStatus {
        for _ in 0 ..< 200 {
            let status = try office.workspace.campaigns.status(name: name)
            if status.running == nil, status.count(.rendered) + status.count(.sending) == 0 { return status }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("campaign \(name) did not finish")
        return try office.workspace.campaigns.status(name: name)
    }

    @Test func createPreviewRenderSendAndUnsubscribe() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let office = try Office()
        let server = try SMTPTestServer()
        defer { server.stop() }
        let configuration = try prepare(office, smtpPort: server.port)
        try await withSite(office, configuration: configuration) { client in
            let admin = Browser(client)
            try await admin.logIn("admin")
            let form = try await admin.get("/campaigns/new")
            #expect(form.status == .ok && form.body.contains(#"<option value="novinky">novinky</option>"#))

            // Errors come back on the form with the engine's sentence: the template's merge field
            // with its file:line:column, the segment's unknown field.
            let badTemplate = try await admin.post("/campaigns", [("name", "x"), ("template", "chybna"), ("expression", "id > 0"), ("referent", "jn")])
            #expect(badTemplate.status == .unprocessableContent)
            #expect(badTemplate.body.contains("chybna.md:2:") && badTemplate.body.contains("firm.nmae"))
            let badSegment = try await admin.post("/campaigns", [("name", "x"), ("template", "novinky"), ("expression", "mesto = Brno"), ("referent", "jn")])
            #expect(badSegment.status == .unprocessableContent && badSegment.body.contains("campaign-error"))
            #expect(try office.count("campaign") == 0)

            // A salesperson runs only campaigns signed by their own referent.
            let marie = Browser(client)
            try await marie.logIn("marie")
            try await marie.get("/campaigns/new")
            let foreign = try await marie.post("/campaigns", [("name", "cizi"), ("template", "novinky"), ("expression", "id > 0"), ("referent", "jn")])
            #expect(foreign.status == .forbidden)

            for name in ["prosinec", "leden"] {
                let created = try await admin.post("/campaigns", [("name", name), ("template", "novinky"), ("expression", "id > 0"), ("referent", "jn"),
                                                                  ("channel", "email")])
                #expect(created.status == .seeOther && created.location == "/campaigns/\(name)")
                try await admin.get("/campaigns/\(name)")
                let rendered = try await admin.post("/campaigns/\(name)/render", [])
                #expect(rendered.location == "/campaigns/\(name)?done=rendered")
            }
            let page = try await admin.get("/campaigns/prosinec")
            #expect(page.body.contains(#"data-progress="/campaigns/prosinec/progress""#))
            #expect(page.body.contains("/campaigns/prosinec/recipients/\(office.jana)"))
            #expect(page.body.contains("the person has no e-mail address"), "Petr Dvořák is skipped with the reason")

            // Jana's message as it goes: the salutation, the one-click link in the header and the body.
            let preview = try await admin.get("/campaigns/prosinec/recipients/\(office.jana)")
            #expect(preview.body.contains("Vážená paní Nováková,"))
            #expect(preview.body.contains("http://127.0.0.1:8080/unsubscribe/"))
            let eml = try await admin.get("/campaigns/prosinec/recipients/\(office.jana)/message.eml")
            #expect(eml.headers[.contentType] == "message/rfc822")
            let parsed = try Python.strings("""
                import json, sys
                from email import message_from_bytes, policy
                m = message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
                print(json.dumps({"unsubscribe": str(m["list-unsubscribe"]), "post": str(m["list-unsubscribe-post"]),
                                  "body": m.get_body(("plain",)).get_content(), "defects": str([d for p in m.walk() for d in p.defects])}))
                """, input: Data(eml.body.utf8))
            #expect(parsed["defects"] == "[]")
            #expect(parsed["post"] == "List-Unsubscribe=One-Click")
            let header = try #require(parsed["unsubscribe"])
            #expect(header.hasPrefix("<http://127.0.0.1:8080/unsubscribe/") && header.hasSuffix(", <mailto:odhlasit@kontakt-demo.cz>"))
            let link = String(header.dropFirst().prefix { $0 != ">" })
            #expect(parsed["body"]?.contains(link) == true, "the body carries the same link")
            let html = try await admin.get("/campaigns/prosinec/recipients/\(office.jana)/part.html")
            #expect(html.body.contains("<strong>novinky</strong>"))
            #expect(html.headers[.contentSecurityPolicy]?.hasPrefix("sandbox;") == true)

            // A test message goes to the tester only and records nothing.
            let tested = try await admin.post("/campaigns/prosinec/test", [("to", "tester@kontakt-demo.cz")])
            #expect(tested.location == "/campaigns/prosinec?done=tested")
            #expect(try server.captured().map(\.to) == [["tester@kontakt-demo.cz"]])
            #expect(try office.workspace.campaigns.status(name: "prosinec").count(.rendered) == 1)

            // The send runs on the server's thread; the stream reports it finished.
            let started = try await admin.post("/campaigns/prosinec/send", [])
            #expect(started.location == "/campaigns/prosinec?done=started")
            let done = try await settled(office, "prosinec")
            #expect(done.count(.sent) == 1 && done.count(.skipped) == 1)
            #expect(try server.captured().filter { $0.to == ["jana.novakova@skoda.cz"] }.count == 1)
            let stream = try await admin.get("/campaigns/prosinec/progress")
            #expect(stream.headers[.contentType] == "text/event-stream; charset=utf-8")
            #expect(stream.body.contains("event: progress") && stream.body.contains(#""state":"finished""#) && stream.body.contains(#""sent":"1""#))
            let after = try await admin.get("/campaigns/prosinec")
            #expect(after.body.contains("odesláno 1, odloženo 0, selhalo 0."))
            let timeline = try await admin.get("/persons/\(office.jana)")
            #expect(timeline.body.contains("Novinky pro Škoda Auto a.s."), "the e-mail is in Jana's history")

            // The recipient unsubscribes: looking at the page changes nothing, one click does.
            let path = String(link.dropFirst("http://127.0.0.1:8080".count))
            let visitor = Browser(client)
            let confirm = try await visitor.get(path)
            #expect(confirm.status == .ok && confirm.body.contains(#"name="List-Unsubscribe" value="One-Click""#))
            #expect(try office.values("SELECT email_consent FROM person WHERE id = \(office.jana)") == ["1"])
            let oneClick = try await visitor.post(path, [("List-Unsubscribe", "One-Click")], origin: nil, withToken: false)
            #expect(oneClick.status == .ok && oneClick.body.contains("Hotovo"))
            #expect(try office.values("SELECT email_consent FROM person WHERE id = \(office.jana)") == ["0"])
            let logged = try office.values("SELECT text || ' | ' || note FROM contact WHERE person_id = \(office.jana) AND text LIKE 'Unsubscribed%'")
            #expect(logged == ["Unsubscribed from e-mails (campaign prosinec) | campaign prosinec · one-click link in the message (RFC 8058) · e-mail consent withdrawn"])
            #expect(try office.values("SELECT actor || ' ' || field || ' ' || old_value || '→' || new_value FROM audit_entry WHERE entity = 'person' AND entity_id = \(office.jana)")
                    == ["unsubscribe-link emailConsent yes→no"])
            // Idempotent: the page's button again changes nothing and logs nothing more.
            let again = try await visitor.post(path, [("List-Unsubscribe", "One-Click"), ("confirmed", "page")], origin: nil, withToken: false)
            #expect(again.status == .ok && again.body == oneClick.body)
            #expect(try office.count("contact", "person_id = \(office.jana) AND text LIKE 'Unsubscribed%'") == 1)

            // Forged and altered tokens are refused alike, and say nothing about anybody.
            let token = String(path.dropFirst("/unsubscribe/".count))
            let altered = String(token.dropLast()) + (token.last == "A" ? "B" : "A")
            let parts = token.split(separator: ".")
            let otherPerson = "\(parts[0]).\(office.petr).\(parts[2])"
            for forged in [altered, otherPerson, "1.1.AAAAAAAAAAAAAAAAAAAAAA", "x", String(repeating: "9", count: 300)] {
                for reply in [try await visitor.get("/unsubscribe/\(forged)"),
                              try await visitor.post("/unsubscribe/\(forged)", [("List-Unsubscribe", "One-Click")], origin: nil, withToken: false)] {
                    #expect(reply.status == .notFound, "\(forged)")
                    #expect(reply.body.contains("není platný") && !reply.body.contains("Nováková") && !reply.body.contains("skoda.cz"))
                }
            }
            #expect(try await visitor.post(path, [("x", "y")], origin: nil, withToken: false).status == .badRequest)
            #expect(try office.values("SELECT email_consent FROM person WHERE id = \(office.petr)") == ["1"])

            // "leden" was rendered before the click: at send time Jana is skipped with the reason.
            try await admin.get("/campaigns/leden")
            _ = try await admin.post("/campaigns/leden/send", [])
            let leden = try await settled(office, "leden")
            #expect(leden.count(.sent) == 0 && leden.count(.skipped) == 2)
            let reason = try office.values("SELECT reason FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id WHERE c.name = 'leden' AND person_id = \(office.jana)")
            #expect(reason == ["withdrew e-mail consent after the campaign was rendered"])
            #expect(try server.captured().filter { $0.to == ["jana.novakova@skoda.cz"] }.count == 1, "never a second message")
        }
    }
}
