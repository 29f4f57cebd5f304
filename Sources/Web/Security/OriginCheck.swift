// Cross-site request forgery, the first line: a state-changing request that a browser sends
// with the session cookie must come from this site's own pages. Browsers name the page's origin
// in Origin (or at least Referer); a request that names another is refused before any handler
// runs. Forms also carry a CSRF token (`FormGuard`), which covers browsers that send neither.

import Hummingbird

struct OriginCheck: RouterMiddleware {
    typealias Context = WebContext
    /// The origins the site is reached by (scheme://host[:port]); empty trusts the Host header.
    let allowedOrigins: Set<String>
    let tls: Bool

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let safe: Set<HTTPRequest.Method> = [.get, .head, .options]
        // A bearer token is not ambient: no other site's page can make a browser send it.
        if !safe.contains(request.method), request.headers.bearer == nil, !isSameOrigin(request) {
            throw HTTPError(.forbidden, message: "the request came from another site")
        }
        return try await next(request, context)
    }

    func isSameOrigin(_ request: Request) -> Bool {
        // "null" is what a sandboxed frame or a privacy redirect sends: not this site's page.
        if request.headers[.origin] == "null" { return false }
        let claimed = request.headers[.origin] ?? request.headers[.referer].flatMap(Self.origin(ofURL:))
        guard let claimed else { return true }
        if !allowedOrigins.isEmpty { return allowedOrigins.contains(claimed.lowercased()) }
        guard let host = request.head.authority else { return false }
        return claimed.lowercased() == "\(tls ? "https" : "http")://\(host)".lowercased()
    }

    /// "https://crm.example.cz:8443" of "https://crm.example.cz:8443/firms?x".
    static func origin(ofURL url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return String(url[..<schemeEnd.upperBound]) + host
    }
}
