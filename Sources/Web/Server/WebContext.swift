// What a request carries through the middleware to its handler: the signed-in user (from a
// session cookie or a bearer token), the session's cookie value for its CSRF token, and the
// peer's address for throttling.

import Hummingbird
import HummingbirdAuth
import NIOCore
import Workspace

public struct WebContext: AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: SignedInUser?
    /// The session cookie's value, when the user came in with one (not with a bearer token).
    public var sessionToken: String?
    /// The peer's IP address; proxies are not trusted, so X-Forwarded-For is not read.
    public let remoteAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    /// Forms and JSON bodies are small; uploads belong to their own routes.
    public var maxUploadSize: Int { 1 << 20 }

    /// The principal use cases are called with; only routes behind `RequireUser` reach here
    /// with nobody signed in.
    var principal: Principal {
        get throws {
            guard let identity else { throw HTTPError(.unauthorized) }
            return .user(identity)
        }
    }
}
