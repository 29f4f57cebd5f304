// What every page route shares: the workspace, the renderer, the CSRF guard, and how an error
// becomes a page (the same sentence the command line prints, with the HTTP status of its kind).

import Foundation
import Hummingbird
import Workspace

struct Site: Sendable {
    static let sessionCookie = "kontakt_session"
    static let loginCookie = "kontakt_login"

    let workspace: Workspace
    let configuration: ServerConfiguration
    let renderer: PageRenderer
    let throttle: LoginThrottle
    let jobs: CampaignJobs
    var forms: FormGuard { FormGuard(workspace: workspace) }

    /// Runs a use case on the thread pool.
    func run<T: Sendable>(_ body: @escaping @Sendable (Workspace) throws -> T) async throws -> T {
        let workspace = self.workspace
        return try await blocking { try body(workspace) }
    }

    func page(_ template: String, title: String, values: [String: Any], context: WebContext, nav: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let csrf = try await forms.token(for: context)
        return renderer.page(template, title: title, values: values, context: context, csrf: csrf, nav: nav, status: status)
    }

    func errorPage(status: HTTPResponse.Status, message: String, context: WebContext) async -> Response {
        let csrf = (try? await forms.token(for: context)) ?? ""
        return renderer.page("error", title: renderer.text["error.title"], values: ["status": String(status.code), "message": message],
                             context: context, csrf: csrf, status: status)
    }

    static func status(of kind: FailureKind) -> HTTPResponse.Status {
        switch kind {
        case .invalid: return .unprocessableContent
        case .notFound: return .notFound
        case .conflict: return .conflict
        case .forbidden: return .forbidden
        case .unauthenticated: return .unauthorized
        case .unavailable: return .serviceUnavailable
        case .failed: return .internalServerError
        }
    }

    /// The path of an id parameter, or 404 for anything but a positive whole number.
    static func id(_ context: WebContext, _ name: String = "id") throws -> Int64 {
        guard let id = context.parameters.get(name, as: Int64.self), id > 0 else { throw HTTPError(.notFound) }
        return id
    }

    /// A text path parameter as the user named it: the router hands it over as it stood in
    /// the URL, and a browser sends "odvětví" as "odv%C4%9Btv%C3%AD".
    static func parameter(_ context: WebContext, _ name: String) throws -> String {
        let raw = try context.parameters.require(name)
        guard let text = raw.removingPercentEncoding else { throw HTTPError(.notFound) }
        return text
    }

    /// Where to go after logging in: only a path of this site ("/firms/3"), never another host.
    static func localPath(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"), !text.contains("\r"), !text.contains("\n") else { return nil }
        return text
    }
}

/// Pages need a signed-in user: anyone else is sent to the login page (and back afterwards).
/// Errors become pages.
struct PageGuard: RouterMiddleware {
    typealias Context = WebContext
    let site: Site

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard context.identity != nil else {
            if request.method == .get || request.method == .head {
                let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
                return .redirect(to: "/login?" + Query.string([("next", target)]), type: .normal)
            }
            return await site.errorPage(status: .unauthorized, message: site.renderer.text["login.expired"], context: context)
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let message: String
            switch error.status {
            case .notFound: message = site.renderer.text["error.notFound"]
            case .forbidden: message = error.body ?? site.renderer.text["error.forbidden"]
            default: message = error.body ?? error.status.reasonPhrase
            }
            return await site.errorPage(status: error.status, message: message, context: context)
        } catch {
            let failure = Failure(error)
            if failure.kind == .failed { context.logger.error("request failed: \(failure.message)") }
            let message = failure.kind == .forbidden ? site.renderer.text["error.forbidden"] + " (" + failure.message + ")" : failure.message
            return await site.errorPage(status: Site.status(of: failure.kind), message: message, context: context)
        }
    }
}
