// The CSRF token of forms: every state-changing form carries `_csrf`, an HMAC of the session's
// cookie (the login form: of its own random pre-session cookie). A form without the right one
// is refused whatever its Origin says.

import Hummingbird
import Workspace

struct FormGuard: Sendable {
    let workspace: Workspace

    /// The token a page of this session puts in its forms.
    func token(for context: WebContext) async throws -> String {
        guard let session = context.sessionToken else { return "" }
        return try await token(forCookie: session)
    }

    func token(forCookie value: String) async throws -> String {
        let workspace = self.workspace
        return try await blocking { try workspace.signIn.csrfToken(for: value) }
    }

    /// Reads a form and checks its token against the session.
    func checkedForm(_ request: Request, context: WebContext) async throws -> FormFields {
        let form = try await FormFields.body(of: request)
        guard let session = context.sessionToken else { throw HTTPError(.forbidden, message: "this form needs a session; log in again") }
        try await check(form["_csrf"], cookie: session)
        return form
    }

    func check(_ token: String?, cookie: String) async throws {
        let workspace = self.workspace
        let valid = try await blocking { try workspace.signIn.verifyCSRF(token ?? "", for: cookie) }
        guard valid else { throw HTTPError(.forbidden, message: "the form has expired or did not come from this site; reload the page and try again") }
    }
}
