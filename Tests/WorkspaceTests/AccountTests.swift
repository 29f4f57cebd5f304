// Users, passwords, sessions and tokens: what logs in, for how long, and what the file keeps.

import CRM
import Foundation
import Store
import Testing
import Workspace
import WorkspaceFixtures

@Suite struct AccountTests {
    @Test func loginStartsASessionThatResolvesToTheUser() throws {
        let office = try Office()
        let started = try office.workspace.signIn.logIn(login: "jan", password: Office.password)
        #expect(started.user.login == "jan")
        #expect(started.user.role == .sales)
        #expect(started.user.referent == "jn")
        #expect(try office.workspace.signIn.user(session: started.token) == started.user)
        // Logins are not case sensitive.
        #expect(try office.workspace.signIn.logIn(login: "JAN", password: Office.password).user.login == "jan")
    }

    @Test func wrongPasswordUnknownLoginAndDisabledUserGetTheSameSentence() throws {
        let office = try Office()
        let expected = WorkspaceError.unauthenticated("the login or the password is wrong")
        #expect(throws: expected) { try office.workspace.signIn.logIn(login: "jan", password: "not-the-password") }
        #expect(throws: expected) { try office.workspace.signIn.logIn(login: "nobody", password: Office.password) }
        try office.workspace.accounts.setDisabled(true, login: "jan", by: .localOperator)
        #expect(throws: expected) { try office.workspace.signIn.logIn(login: "jan", password: Office.password) }
    }

    @Test func sessionsExpireWhenIdleAndAfterTheirAbsoluteLifetime() throws {
        let office = try Office()
        var policy = SessionPolicy()
        policy.idle = 100
        policy.absolute = 250
        let token = try office.workspace.signIn.logIn(login: "jan", password: Office.password, policy: policy).token
        office.clock.advance(seconds: 90)
        #expect(try office.workspace.signIn.user(session: token, policy: policy) != nil)
        office.clock.advance(seconds: 90)
        #expect(try office.workspace.signIn.user(session: token, policy: policy) != nil, "each use moves the idle limit")
        office.clock.advance(seconds: 90)
        #expect(try office.workspace.signIn.user(session: token, policy: policy) == nil, "270 s is past the absolute 250 s")
        #expect(try office.count("web_session") == 0, "an expired session is removed")

        let idle = try office.workspace.signIn.logIn(login: "jan", password: Office.password, policy: policy).token
        office.clock.advance(seconds: 101)
        #expect(try office.workspace.signIn.user(session: idle, policy: policy) == nil)
    }

    @Test func logoutPasswordChangeAndDisablingEndSessions() throws {
        let office = try Office()
        let first = try office.workspace.signIn.logIn(login: "jan", password: Office.password).token
        try office.workspace.signIn.logOut(session: first)
        #expect(try office.workspace.signIn.user(session: first) == nil)

        let second = try office.workspace.signIn.logIn(login: "jan", password: Office.password).token
        try office.workspace.accounts.setPassword(login: "jan", password: "docela-nove-heslo", by: .localOperator)
        #expect(try office.workspace.signIn.user(session: second) == nil)
        #expect(throws: WorkspaceError.self) { try office.workspace.signIn.logIn(login: "jan", password: Office.password) }
        let third = try office.workspace.signIn.logIn(login: "jan", password: "docela-nove-heslo").token
        try office.workspace.accounts.setDisabled(true, login: "jan", by: .localOperator)
        #expect(try office.workspace.signIn.user(session: third) == nil)
    }

    @Test func theFileKeepsNoPasswordSessionOrToken() throws {
        let office = try Office()
        let session = try office.workspace.signIn.logIn(login: "jan", password: Office.password).token
        let token = try office.workspace.accounts.issueToken(login: "marie", by: .localOperator)
        #expect(token.hasPrefix("kt_"))
        #expect(try office.workspace.signIn.user(apiToken: token)?.login == "marie")
        #expect(try office.workspace.signIn.user(apiToken: token + "x") == nil)
        let stored = try office.values("SELECT password_hash FROM app_user")
            + office.values("SELECT hex(token_hash) FROM web_session") + office.values("SELECT hex(token_hash) FROM api_token")
        #expect(stored.allSatisfy { $0.hasPrefix("$2") || $0.count == 64 })
        let everything = try office.workspace.database.read { db in try String.fetchAll(db, sql: "SELECT quote(token_hash) FROM web_session UNION ALL SELECT quote(token_hash) FROM api_token UNION ALL SELECT password_hash FROM app_user") }
        for secret in [session, token, Office.password] {
            #expect(!everything.contains { $0.contains(secret) })
        }
        try office.workspace.accounts.revokeTokens(login: "marie", by: .localOperator)
        #expect(try office.workspace.signIn.user(apiToken: token) == nil)
    }

    @Test func csrfTokensBelongToOneSession() throws {
        let office = try Office()
        let a = try office.workspace.signIn.logIn(login: "jan", password: Office.password).token
        let b = try office.workspace.signIn.logIn(login: "jan", password: Office.password).token
        #expect(a != b, "every login makes a new session id")
        let token = try office.workspace.signIn.csrfToken(for: a)
        #expect(try office.workspace.signIn.verifyCSRF(token, for: a))
        #expect(try !office.workspace.signIn.verifyCSRF(token, for: b))
        #expect(try !office.workspace.signIn.verifyCSRF("", for: a))
    }

    @Test func addingChecksLoginPasswordReferentAndRights() throws {
        let office = try Office()
        #expect(throws: WorkspaceError.invalid(field: "password", "a password needs at least 10 characters")) {
            try office.workspace.accounts.add(login: "eva", referent: "jn", role: .sales, password: "kratke", by: .localOperator)
        }
        #expect(throws: WorkspaceError.self) { try office.workspace.accounts.add(login: "eva novak", referent: "jn", role: .sales, password: Office.password, by: .localOperator) }
        #expect(throws: StoreError.self) { try office.workspace.accounts.add(login: "eva", referent: "xx", role: .sales, password: Office.password, by: .localOperator) }
        #expect(throws: StoreError.self) { try office.workspace.accounts.add(login: "JAN", referent: "jn", role: .sales, password: Office.password, by: .localOperator) }
        #expect(throws: WorkspaceError.self) { try office.workspace.accounts.add(login: "eva", referent: "jn", role: .admin, password: Office.password, by: office.jan) }
        #expect(throws: WorkspaceError.self) { try office.workspace.accounts.setPassword(login: "marie", password: Office.password, by: office.jan) }
        // A user changes its own password.
        try office.workspace.accounts.setPassword(login: "jan", password: "jine-dlouhe-heslo", by: office.jan)
        let users = try office.workspace.accounts.list(by: office.admin)
        #expect(users.map(\.login) == ["admin", "jan", "marie"])
        #expect(try office.count("audit_entry", "entity = 'user'") == 4)
    }

    @Test func throttleRefusesAfterTheLimitForTheLoginAndForTheAddress() {
        let throttle = LoginThrottle(limit: 3, window: 60)
        for second in 0 ..< 3 { throttle.recordFailure(login: "jan", address: "10.0.0.1", now: Double(second)) }
        #expect(throttle.retryAfter(login: "jan", address: "10.0.0.9", now: 3) != nil, "per login, from any address")
        #expect(throttle.retryAfter(login: "eva", address: "10.0.0.1", now: 3) != nil, "per address, for any login")
        #expect(throttle.retryAfter(login: "eva", address: "10.0.0.9", now: 3) == nil)
        #expect(throttle.retryAfter(login: "jan", address: "10.0.0.9", now: 61) == nil, "the window passes")
    }
}
