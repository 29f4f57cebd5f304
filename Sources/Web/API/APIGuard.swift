// The API's door: a bearer token or a session; a session's state-changing request must carry
// its CSRF token in X-CSRF-Token (a bearer token needs none: no other site can make a browser
// send it). Every error is JSON with the same sentence the command line prints.

import HTTPTypes
import Hummingbird
import Workspace

struct APIGuard: RouterMiddleware {
    typealias Context = WebContext
    let site: Site

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            guard context.identity != nil else {
                var response = APIErrors.body(kind: "unauthenticated", message: "log in or send an API token (Authorization: Bearer kt_…)").response(status: .unauthorized)
                response.headers[.wwwAuthenticate] = "Bearer"
                return response
            }
            if let session = context.sessionToken, ![.get, .head, .options].contains(request.method) {
                try await site.forms.check(request.headers[HTTPField.Name("X-CSRF-Token")!], cookie: session)
            }
            return try await next(request, context)
        } catch let error as HTTPError {
            return APIErrors.body(kind: APIErrors.kind(of: error.status), message: error.body ?? error.status.reasonPhrase).response(status: error.status)
        } catch {
            let failure = Failure(error)
            if failure.kind == .failed { context.logger.error("API request failed: \(failure.message)") }
            return APIErrors.body(failure).response(status: Site.status(of: failure.kind))
        }
    }
}

enum APIErrors {
    static func body(_ failure: Failure) -> JSONValue {
        .object([("error", .object([
            ("kind", .string(failure.kind.rawValue)), ("message", .string(failure.message)), ("field", .string(failure.field)),
            ("position", failure.position.map { .integer(Int64($0)) } ?? .null),
            ("line", failure.location.map { .integer(Int64($0.line)) } ?? .null),
            ("column", failure.location.map { .integer(Int64($0.column)) } ?? .null),
            ("fields", .array(failure.fields.map { .object([("field", .string($0.field)), ("message", .string($0.message))]) })),
        ]))])
    }

    static func body(kind: String, message: String) -> JSONValue {
        .object([("error", .object([("kind", .string(kind)), ("message", .string(message)), ("field", .null), ("position", .null),
                                    ("line", .null), ("column", .null), ("fields", .array([]))]))])
    }

    static func kind(of status: HTTPResponse.Status) -> String {
        switch status.code {
        case 401: return "unauthenticated"
        case 403: return "forbidden"
        case 404: return "notFound"
        case 409: return "conflict"
        case 400, 413, 415, 422: return "invalid"
        case 503: return "unavailable"
        default: return "failed"
        }
    }
}
