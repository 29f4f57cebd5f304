// The JSON API: bearer tokens, the same rules and sentences as the CLI, errors as JSON.

import GRDB
import HTTPTypes
import Store
import Testing
import Web
import Workspace
import WorkspaceFixtures

@Suite struct APITests {
    @Test func aBearerTokenActsAsItsUserWithoutCSRF() async throws {
        let office = try Office()
        let token = try office.workspace.accounts.issueToken(login: "jan", by: .localOperator)
        try await withSite(office) { client in
            let api = Browser(client)
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            let me = try await api.json("/api/v1/me", headers: auth)
            #expect(me.body == #"{"login":"jan","role":"sales","referent":"jn"}"# + "\n")
            let created = try await api.json("/api/v1/contacts", method: .post, body: #"{"personId": \#(office.jana), "kind": "call", "text": "Z API", "nextDate": "2026-12-03", "nextTask": "Zavolat"}"#, headers: auth)
            #expect(created.status == .created)
            #expect(created.body.hasPrefix(#"{"id":"#) && created.body.contains(#""taskId":"#))
            let firm = try await api.json("/api/v1/firms/\(office.skoda)", headers: auth)
            #expect(firm.body.contains(#""text":"Z API""#) && firm.body.contains(#""referent":"jn""#))
            #expect(try office.values("SELECT actor FROM audit_entry WHERE entity = 'contact' LIMIT 1") == ["web:jan"])
        }
    }

    @Test func errorsAreJSONWithTheCLIsSentences() async throws {
        let office = try Office()
        let token = try office.workspace.accounts.issueToken(login: "jan", by: .localOperator)
        try await withSite(office) { client in
            let api = Browser(client)
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            let anonymous = try await api.json("/api/v1/firms")
            #expect(anonymous.status == .unauthorized && anonymous.headers[.wwwAuthenticate] == "Bearer")
            #expect(try await api.json("/api/v1/firms", headers: [.authorization: "Bearer kt_forged"]).status == .unauthorized)
            let segment = try await api.json("/api/v1/segments/count", method: .post, body: #"{"expression": "city = \"Brno\" and teritory = 1", "target": "firm"}"#, headers: auth)
            #expect(segment.status == .unprocessableContent)
            #expect(segment.body.contains(#""kind":"invalid""#) && segment.body.contains(#""position":18,"line":1,"column":19"#))
            #expect(segment.body.contains(#""message":"1:19: there is no firm field or attribute \"teritory\""#))
            let asOther = try await api.json("/api/v1/contacts", method: .post, body: #"{"firmId": \#(office.alfa), "kind": "call", "referent": "mk", "text": "x"}"#, headers: auth)
            #expect(asOther.status == .forbidden && asOther.body.contains("a sales user logs contacts as its own referent only"))
            let badType = try await api.json("/api/v1/contacts", method: .post, body: #"{"firmId": "one", "text": "x"}"#, headers: auth)
            #expect(badType.status == .unprocessableContent && badType.body.contains(#""field":"firmId""#))
            let missing = try await api.json("/api/v1/firms/999999", headers: auth)
            #expect(missing.status == .notFound && missing.body.contains("there is no firm 999999"))
            let count = try await api.json("/api/v1/segments/count", method: .post, body: #"{"expression": "city = \"Brno\"", "target": "firm"}"#, headers: auth)
            #expect(count.body == #"{"target":"firm","count":1,"countCapped":false}"# + "\n")
        }
    }

    @Test func aSessionsAPIWritesNeedItsCSRFHeader() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let browser = Browser(client)
            try await browser.logIn("jan")
            try await browser.get("/day")
            let body = #"{"firmId": \#(office.skoda), "kind": "call", "text": "Ze stránky"}"#
            #expect(try await browser.json("/api/v1/contacts", method: .post, body: body).status == .forbidden)
            let ok = try await browser.json("/api/v1/contacts", method: .post, body: body, headers: [HTTPField.Name("X-CSRF-Token")!: browser.csrf])
            #expect(ok.status == .created)
        }
    }

    @Test func healthAndMetricsAnswerWithoutALogin() async throws {
        let office = try Office()
        try await withSite(office) { client in
            let browser = Browser(client)
            #expect(try await browser.get("/healthz").body == "ok\n")
            try await browser.get("/login")
            let metrics = try await browser.get("/metrics")
            #expect(metrics.body.contains(#"kontakt_http_requests_total{method="GET",route="/healthz",status="200"} 1"#))
            #expect(metrics.body.contains("process_resident_memory_bytes "))
        }
    }
}

@Suite struct APISegmentAndCampaignTests {
    @Test func aSegmentPreviewListsTheFirstMatchesWithTheCount() async throws {
        let office = try Office()
        let token = try office.workspace.accounts.issueToken(login: "jan", by: .localOperator)
        try await withSite(office) { client in
            let api = Browser(client)
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            let persons = try await api.json("/api/v1/segments/preview", method: .post, body: #"{"expression": "emailConsent or not emailConsent", "limit": 1}"#, headers: auth)
            #expect(persons.status == .ok)
            #expect(persons.body.hasPrefix(#"{"target":"person","count":2,"countCapped":false,"persons":[{"id":"#))
            #expect(persons.body.contains(#""last":"Dvořák""#) && !persons.body.contains("Nováková"), "one match, the first in Czech order")
            #expect(persons.body.contains(#""firmName":"Alfa spol. s r.o.""#) && persons.body.hasSuffix(#""firms":[]}"# + "\n"))
            let firms = try await api.json("/api/v1/segments/preview", method: .post, body: #"{"expression": "city = \"Brno\"", "target": "firm"}"#, headers: auth)
            #expect(firms.body.contains(#""count":1"#) && firms.body.contains(#""persons":[],"firms":[{"id":\#(office.alfa),"name":"Alfa spol. s r.o.""#))
            let typo = try await api.json("/api/v1/segments/preview", method: .post, body: #"{"expression": "cty = 1"}"#, headers: auth)
            #expect(typo.status == .unprocessableContent && typo.body.contains(#""position":0,"line":1,"column":1"#))
            let tooMany = try await api.json("/api/v1/segments/preview", method: .post, body: #"{"expression": "city = 1", "limit": 201}"#, headers: auth)
            #expect(tooMany.status == .unprocessableContent && tooMany.body.contains(#""field":"limit""#))
        }
    }

    @Test func aCampaignsStatusCountsEveryStateAndNamesTheFailures() async throws {
        let office = try Office()
        try office.workspace.database.write { db in
            let id = try CampaignRecords.create(StoredCampaign(name: "Podzim-č", templatePath: "Templates/podzim.md", templateSource: "x", templateHash: "abc",
                                                               expression: "emailConsent", target: .person, segmentName: nil, referent: "jn", channel: .email), db: db)
            try db.execute(sql: """
                INSERT INTO campaign_recipient(campaign_id, person_id, firm_id, email, state, reply, attempts, updated_at) VALUES
                  (?, ?, ?, 'jana.novakova@skoda.cz', 'sent', NULL, 1, '2026-12-02T08:00:00Z'),
                  (?, ?, ?, 'petr@alfa.cz', 'failed', '550 5.1.1 <petr@alfa.cz>: no such user', 1, '2026-12-02T08:00:00Z')
                """, arguments: [id, office.jana, office.skoda, id, office.petr, office.alfa])
        }
        let token = try office.workspace.accounts.issueToken(login: "marie", by: .localOperator)
        try await withSite(office) { client in
            let api = Browser(client)
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            let list = try await api.json("/api/v1/campaigns", headers: auth)
            #expect(list.body.contains(#"{"name":"Podzim-č","#) && list.body.contains(#""href":"/api/v1/campaigns/Podzim-%C4%8D""#))
            let status = try await api.json("/api/v1/campaigns/Podzim-%C4%8D", headers: auth)
            #expect(status.status == .ok)
            #expect(status.body.contains(#""recipients":{"rendered":0,"skipped":0,"sending":0,"sent":1,"deferred":0,"failed":1}"#))
            #expect(status.body.contains(#""failures":[{"personId":\#(office.petr),"email":"petr@alfa.cz","state":"failed","attempts":1,"reply":"550 5.1.1 \u003cpetr@alfa.cz\u003e: no such user"}]"#))
            #expect(status.body.contains(#""running":null"#))
            let missing = try await api.json("/api/v1/campaigns/Zima", headers: auth)
            #expect(missing.status == .notFound && missing.body.contains(#"there is no campaign \"Zima\""#))
            #expect(try await api.json("/api/v1/campaigns?archived=maybe", headers: auth).status == .unprocessableContent)
        }
    }
}
