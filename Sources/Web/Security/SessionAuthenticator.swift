// Who is asking: a session cookie (pages, and the page's own script calling the API) or an API
// bearer token. Neither found leaves the request anonymous; the routes decide what that means.

import Hummingbird
import HummingbirdAuth
import Workspace

struct SessionAuthenticator: RouterMiddleware {
    typealias Context = WebContext
    let workspace: Workspace
    let cookieName: String

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let bearer = request.headers.bearer?.token {
            let workspace = self.workspace
            // A token that is not (or no longer) valid is an error, not an anonymous request:
            // the client meant to be someone.
            guard let user = try await blocking({ try workspace.signIn.user(apiToken: bearer) }) else {
                throw HTTPError(.unauthorized, message: "the bearer token is not valid")
            }
            context.identity = user
        } else if let token = request.cookies[cookieName]?.value {
            let workspace = self.workspace
            if let user = try await blocking({ try workspace.signIn.user(session: token) }) {
                context.identity = user
                context.sessionToken = token
            }
        }
        return try await next(request, context)
    }
}
