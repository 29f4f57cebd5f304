// Logging in and out over HTTP: the login form's CSRF cookie, the session cookie's attributes,
// a new session at every login, throttling with 429, and pages that need a session.

import HTTPTypes
import Testing
import Web
import Workspace
import WorkspaceFixtures

@Suite struct LoginTests {
    @Test func pagesSendTheAnonymousToLoginAndBackAfterwards() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let browser = Browser(client)
            let away = try await browser.get("/firms/\(office.skoda)")
            #expect(away.status == .seeOther)
            #expect(away.location == "/login?next=%2Ffirms%2F\(office.skoda)")
            let page = try await browser.get(away.location!)
            #expect(page.status == .ok)
            #expect(page.body.contains(#"<input type="hidden" name="next" value="/firms/\#(office.skoda)">"#))
            #expect(browser.cookies["kontakt_login"] != nil, "the login form's own CSRF cookie")
            let login = try await browser.post("/login", [("login", "jan"), ("password", Office.password), ("next", "/firms/\(office.skoda)")])
            #expect(login.status == .seeOther)
            #expect(login.location == "/firms/\(office.skoda)")
            let cookie = try #require(login.setCookies.first { $0.hasPrefix("kontakt_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"), "no Secure flag without TLS, or the browser would drop it")
            #expect(try await browser.get("/firms/\(office.skoda)").status == .ok)
        }
    }

    @Test func anOffSiteNextIsIgnored() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let browser = Browser(client)
            try await browser.get("/login")
            for next in ["https://evil.example/", "//evil.example/x", "/\\evil.example"] {
                let reply = try await browser.post("/login", [("login", "jan"), ("password", Office.password), ("next", next)])
                #expect(reply.location == "/day")
                try await browser.get("/login")
            }
        }
    }

    @Test func wrongPasswordsAreThrottledPerLogin() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let browser = Browser(client)
            try await browser.get("/login")
            for _ in 0 ..< 10 {
                let reply = try await browser.post("/login", [("login", "jan"), ("password", "spatne-heslo-123")])
                #expect(reply.status == .unauthorized)
                #expect(reply.body.contains("Přihlašovací jméno nebo heslo nesouhlasí."))
            }
            let throttled = try await browser.post("/login", [("login", "jan"), ("password", Office.password)])
            #expect(throttled.status == .tooManyRequests)
            #expect(Int(throttled.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect(browser.cookies["kontakt_session"] == nil, "not even the right password gets in while throttled")
        }
    }

    @Test func loginWithoutItsCSRFTokenIsRefused() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let browser = Browser(client)
            try await browser.get("/login")
            let reply = try await browser.post("/login", [("login", "jan"), ("password", Office.password), ("_csrf", "forged")])
            #expect(reply.status == .forbidden)
            #expect(browser.cookies["kontakt_session"] == nil)
        }
    }

    @Test func aPlantedSessionIdIsReplacedAndLogoutEndsTheSession() async throws {
        let office = try Office()
        try await withSite(office) { client in
            // An id the server never issued is no session, and the login issues its own.
            let victim = Browser(client)
            try await victim.get("/login")
            victim.cookies["kontakt_session"] = "chosen-by-the-attacker"
            #expect(try await victim.get("/day").status == .seeOther)
            try await victim.get("/login")
            try await victim.post("/login", [("login", "jan"), ("password", Office.password)])
            let own = try #require(victim.cookies["kontakt_session"])
            #expect(own != "chosen-by-the-attacker")

            // A valid session the browser came with (planted, or another user's) ends at the login.
            let attacker = Browser(client)
            try await attacker.logIn("marie")
            let second = Browser(client)
            try await second.get("/login")
            second.cookies["kontakt_session"] = attacker.cookies["kontakt_session"]
            try await second.post("/login", [("login", "jan"), ("password", Office.password)])
            #expect(second.cookies["kontakt_session"] != attacker.cookies["kontakt_session"])
            #expect(try await attacker.get("/day").status == .seeOther, "the planted session ended with the login")
            #expect(try await second.get("/day").body.contains("jan"))

            let page = try await victim.get("/day")
            #expect(page.status == .ok)
            let out = try await victim.post("/logout", [])
            #expect(out.status == .seeOther && out.location == "/login")
            let reused = Browser(client)
            reused.cookies["kontakt_session"] = own
            #expect(try await reused.get("/day").status == .seeOther, "the cookie is worthless after logout")
            #expect(try office.count("web_session") == 1, "only the second browser's session is left")
        }
    }
}
