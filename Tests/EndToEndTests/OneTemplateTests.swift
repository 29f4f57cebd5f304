// One template for e-mail and letter, through the built binary: an `auto` campaign's e-mails and
// letters come from the same file; channel sections pick their text; code-list values print as
// labels; the body's own closing and signature appear once, on separate lines, in the HTML part
// and on paper; the unsubscribe token verifies with the key in the database (checked by Python's
// hmac, independently of Kontakt's code).

import Foundation
import TestSupport
import Testing

@Suite struct OneTemplateTests {
    @Test func anAutoCampaignsEmailsAndLettersShareOneTemplate() throws {
        let s = try Session()
        try s.ok("init")
        try s.ok("codelist", "add", "territory", "--label", "Oblast")
        try s.ok("codelist", "value", "add", "territory", "morava", "--label", "Morava")
        try s.ok("attr", "define", "territory", "--on", "firm", "--type", "text", "--codelist", "territory")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák", "--email", "jan.novak@kontakt.example")
        try s.ok("firm", "add", "Alfa s.r.o.", "--role", "customer", "--street", "Dlouhá 12", "--city", "Praha 1", "--zip", "11000", "--set", "territory=Morava")
        try s.ok("person", "add", "--firm", "1", "--first", "Petr", "--last", "Král", "--gender", "m", "--email", "petr@alfa.example")
        try s.ok("person", "add", "--firm", "1", "--first", "Eva", "--last", "Malá", "--gender", "f")
        let template = try s.write("spolecna.md", """
            ---
            subject: "Novinky pro {{firm.name}}"
            from: "{{referent.name}} <{{referent.email}}>"
            ---
            {{salutation}},

            Vaše oblast: {{territory}} ({{territory.code}}).

            {{#channel.email}}Tento e-mail můžete přeposlat kolegům.{{/channel.email}}{{#channel.letter}}Tento dopis prosím založte.{{/channel.letter}}

            Odhlásit: https://example.test/u/{{unsubscribe.token}}

            S pozdravem

            {{referent.name}}
            Kontakt Demo s.r.o.

            """)
        try s.ok("campaign", "create", "spolecna", "--template", template, "--where", "role = customer", "--referent", "novak", "--channel", "auto")
        let rendered = try s.ok("campaign", "render", "spolecna")
        #expect(rendered.contains("Rendered 2 message(s)") && rendered.contains("1 letter(s)"), "\(rendered)")
        let folder = s.folder.appendingPathComponent("Outbox/spolecna")
        let eml = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".eml") })
        let key = try s.sqlite("SELECT hex(value) FROM secret WHERE name = 'unsubscribe-hmac'")
        let campaignId = try s.sqlite("SELECT id FROM campaign WHERE name = 'spolecna'")
        let read = try Python.strings("""
            import sys, json, email, hmac, hashlib, base64, re
            from email import policy
            path, key, campaign = sys.stdin.read().split("\\n")
            message = email.message_from_binary_file(open(path, "rb"), policy=policy.default)
            text = message.get_body(("plain",)).get_content()
            html = message.get_body(("html",)).get_content()
            token = re.search(r"/u/([0-9]+\\.[0-9]+\\.[A-Za-z0-9_-]+)", text).group(1)
            c, p, mac = token.split(".")
            expected = base64.urlsafe_b64encode(hmac.new(bytes.fromhex(key), f"kontakt-unsubscribe:v1:{c}:{p}".encode(), hashlib.sha256).digest()[:16]).decode().rstrip("=")
            print(json.dumps({"text": text, "html": html, "campaign": c, "person": p, "valid": str(hmac.compare_digest(mac, expected))}))
            """, input: Data("\(folder.appendingPathComponent(eml).path)\n\(key)\n\(campaignId)".utf8))
        #expect(read["valid"] == "True" && read["campaign"] == campaignId && read["person"] == "1")
        let text = try #require(read["text"]), html = try #require(read["html"])
        #expect(text.contains("Vážený pane Králi,") && text.contains("Vaše oblast: Morava (morava)."))
        #expect(text.contains("Tento e-mail můžete přeposlat") && !text.contains("Tento dopis"))
        #expect(text.contains("S pozdravem\n\nJan Novák\nKontakt Demo s.r.o."), "\(text)")
        #expect(html.contains("Jan Novák<br>"), "\(html)")

        let letters = try Python.strings("""
            import sys, json
            from pypdf import PdfReader
            text = "\\n".join(page.extract_text() for page in PdfReader(sys.stdin.read()).pages).replace("\\u00a0", " ")
            print(json.dumps({"text": text, "closings": str(text.count("S pozdravem")), "signatures": str(text.count("Kontakt Demo s.r.o."))}))
            """, input: Data(folder.appendingPathComponent("letters.pdf").path.utf8))
        let paper = try #require(letters["text"])
        #expect(letters["closings"] == "1" && letters["signatures"] == "1", "closings \(letters["closings"] ?? "") signatures \(letters["signatures"] ?? "")")
        #expect(paper.contains("Tento dopis prosím založte.") && !paper.contains("Tento e-mail"))
        #expect(paper.contains("Vážená paní Malá,") && paper.contains("Vaše oblast: Morava (morava)."))
        #expect(paper.contains("Jan Novák\nKontakt Demo s.r.o."), "\(paper)")
    }

    @Test func lettersGroupedByFirmWorkWithTheShippedLetter() throws {
        let s = try Session()
        try s.ok("init")
        try s.ok("codelist", "add", "territory", "--label", "Oblast")
        try s.ok("codelist", "value", "add", "territory", "morava", "--label", "Morava")
        try s.ok("attr", "define", "territory", "--on", "firm", "--type", "text", "--codelist", "territory")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák")
        try s.ok("firm", "add", "Alfa s.r.o.", "--role", "customer", "--street", "Dlouhá 12", "--city", "Praha 1", "--zip", "11000", "--set", "territory=morava")
        try s.ok("person", "add", "--firm", "1", "--first", "Petr", "--last", "Král", "--gender", "m")
        try s.ok("person", "add", "--firm", "1", "--first", "Eva", "--last", "Malá", "--gender", "f")
        let printed = try s.ok("letters", "dopis", "--group-by-firm", "--where", "role = customer", "--referent", "novak")
        #expect(printed.contains("Printed 1 letter(s)"), "\(printed)")
        let pdf = s.folder.appendingPathComponent("Outbox/letters-dopis.pdf").path
        let read = try Python.strings("""
            import sys, json
            from pypdf import PdfReader
            print(json.dumps({"text": "\\n".join(page.extract_text() for page in PdfReader(sys.stdin.read()).pages).replace("\\u00a0", " ")}))
            """, input: Data(pdf.utf8))
        let text = try #require(read["text"])
        #expect(text.contains("Vážení obchodní přátelé,") && text.contains("v regionu Morava do 24 hodin"), "\(text)")
        #expect(text.contains("Ing.") == false && text.contains("Petr Král") && text.contains("Eva Malá"))
    }
}
