// Logging in and out. The login form carries a CSRF token bound to a random pre-session cookie;
// ten failures a minute for one login or from one address are answered 429 without checking
// the password; a successful login always starts a new session (an id planted before the login
// is worth nothing after it); logging out ends the session in the database.

import Foundation
import Hummingbird
import Workspace

extension Site {
    func addLogin(to router: Router<WebContext>) {
        router.get("/") { _, context -> Response in
            .redirect(to: context.identity == nil ? "/login" : "/day", type: .found)
        }
        router.get("login") { request, context -> Response in
            if context.identity != nil { return .redirect(to: Site.localPath(FormFields(query: request)["next"]) ?? "/day", type: .found) }
            return try await loginPage(request: request, context: context, next: FormFields(query: request)["next"])
        }
        router.post("login") { request, context -> Response in
            try await logIn(request: request, context: context)
        }
        router.post("logout") { request, context -> Response in
            let form = try await FormFields.body(of: request)
            guard let session = context.sessionToken else { return .redirect(to: "/login", type: .normal) }
            try await forms.check(form["_csrf"], cookie: session)
            try await run { try $0.signIn.logOut(session: session) }
            var response = Response.redirect(to: "/login", type: .normal)
            response.setCookie(expired(Site.sessionCookie))
            return response
        }
    }

    private func loginPage(request: Request, context: WebContext, next: String?, message: String? = nil, login: String? = nil,
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        let existing = request.cookies[Site.loginCookie]?.value
        let cookie = existing.flatMap { $0.utf8.count <= 64 && !$0.isEmpty ? $0 : nil } ?? Workspace.randomToken()
        let token = try await forms.token(forCookie: cookie)
        var values: [String: Any] = ["loginCSRF": token, "next": Site.localPath(next) ?? ""]
        if let message { values["message"] = message }
        if let login { values["loginName"] = login }
        var response = renderer.page("login", title: renderer.text["login.title"], values: values, context: context, csrf: "", status: status)
        if cookie != existing { response.setCookie(makeCookie(Site.loginCookie, cookie, maxAge: 3600)) }
        return response
    }

    private func logIn(request: Request, context: WebContext) async throws -> Response {
        let form = try await FormFields.body(of: request, limit: 16 * 1024)
        let login = String((form["login"] ?? "").trimmingCharacters(in: .whitespaces).prefix(64))
        let password = form["password"] ?? ""
        let next = form["next"]
        guard let cookie = request.cookies[Site.loginCookie]?.value,
              (try? await forms.check(form["_csrf"], cookie: cookie)) != nil else {
            return try await loginPage(request: request, context: context, next: next, message: renderer.text["login.expired"], login: login, status: .forbidden)
        }
        let now = workspace.seconds()
        if let wait = throttle.retryAfter(login: login, address: context.remoteAddress, now: now) {
            var response = try await loginPage(request: request, context: context, next: next, message: renderer.text["login.throttled"], login: login,
                                               status: .tooManyRequests)
            response.headers[.retryAfter] = String(Int(wait.rounded(.up)))
            return response
        }
        let policy = configuration.sessions
        do {
            let started = try await run { try $0.signIn.logIn(login: login, password: password, policy: policy) }
            throttle.recordSuccess(login: login)
            // A session cookie the browser came with (planted, or left over) ends now.
            if let old = request.cookies[Site.sessionCookie]?.value { try? await run { try $0.signIn.logOut(session: old) } }
            var response = Response.redirect(to: Site.localPath(next) ?? "/day", type: .normal)
            response.setCookie(makeCookie(Site.sessionCookie, started.token, maxAge: Int(policy.absolute)))
            response.setCookie(expired(Site.loginCookie))
            context.logger.info("login", metadata: ["login": "\(started.user.login)"])
            return response
        } catch let error as WorkspaceError {
            guard case .unauthenticated = error else { throw error }
            throttle.recordFailure(login: login, address: context.remoteAddress, now: now)
            context.logger.notice("login failed", metadata: ["address": "\(context.remoteAddress)"])
            return try await loginPage(request: request, context: context, next: next, message: renderer.text["login.failed"], login: login, status: .unauthorized)
        }
    }

    func makeCookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: configuration.usesTLS, httpOnly: true, sameSite: .lax)
    }

    func expired(_ name: String) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: configuration.usesTLS, httpOnly: true, sameSite: .lax)
    }
}
