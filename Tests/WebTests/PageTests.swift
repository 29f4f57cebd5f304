// The pages a salesperson uses, over HTTP: my day, the firm list with a segment filter and its
// caret error, the firm and person pages, logging a contact, search, and the security rules
// every page keeps (headers, CSRF, Origin, escaping, roles).

import CRM
import HTTPTypes
import Testing
import Web
import Workspace
import WorkspaceFixtures

@Suite struct PageTests {
    @Test func everyPageAnswersWithTheSecurityHeaders() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let browser = Browser(client)
            try await browser.logIn("admin")
            for path in ["/day", "/firms", "/firms/\(office.skoda)", "/persons/\(office.jana)", "/search?q=skoda", "/firms?where=city%20%3D%20Brno",
                         "/firms/\(office.skoda)/edit", "/persons/\(office.jana)/edit", "/persons/\(office.jana)/mail", "/admin/users", "/admin/referents",
                         "/admin/codelists", "/admin/attributes", "/admin/settings"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                let csp = page.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"), "\(path)")
                #expect(page.headers[.xContentTypeOptions] == "nosniff")
                #expect(page.headers[.contentType] == "text/html; charset=utf-8")
                #expect(!page.body.contains("<script>") && !page.body.contains(" style=") && !page.body.contains("onclick"), "no inline script or style on \(path)")
                #expect(page.body.contains(#"<main id="main""#) && page.body.contains("<nav aria-label="), "landmarks on \(path)")
            }
        }
    }

    @Test func logAContactFromTheFirmPageAndSeeItOnTopOfTheTimeline() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let browser = Browser(client)
            try await browser.logIn("jan")
            try await browser.get("/firms/\(office.skoda)")
            let logged = try await browser.post("/firms/\(office.skoda)/contacts", [
                ("kind", "call"), ("person", String(office.jana)), ("result", "promise"), ("text", "Domluvena prezentace"),
                ("note", ""), ("nextDate", "2026-12-04"), ("nextTask", "Prezentace u zákazníka"),
            ])
            #expect(logged.status == .seeOther)
            let location = try #require(logged.location)
            #expect(location.hasPrefix("/firms/\(office.skoda)?logged="))
            let page = try await browser.get(location)
            #expect(page.body.contains("Kontakt byl zapsán."))
            let timeline = try #require(page.body.range(of: #"<ol class="entries" id="timeline">"#))
            let first = page.body[timeline.upperBound...]
            #expect(first.firstRange(of: "Domluvena prezentace")!.lowerBound < (first.firstRange(of: "</li>")?.lowerBound ?? first.endIndex))
            #expect(page.body.contains("Příslib dalšího jednání"), "the result by its label")
            let day = try await browser.get("/day")
            #expect(day.body.contains("Prezentace u zákazníka"), "the next step is a task in my day")
        }
    }

    @Test func aRefusedContactShowsItsErrorsAndKeepsWhatWasTyped() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let browser = Browser(client)
            try await browser.logIn("jan")
            try await browser.get("/firms/\(office.skoda)")
            let reply = try await browser.post("/firms/\(office.skoda)/contacts", [("kind", "call"), ("text", String(repeating: "a", count: 251)), ("nextTask", "Bez data")])
            #expect(reply.status == .unprocessableContent)
            #expect(reply.body.contains("nextDate: a next contact needs a date"))
            #expect(reply.body.contains(#"value="Bez data""#))
            #expect(try office.count("contact") == 0)
        }
    }

    @Test func formsWithoutTheTokenOrFromAnotherSiteAreRefused() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let browser = Browser(client)
            try await browser.logIn("jan")
            try await browser.get("/firms/\(office.skoda)")
            let fields = [("kind", "call"), ("text", "Podvržený")]
            #expect(try await browser.post("/firms/\(office.skoda)/contacts", fields, withToken: false).status == .forbidden)
            #expect(try await browser.post("/firms/\(office.skoda)/contacts", fields + [("_csrf", "x" + browser.csrf)]).status == .forbidden)
            #expect(try await browser.post("/firms/\(office.skoda)/contacts", fields, origin: "http://evil.example").status == .forbidden)
            #expect(try await browser.post("/firms/\(office.skoda)/contacts", fields, origin: "null").status == .forbidden)
            // Another session's token is no good either.
            let other = Browser(client)
            try await other.logIn("jan")
            try await other.get("/day")
            #expect(try await browser.post("/firms/\(office.skoda)/contacts", fields + [("_csrf", other.csrf)]).status == .forbidden)
            #expect(try office.count("contact") == 0)
        }
    }

    @Test func whatUsersTypeIsInertOnEveryPageAndInJSON() async throws {
        let office = try Office()
        let payload = #"<script>alert(1)</script>"onmouseover="alert(2)'&amp;"#
        try office.workspace.database.write { db in
            try db.execute(sql: "UPDATE firm SET name = ?, note = ?, web = ? WHERE id = ?", arguments: [payload, payload, payload, office.skoda])
            try db.execute(sql: "UPDATE person SET first = ?, function = ? WHERE id = ?", arguments: [payload, payload, office.jana])
        }
        _ = try office.workspace.contacts.log(LogContact(personId: office.jana, fields: ContactInput(kind: "call", text: payload, note: payload,
                                                                                                   nextDate: "2026-12-02", nextTask: payload)), by: office.jan)
        try await withSite(office) { client in
            let browser = Browser(client)
            try await browser.logIn("jan")
            for path in ["/day", "/firms", "/firms/\(office.skoda)", "/persons/\(office.jana)", "/search?q=alert", "/firms?where=" + Browser.escape("name = \"\(payload)\"")] {
                let page = try await browser.get(path)
                #expect(!page.body.contains("<script>alert"), "\(path)")
                #expect(!page.body.contains(#""onmouseover"#), "\(path)")
                #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || path.hasPrefix("/firms?"), "\(path) shows the text, escaped")
            }
            for path in ["/api/v1/firms/\(office.skoda)", "/api/v1/search?q=alert", "/api/v1/tasks"] {
                let reply = try await browser.json(path)
                #expect(reply.status == .ok)
                #expect(!reply.body.contains("<") && !reply.body.contains(">"), "\(path): angle brackets are \\u003c in JSON")
                #expect(reply.body.contains(#"\u003cscript\u003e"#), "\(path)")
            }
        }
    }

    @Test func salesCannotReachAdminNorChangeAnothersTasks() async throws {
        let office = try Office()
        let theirs = try office.workspace.contacts.log(LogContact(firmId: office.alfa, fields: ContactInput(kind: "call", text: "Mariin hovor",
                                                                                                          nextDate: "2026-12-02", nextTask: "Mariin úkol")), by: office.marie)
        try await withSite(office) { client in
            let browser = Browser(client)
            try await browser.logIn("jan")
            let day = try await browser.get("/day")
            #expect(!day.body.contains("Mariin úkol"), "my day is mine")
            #expect(!day.body.contains(#"href="/admin""#), "no link to admin")
            #expect(try await browser.get("/admin/users").status == .forbidden)
            let crafted = try await browser.post("/tasks/\(theirs.taskId!)/done", [])
            #expect(crafted.status == .forbidden)
            #expect(try office.workspace.contacts.show(id: theirs.taskId!).contact.isOpenTask)
            let api = try await browser.json("/api/v1/tasks/\(theirs.taskId!)/done", method: .post, headers: [HTTPField.Name("X-CSRF-Token")!: browser.csrf])
            #expect(api.status == .forbidden)
            #expect(api.body.contains(#""kind":"forbidden""#))
        }
    }

    @Test func myDayMarksDoneReschedulesAndLogsTheOutcome() async throws {
        let office = try Office()
        let a = try office.workspace.contacts.log(LogContact(firmId: office.skoda, fields: ContactInput(kind: "call", text: "a", nextDate: "2026-12-01", nextTask: "Úkol A")), by: office.jan)
        let b = try office.workspace.contacts.log(LogContact(firmId: office.skoda, fields: ContactInput(kind: "call", text: "b", nextDate: "2026-12-02", nextTask: "Úkol B")), by: office.jan)
        let c = try office.workspace.contacts.log(LogContact(personId: office.jana, fields: ContactInput(kind: "call", text: "c", nextDate: "2026-12-02", nextTask: "Úkol C")), by: office.jan)
        try await withSite(office) { client in
            let browser = Browser(client)
            try await browser.logIn("jan")
            let day = try await browser.get("/day")
            let overdue = try #require(day.body.range(of: "Po termínu"))
            let today = try #require(day.body.range(of: "<h2 id=\"group-today\">"))
            #expect(overdue.lowerBound < today.lowerBound, "overdue first")
            #expect(try await browser.post("/tasks/\(a.taskId!)/done", []).location == "/day?notice=done")
            #expect(try await browser.post("/tasks/\(b.taskId!)/reschedule", [("date", "2026-12-08")]).status == .seeOther)
            let logged = try await browser.post("/tasks/\(c.taskId!)/complete", [("kind", "meeting"), ("result", "contract"), ("text", "Podepsáno"),
                                                                                 ("nextDate", ""), ("nextTask", "")])
            #expect(logged.status == .seeOther)
            let after = try await browser.get("/day")
            #expect(!after.body.contains("Úkol A") && !after.body.contains("Úkol C"))
            #expect(after.body.contains("Úkol B") && after.body.contains("8.12.2026"))
            #expect(try office.count("contact", "text = 'Podepsáno' AND result = 'contract' AND person_id = \(office.jana)") == 1)
        }
    }

    @Test func theFirmListFiltersPagesAndExplainsAFilterError() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let browser = Browser(client)
            try await browser.logIn("jan")
            let brno = try await browser.get("/firms?where=" + Browser.escape("city = \"Brno\"") + "&col=city&col=roles")
            #expect(brno.body.contains("Alfa spol. s r.o.") && !brno.body.contains("Škoda Auto"))
            #expect(brno.body.contains("<td>Brno</td><td>Potenciální zákazník</td>"))
            let typo = try await browser.get("/firms?where=" + Browser.escape("teritory = Morava"))
            #expect(typo.status == .unprocessableContent)
            #expect(typo.body.contains("1:1: there is no firm field or attribute &quot;teritory&quot;"))
            #expect(typo.body.contains("  ^~~~~~~~"), "the caret under the mistake, as on the command line")
            let csv = try await browser.get("/firms.csv?col=ico")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.body.hasPrefix("\u{FEFF}id;name;IČO"))
            #expect(csv.body.contains("Škoda Auto a.s.;00177041"))
        }
    }

    @Test func searchFindsWithoutDiacriticsAndByPhone() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let browser = Browser(client)
            try await browser.logIn("jan")
            let page = try await browser.get("/search?q=skoda")
            #expect(page.body.contains(#"<a href="/firms/\#(office.skoda)">"#))
            let json = try await browser.json("/api/v1/search?q=" + Browser.escape("603222333"))
            #expect(json.body.contains(#""title":"Jana Nováková""#))
        }
    }
}

@Suite struct LiveUpdateTests {
    /// A firm page's stream says "change" when a colleague logs a contact there. (Whether the
    /// stream opened before or after the write, under any load: a write before it differs
    /// from the page's version and is told at once.)
    @Test func aFirmPagesStreamTellsOfAContactLoggedThere() async throws {
        let office = try Office()
        try await withSite(office, configuration: ServerConfiguration(allowedOrigins: [Browser.origin], live: (interval: 0.05, lifetime: 2))) { client in
            let browser = Browser(client)
            try await browser.logIn("jan")
            let page = try await browser.get("/firms/\(office.skoda)")
            let version = try #require(page.body.firstMatch(of: /data-live-version="(\d+)"/)).1
            #expect(page.body.contains(#"data-live="firm:\#(office.skoda)""#))
            let writer = Task {
                try await Task.sleep(for: .milliseconds(400))
                _ = try office.workspace.contacts.log(LogContact(firmId: office.skoda, fields: ContactInput(kind: "call", text: "Tady")), by: office.marie)
            }
            let stream = try await browser.get("/live?scope=firm:\(office.skoda)&since=\(version)")
            try await writer.value
            #expect(stream.headers[.contentType] == "text/event-stream; charset=utf-8")
            #expect(stream.body.hasPrefix("retry: 10000\n\n"))
            #expect(stream.body.contains("event: change\ndata: "), "\(stream.body)")
        }
    }

    /// The state of a firm moves with its own contacts only; my tasks with my tasks only.
    @Test func aScopesStateMovesOnlyWithItsOwnRecords() throws {
        let office = try Office()
        let live = office.workspace.live
        let skoda = try live.state(.firm(office.skoda), after: nil, by: office.jan)
        let tasks = try live.state(.tasks(referent: "jn"), after: nil, by: office.jan)
        _ = try office.workspace.contacts.log(LogContact(firmId: office.alfa, fields: ContactInput(kind: "call", text: "Jinde")), by: office.marie)
        let afterOther = try live.state(.firm(office.skoda), after: skoda, by: office.jan)
        #expect(afterOther.version > skoda.version && afterOther.fingerprint == skoda.fingerprint)
        #expect(try live.state(.tasks(referent: "jn"), after: tasks, by: office.jan).fingerprint == tasks.fingerprint)
        _ = try office.workspace.contacts.log(LogContact(firmId: office.skoda, fields: ContactInput(kind: "call", text: "Tady", nextDate: "2026-12-03", nextTask: "Znovu")),
                                              by: office.jan)
        #expect(try live.state(.firm(office.skoda), after: afterOther, by: office.jan).fingerprint != skoda.fingerprint)
        #expect(try live.state(.tasks(referent: "jn"), after: tasks, by: office.jan).fingerprint != tasks.fingerprint)
        let unchanged = try live.state(.firm(office.alfa), after: nil, by: office.jan)
        #expect(try live.state(.firm(office.alfa), after: unchanged, by: office.jan) == unchanged, "nothing moved: the kept state, no other read")
    }

    @Test func aChangeBeforeTheStreamOpensIsToldAtOnceAndScopesAreChecked() async throws {
        let office = try Office()
        try await withSite(office, configuration: ServerConfiguration(allowedOrigins: [Browser.origin], live: (interval: 0.05, lifetime: 0.3))) { client in
            let browser = Browser(client)
            try await browser.logIn("jan")
            let day = try await browser.get("/day")
            #expect(day.body.contains(#"data-live="tasks:jn""#))
            let version = try #require(day.body.firstMatch(of: /data-live-version="(\d+)"/)).1
            _ = try office.workspace.contacts.log(LogContact(firmId: office.alfa, fields: ContactInput(kind: "call", text: "Zavolat", nextDate: "2026-12-03", nextTask: "Znovu")), by: office.jan)
            let stream = try await browser.get("/live?scope=tasks:jn&since=\(version)")
            #expect(stream.body.contains("event: change"))
            #expect(try await browser.get("/live?scope=tasks:mk").status == .forbidden, "another's tasks")
            #expect(try await browser.get("/live?scope=nothing:1").status == .unprocessableContent)
        }
    }
}
