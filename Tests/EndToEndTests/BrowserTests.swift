// The workspace in a real browser: Playwright drives Debian's chromium (never a downloaded one)
// through the salesperson's daily path — log in, find a firm by a query without diacritics, log
// a call with a next contact, see it on top of the timeline and the task in my day, mark it done —
// at 1280 px and at 360 × 740, and axe-core checks every page. Tests/Browser/daily_path.py is the
// script; with KONTAKT_SCREENSHOTS=DIR it also saves the screenshots the README shows.

import Foundation
import TestSupport
import Testing

@Suite struct BrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser/daily_path.py").path

    @Test func theDailyPathWorksInChromiumAtDesktopAndPhoneWidthAndPassesAxe() throws {
        let s = try Session()
        try s.fillWithSample(firms: 30, persons: 60, contacts: 120)
        let firm = try s.ok("firm", "add", "Škoda Auto a.s.", "--city", "Mladá Boleslav", "--role", "customer", "--phone", "+420 602 111 222")
        let firmId = String(firm.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").last!.dropLast())
        _ = try s.ok("person", "add", "--firm", firmId, "--first", "Jana", "--last", "Nováková", "--email", "jana@skoda.cz")
        try s.addUser("novak", referent: "novak", role: "admin", password: "prohlizec-heslo-1")
        let server = try WorkspaceServerTests.Server(s, name: "serve")
        defer { _ = server.stop() }

        let findings = try Self.runScript(Self.script, [server.url, "novak", "prohlizec-heslo-1", firmId])
        guard !findings.isEmpty else { return }

        let steps = findings["steps"] as? [[String: Any]] ?? []
        #expect(steps.count == 19)
        for step in steps { #expect(step["ok"] as? Bool == true, "\(step["name"] ?? ""): \(step["detail"] ?? "")") }
        let axe = findings["axe"] as? [String: [[String: Any]]] ?? [:]
        #expect(Set(axe.keys) == ["login", "firm", "day", "firms", "firms-error", "search", "firm-edit", "admin", "admin-codelists", "admin-settings", "person"])
        for (page, violations) in axe { #expect(violations.isEmpty, "axe on \(page): \(violations)") }
        let narrow = findings["narrow"] as? [String: Any] ?? [:]
        for page in ["firm", "day", "firms", "firms-error", "search", "firm-edit", "admin", "admin-codelists", "admin-settings", "person"] {
            #expect((narrow[page] as? Int ?? 9_999) <= 360, "no horizontal scrolling on \(page) at 360 px")
            #expect((narrow[page + "Small"] as? [String] ?? ["missing"]).isEmpty, "tap targets under 44 px on \(page): \(narrow[page + "Small"] ?? "")")
        }
        #expect((findings["console"] as? [String] ?? []).isEmpty, "no script errors: \(findings["console"] ?? "")")
    }

    static let deskScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser/desk_path.py").path

    /// Tests/Browser/desk_path.py: a segment typed with a typo and fixed, a campaign created,
    /// previewed, rendered and sent to aiosmtpd while the page follows, the message in the
    /// person's history, its unsubscribe link clicked, a later campaign skipping the person.
    @Test func theCorrespondenceDeskWorksInChromiumAndPassesAxe() throws {
        let s = try Session()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try s.fillWithSample(firms: 20, persons: 60, contacts: 0)
        try s.addUser("kancelar", referent: "novak", role: "admin", password: "prohlizec-heslo-1")
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        try s.ok("config", "set", "smtp.url", "smtp://127.0.0.1:\(smtp.port)")
        try s.ok("config", "set", "smtp.starttls", "off")
        let templates = s.folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try """
            ---
            subject: "Novinky pro {{firm.name}}"
            from: "Kontakt Demo <novinky@kontakt-demo.cz>"
            required: [person.email]
            ---
            {{salutation}},

            posíláme novinky.

            Odhlásit se můžete zde: {{unsubscribe.url}}
            """.write(to: templates.appendingPathComponent("novinky.md"), atomically: true, encoding: .utf8)
        let server = try WorkspaceServerTests.Server(s, name: "serve", arguments: ["--templates", templates.path])
        defer { _ = server.stop() }
        // The links point at this server; the setting is read when a campaign is rendered.
        try s.ok("config", "set", "mail.unsubscribe-url", server.url + "/unsubscribe")

        // A spreadsheet as Czech Excel saves it: Windows-1250, `;`; line 3 has a bad IČO, line 4 no name.
        let spreadsheet = s.folder.appendingPathComponent("firmy-1250.csv")
        try #require("Název;IČO;Město\r\nŽluťoučký kůň s.r.o.;;Brno\r\nÚpěl a.s.;12345;Olomouc\r\n;;Praha\r\nĎábelské ódy v.o.s.;;Ostrava\r\n"
            .data(using: .windowsCP1250)).write(to: spreadsheet)
        let findings = try Self.runScript(Self.deskScript, [server.url, "kancelar", "prohlizec-heslo-1", spreadsheet.path])
        let steps = findings["steps"] as? [[String: Any]] ?? []
        #expect(steps.count == 17)
        for step in steps { #expect(step["ok"] as? Bool == true, "\(step["name"] ?? ""): \(step["detail"] ?? "")") }
        let axe = findings["axe"] as? [String: [[String: Any]]] ?? [:]
        #expect(Set(axe.keys) == ["segment-error", "segment-editor", "segments", "campaign-new", "campaign-recipient", "campaign", "unsubscribe",
                                 "import", "import-check"])
        for (page, violations) in axe { #expect(violations.isEmpty, "axe on \(page): \(violations)") }
        #expect((findings["console"] as? [String] ?? []).isEmpty, "no script errors: \(findings["console"] ?? "")")
        let sent = Int(try s.sqlite("SELECT COUNT(*) FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id WHERE c.name = 'prosinec' AND state = 'sent'"))!
        let received = try smtp.captured().count
        #expect(sent > 0 && received == sent, "every message sent reached the server once")
        #expect(try s.sqlite("SELECT count(*) FROM firm WHERE name IN ('Žluťoučký kůň s.r.o.', 'Ďábelské ódy v.o.s.')") == "2")
        let uploads = (try? FileManager.default.contentsOfDirectory(atPath: s.folder.appendingPathComponent("Uploads").path)) ?? []
        #expect(uploads.isEmpty, "no upload left behind: \(uploads)")
    }

    /// Runs a Playwright script with its arguments; its standard output is one JSON object.
    static func runScript(_ script: String, _ arguments: [String]) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: errors, as: UTF8.self).suffix(2000))")
        guard process.terminationStatus == 0 else { return [:] }
        return try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
    }
}
