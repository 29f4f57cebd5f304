// A browser for in-process router tests: keeps cookies, sends the page's CSRF token with its
// forms and an Origin of the site, and reads pages back as text.

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import HummingbirdTesting
import NIOCore
import Web
import Workspace
import WorkspaceFixtures

struct Reply {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: String
    /// The body's bytes as sent (a Windows-1250 file is no UTF-8 text).
    var bytes: [UInt8] = []

    var location: String? { headers[.location] }
    var setCookies: [String] { headers[values: .setCookie] }

    /// The value of the first `name="_csrf"` field.
    var csrf: String? {
        guard let range = body.range(of: #"name="_csrf" value=""#) else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }
}

final class Browser {
    static let origin = "http://kontakt.test"
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    @discardableResult
    func get(_ uri: String, headers extra: HTTPFields = [:]) async throws -> Reply {
        let reply = try await send(uri, method: .get, headers: extra, body: nil)
        if let token = reply.csrf { csrf = token }
        return reply
    }

    /// Posts a form; the page's CSRF token goes with it unless the form names its own.
    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)], origin: String? = Browser.origin, withToken: Bool = true) async throws -> Reply {
        var all = fields
        if withToken, !fields.contains(where: { $0.0 == "_csrf" }) { all.append(("_csrf", csrf)) }
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let origin { headers[.origin] = origin }
        let body = all.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func json(_ uri: String, method: HTTPRequest.Method = .get, body: String? = nil, headers extra: HTTPFields = [:]) async throws -> Reply {
        var headers = extra
        if body != nil { headers[.contentType] = "application/json" }
        return try await send(uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    @discardableResult
    func logIn(_ login: String, password: String = Office.password) async throws -> Reply {
        try await get("/login")
        return try await post("/login", [("login", login), ("password", password)])
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers extra: HTTPFields, body: ByteBuffer?) async throws -> Reply {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[1].isEmpty || line.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
        return Reply(status: response.status, headers: response.headers, body: String(buffer: response.body),
                     bytes: Array(response.body.readableBytesView))
    }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// Runs `body` against the workspace's router in process.
func withSite(_ office: Office, configuration: ServerConfiguration = ServerConfiguration(allowedOrigins: [Browser.origin]),
              _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let router = try WorkspaceServer.router(workspace: office.workspace, configuration: configuration)
    var logger = Logger(label: "kontakt.web.test")
    logger.logLevel = .warning
    let app = Application(router: router, logger: logger)
    try await app.test(.router) { client in try await body(client) }
}
