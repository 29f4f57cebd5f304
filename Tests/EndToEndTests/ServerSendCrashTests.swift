// A campaign sent from the browser by `kontakt serve`'s own thread: stopped with SIGTERM it
// records the messages in flight and exits; killed with -9 in the middle, a `kontakt campaign
// send` in a terminal resumes it. Either way nobody is lost, every recipient sent has one
// contact, and a second copy goes only to recipients that stood in `sending` at the kill.

import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct ServerSendCrashTests {
    typealias Server = WorkspaceServerTests.Server

    /// A signed-in browser of the server: its session cookie and the page's CSRF token.
    struct Visitor {
        let url: String
        let cookie: String

        static func logIn(_ url: String, login: String) async throws -> Visitor {
            let (_, page, headers) = try await WorkspaceServerTests.request(url + "/login")
            let loginCookie = try #require(headers["set-cookie"]?.split(separator: ";").first.map(String.init))
            let csrf = try #require(Self.csrf(page))
            let (status, _, loggedIn) = try await WorkspaceServerTests.request(url + "/login", method: "POST",
                headers: ["Cookie": loginCookie, "Content-Type": "application/x-www-form-urlencoded", "Origin": url],
                body: "_csrf=\(csrf)&login=\(login)&password=velmi-tajne-heslo")
            #expect(status == 303)
            let session = try #require(loggedIn["set-cookie"]?.components(separatedBy: ", ").first { $0.hasPrefix("kontakt_session=") }?
                .split(separator: ";").first.map(String.init))
            return Visitor(url: url, cookie: session)
        }

        static func csrf(_ page: String) -> String? {
            page.range(of: #"name="_csrf" value=""#).map { String(page[$0.upperBound...].prefix { $0 != "\"" }) }
        }

        /// Presses a campaign page's button: the page for its token, then the form's POST.
        func press(_ campaign: String, _ action: String) async throws -> (Int, String) {
            let (_, page, _) = try await WorkspaceServerTests.request(url + "/campaigns/\(campaign)", headers: ["Cookie": cookie])
            let csrf = try #require(Self.csrf(page))
            let (status, _, headers) = try await WorkspaceServerTests.request(url + "/campaigns/\(campaign)/\(action)", method: "POST",
                headers: ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded", "Origin": url], body: "_csrf=\(csrf)")
            return (status, headers["location"] ?? "")
        }
    }

    func office(smtpPort: Int) throws -> Session {
        let s = try Session()
        try s.fillWithSample(firms: 20, persons: 400, contacts: 0)
        try s.ok("config", "set", "smtp.url", "smtp://127.0.0.1:\(smtpPort)")
        try s.ok("config", "set", "smtp.starttls", "off")
        // Slow enough to be caught in the middle even on a loaded machine (the whole test suite
        // at once on two cores): about thirteen seconds a campaign.
        try s.ok("config", "set", "smtp.rate", "25/s")
        try s.addUser("admin", referent: "novak", role: "admin", password: "velmi-tajne-heslo")
        let template = try s.write("kratky.md", "---\nsubject: \"Novinky pro {{firm.name}}\"\n---\n{{salutation}},\n\nkrátká zpráva.\n")
        for name in ["jaro", "leto"] {
            try s.ok("campaign", "create", name, "--template", template, "--where", "email is not empty", "--referent", "novak")
            try s.ok("campaign", "render", name)
        }
        return s
    }

    func waitUntil(_ s: Session, sentAtLeast count: Int, in campaign: String) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if Int(try s.sqlite("SELECT COUNT(*) FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id WHERE c.name = '\(campaign)' AND state = 'sent'"))! >= count { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("campaign \(campaign) did not reach \(count) sent")
    }

    func states(_ s: Session, _ campaign: String) throws -> String {
        try s.sqlite("SELECT state || ' ' || COUNT(*) FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id WHERE c.name = '\(campaign)' AND state != 'skipped' GROUP BY state ORDER BY state")
    }

    @Test func sigtermRecordsTheInFlightAndKillNineResumesFromTheTerminal() async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let s = try office(smtpPort: smtp.port)
        defer { try? FileManager.default.removeItem(at: s.folder) }
        let rendered = Int(try s.sqlite("SELECT COUNT(*) FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id WHERE c.name = 'jaro' AND state = 'rendered'"))!
        #expect(rendered > 250)

        // SIGTERM in the middle of a send started from the page: the messages in flight are
        // recorded before the server exits; nobody is left in `sending`.
        var server = try Server(s, name: "first")
        var visitor = try await Visitor.logIn(server.url, login: "admin")
        #expect(try await visitor.press("jaro", "send") == (303, "/campaigns/jaro?done=started"))
        try waitUntil(s, sentAtLeast: 40, in: "jaro")
        #expect(server.stop() == 0)
        #expect(s.output("first").contains("Stopped."))
        #expect(try s.sqlite("SELECT COUNT(*) FROM campaign_recipient WHERE state = 'sending'") == "0")
        let afterStop = try smtp.captured().count
        #expect(afterStop < rendered, "the server stopped before the campaign finished")
        #expect(Int(try s.sqlite("SELECT COUNT(*) FROM campaign_recipient WHERE state = 'sent'"))! == afterStop)

        // Resumed from the page of a new server: the rest, nobody twice.
        server = try Server(s, name: "second")
        visitor = try await Visitor.logIn(server.url, login: "admin")
        _ = try await visitor.press("jaro", "send")
        try waitUntil(s, sentAtLeast: rendered, in: "jaro")
        var addresses = try smtp.captured().flatMap(\.to).map { $0.lowercased() }
        #expect(addresses.count == rendered && Set(addresses).count == rendered, "each recipient exactly once")

        // kill -9 in the middle of the next campaign, then `kontakt campaign send` resumes it.
        #expect(try await visitor.press("leto", "send").0 == 303)
        try waitUntil(s, sentAtLeast: 40, in: "leto")
        kill(server.process.processIdentifier, SIGKILL)
        server.process.waitUntilExit()
        let inFlight = try s.sqlite("SELECT email FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id WHERE c.name = 'leto' AND state = 'sending'")
            .split(separator: "\n").map { $0.lowercased() }
        #expect(inFlight.count <= 4, "never more than smtp.concurrency in flight")
        try s.ok("campaign", "send", "leto")
        #expect(try states(s, "leto") == "sent \(rendered)")
        addresses = try smtp.captured().flatMap(\.to).map { $0.lowercased() }.dropFirst(rendered).map { $0 }
        var copies: [String: Int] = [:]
        for address in addresses { copies[address, default: 0] += 1 }
        #expect(copies.count == rendered, "nobody lost")
        for (address, count) in copies where count > 1 {
            #expect(count == 2 && inFlight.contains(address), "\(address) got \(count) copies without being in flight at the kill")
        }
        // One contact per recipient of each campaign, whoever sent them.
        #expect(try s.sqlite("SELECT COUNT(*) FROM contact WHERE kind = 'email' AND note LIKE 'campaign leto%'") == String(rendered))
        #expect(try s.sqlite("SELECT COUNT(*) FROM contact WHERE kind = 'email' AND note LIKE 'campaign jaro%'") == String(rendered))
    }
}
