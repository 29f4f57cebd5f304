// The admin pages: users, referents, code lists, attributes and settings changed in the
// browser with the CLI's checks, audited, and refused to a sales user by link and by crafted
// request alike.

import CRM
import HTTPTypes
import Store
import Testing
import Web
import Workspace
import WorkspaceFixtures

@Suite struct AdminTests {
    @Test func anAdminManagesUsersAndSeesAnAPITokenOnce() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let admin = Browser(client)
            try await admin.logIn("admin")
            let page = try await admin.get("/admin/users")
            #expect(page.body.contains("<td>marie</td>"))
            let added = try await admin.post("/admin/users", [("login", "eva"), ("referent", "mk"), ("role", "sales"), ("password", "evino-dlouhe-heslo")])
            #expect(added.status == .seeOther)
            #expect(try office.values("SELECT login || ' ' || referent || ' ' || role FROM app_user WHERE login = 'eva'") == ["eva mk sales"])
            let short = try await admin.post("/admin/users", [("login", "ota"), ("referent", "mk"), ("role", "sales"), ("password", "kratke")])
            #expect(short.status == .unprocessableContent && short.body.contains("a password needs at least 10 characters"))
            try await admin.get("/admin/users")
            let token = try await admin.post("/admin/users/eva/token", [])
            let shown = try #require(token.body.range(of: #"<pre class="token">"#).map { String(token.body[$0.upperBound...].prefix { $0 != "<" }) })
            #expect(shown.hasPrefix("kt_"))
            #expect(try office.workspace.signIn.user(apiToken: shown)?.login == "eva")
            #expect(!(try await admin.get("/admin/users").body.contains(shown)), "shown once")
            try await admin.post("/admin/users/eva/disable", [])
            #expect(try office.workspace.signIn.user(apiToken: shown) == nil, "disabling revokes the token")
            let eva = Browser(client)
            #expect(try await eva.logIn("eva", password: "evino-dlouhe-heslo").status == .unauthorized)
        }
    }

    @Test func referentsCodeListsAttributesAndSettingsWithTheCLIsChecks() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let admin = Browser(client)
            try await admin.logIn("admin")
            try await admin.get("/admin/referents")
            #expect(try await admin.post("/admin/referents", [("code", "pk"), ("name", "Petr Král"), ("email", "petr@firma.cz")]).status == .seeOther)
            #expect(try await admin.post("/admin/referents", [("code", "pk"), ("name", "Znovu")]).status == .conflict)
            try await admin.post("/admin/referents/pk/deactivate", [])
            #expect(try office.values("SELECT active FROM referent WHERE code = 'pk'") == ["0"])

            try await admin.get("/admin/codelists")
            #expect(try await admin.post("/admin/codelists", [("name", "territory"), ("label", "Oblast")]).status == .seeOther)
            #expect(try await admin.post("/admin/codelists/territory", [("code", "morava"), ("label", "Morava")]).status == .seeOther)
            try await admin.post("/admin/codelists/territory/morava", [("label", "Morava a Slezsko")])
            try await admin.post("/admin/codelists/territory/morava/retire", [])
            #expect(try office.values("SELECT label || ' ' || retired FROM code_value WHERE list = 'territory'") == ["Morava a Slezsko 1"])

            try await admin.get("/admin/attributes")
            #expect(try await admin.post("/admin/attributes", [("name", "territory"), ("entity", "firm"), ("type", "text"), ("codeList", "territory"), ("label", "Oblast")]).status == .seeOther)
            try await admin.post("/admin/attributes/firm/territory", [("label", "Obchodní oblast")])
            #expect(try office.values("SELECT label FROM attribute_definition WHERE name = 'territory'") == ["Obchodní oblast"])

            try await admin.get("/admin/settings")
            let bad = try await admin.post("/admin/settings", [("key", "smtp.concurrency"), ("value", "many")])
            #expect(bad.status == .unprocessableContent && bad.body.contains("smtp.concurrency takes a positive number, not &quot;many&quot;"))
            #expect(try await admin.post("/admin/settings", [("key", "smtp.url"), ("value", "smtp://127.0.0.1:2525")]).status == .seeOther)
            #expect(try await admin.post("/admin/settings", [("key", "smtp.password"), ("value", "x")]).status == .unprocessableContent)
            #expect(try office.values("SELECT value FROM setting WHERE key = 'smtp.url'") == ["smtp://127.0.0.1:2525"])
            #expect(try office.count("audit_entry", "actor = 'web:admin' AND entity IN ('referent', 'code_list', 'code_value', 'attribute', 'setting')") == 9)
        }
    }

    /// Names with diacritics reach the server percent-encoded, as a browser sends a form's action.
    @Test func aCzechNamedCodeListIsFoundByItsEncodedPath() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let admin = Browser(client)
            try await admin.logIn("admin")
            try await admin.get("/admin/codelists")
            #expect(try await admin.post("/admin/codelists", [("name", "odvětví"), ("label", "Odvětví")]).status == .seeOther)
            #expect(try await admin.post("/admin/codelists/odv%C4%9Btv%C3%AD", [("code", "strojirenstvi"), ("label", "Strojírenství")]).status == .seeOther)
            #expect(try office.values("SELECT list || ' ' || label FROM code_value WHERE code = 'strojirenstvi'") == ["odvětví Strojírenství"])
        }
    }

    @Test func aSalesUserIsRefusedEveryAdminRoute() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let sales = Browser(client)
            try await sales.logIn("jan")
            for path in ["/admin/users", "/admin/referents", "/admin/codelists", "/admin/attributes", "/admin/settings"] {
                #expect(try await sales.get(path).status == .forbidden, "\(path)")
            }
            try await sales.get("/day")
            let crafted: [(String, [(String, String)])] = [
                ("/admin/users", [("login", "x"), ("referent", "jn"), ("role", "admin"), ("password", "dlouhe-heslo-123")]),
                ("/admin/users/marie/role", [("role", "admin")]), ("/admin/users/marie/token", []), ("/admin/users/admin/disable", []),
                ("/admin/referents", [("code", "x"), ("name", "X")]), ("/admin/codelists", [("name", "x")]),
                ("/admin/attributes", [("name", "x"), ("entity", "firm"), ("type", "text")]), ("/admin/settings", [("key", "mail.from"), ("value", "a@b.cz")]),
            ]
            for (path, fields) in crafted { #expect(try await sales.post(path, fields).status == .forbidden, "\(path)") }
            #expect(try office.count("app_user") == 3)
            #expect(try office.values("SELECT role FROM app_user WHERE login = 'marie'") == ["sales"])
            #expect(try office.count("api_token") == 0 && office.count("setting", "key = 'mail.from'") == 0)
        }
    }
}
