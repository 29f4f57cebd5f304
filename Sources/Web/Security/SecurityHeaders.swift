// Headers on every response: a CSP that allows no inline script or style and nothing from
// elsewhere, no framing, no MIME sniffing, no referrer leaving the site, and HSTS under TLS.

import HTTPTypes
import Hummingbird

struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    let tls: Bool

    static var policy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    /// Set by a route whose body is a message's HTML, never by one of our pages.
    static var sandboxMarker: HTTPField.Name { HTTPField.Name("X-Kontakt-Sandbox")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        if response.headers[Self.sandboxMarker] != nil {
            // A message's own HTML (a campaign preview): shown as a mail client would, in a
            // sandbox without script, forms or this site's origin, fetching nothing.
            response.headers[Self.sandboxMarker] = nil
            response.headers[.contentSecurityPolicy] = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        } else {
            response.headers[.contentSecurityPolicy] = Self.policy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=(), payment=()"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        if tls { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
