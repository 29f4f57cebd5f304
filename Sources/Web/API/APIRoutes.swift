// /api/v1: firms (filtered by a segment, searched, keyset pages), a firm with its persons and
// contacts, persons, contacts (logging one, with its next contact), my tasks and marking them
// done, search, segment counts and previews, and campaigns with their status — the same use cases and rules as the pages and the CLI.

import CRM
import Foundation
import Hummingbird
import Store
import Workspace

struct APIRoutes: Sendable {
    let site: Site

    /// Each path of the API and the methods it answers; any other method gets 405 with Allow.
    static let methods: [(path: String, allowed: [HTTPRequest.Method])] = [
        ("me", [.get]), ("firms", [.get]), ("firms/:id", [.get]), ("persons/:id", [.get]), ("contacts", [.post]), ("contacts/:id", [.get]),
        ("tasks", [.get]), ("tasks/:id/done", [.post]), ("search", [.get]), ("segments/count", [.post]),
        ("segments/preview", [.post]), ("campaigns", [.get]), ("campaigns/:name", [.get]),
    ]

    func addMethodNotAllowed(to api: RouterGroup<WebContext>) {
        let all: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options, .trace, .connect]
        for (path, allowed) in Self.methods {
            let allow = (allowed + (allowed.contains(.get) ? [.head] : [])).map(\.rawValue).joined(separator: ", ")
            for method in all where !allowed.contains(method) && !(method == .head && allowed.contains(.get)) {
                api.on(RouterPath(path), method: method) { _, _ -> Response in
                    var response = APIErrors.body(kind: "invalid", message: "\(method.rawValue) is not allowed here; use \(allow)").response(status: .methodNotAllowed)
                    response.headers[.allow] = allow
                    return response
                }
            }
        }
    }

    func add(to api: RouterGroup<WebContext>) {
        defer { addMethodNotAllowed(to: api) }
        api.get("me") { _, context -> Response in
            let user = try context.principal
            guard case .user(let signedIn) = user else { throw HTTPError(.unauthorized) }
            return JSONValue.object([("login", .string(signedIn.login)), ("role", .string(signedIn.role.rawValue)), ("referent", .string(signedIn.referent))]).response()
        }
        api.get("firms") { request, _ -> Response in
            let query = FormFields(query: request)
            let limit = try Self.limit(query["limit"])
            let after = try query["after"].map { text -> ListPosition in
                guard let position = PageCursor.listPosition(text) else { throw WorkspaceError.invalid(field: "after", "\"\(text)\" is not a cursor from a previous page's next") }
                return position
            }
            if query["where"] != nil, query["segment"] != nil { throw WorkspaceError.invalid(field: "segment", "give where or segment, not both") }
            if let text = query.text("q") {
                let hits = try await site.run { try $0.search.find(text, limit: limit) }.filter { $0.kind == .firm }
                return JSONValue.object([("hits", .array(hits.map(APIShapes.hit)))]).response()
            }
            let segment = query.text("where").map(SegmentChoice.expression) ?? query.text("segment").map(SegmentChoice.saved)
            let page = try await site.run { try $0.firms.list(FirmQuery(segment: segment, after: after, limit: limit)) }
            return JSONValue.object([
                ("firms", .array(page.rows.map { APIShapes.firm($0.firm) })), ("next", APIShapes.cursor(page.next)),
                ("count", .integer(Int64(page.count?.value ?? 0))), ("countCapped", .bool(page.count?.isCapped ?? false)),
            ]).response()
        }
        api.get("firms/:id") { request, context -> Response in
            let id = try Site.id(context)
            let before = try FormFields(query: request)["before"].map { text -> ContactPosition in
                guard let position = PageCursor.contactPosition(text) else {
                    throw WorkspaceError.invalid(field: "before", "\"\(text)\" is not a cursor from a previous page's nextContacts")
                }
                return position
            }
            let detail = try await site.run { try $0.firms.detail(id: id, timelineBefore: before) }
            return JSONValue.object([
                ("firm", APIShapes.firm(detail.firm)), ("persons", .array(detail.persons.map { APIShapes.person($0) })),
                ("openTasks", .array(detail.openTasks.map(APIShapes.contact))), ("contacts", .array(detail.timeline.contacts.map(APIShapes.contact))),
                ("nextContacts", .string(detail.timeline.next.map(PageCursor.text))),
            ]).response()
        }
        api.get("persons/:id") { _, context -> Response in
            let id = try Site.id(context)
            let detail = try await site.run { try $0.people.detail(id: id) }
            return JSONValue.object([
                ("person", APIShapes.person(detail.person)), ("firm", APIShapes.firm(detail.firm)),
                ("contacts", .array(detail.timeline.contacts.map(APIShapes.contact))),
            ]).response()
        }
        api.get("contacts/:id") { _, context -> Response in
            let id = try Site.id(context)
            return APIShapes.contact(try await site.run { try $0.contacts.show(id: id) }).response()
        }
        api.post("contacts") { request, context -> Response in
            let principal = try context.principal
            let body = try await Self.decode(ContactBody.self, request)
            if body.firmId == nil, body.personId == nil { throw WorkspaceError.invalid(field: "firmId", "a contact belongs to a firm or a person; give firmId or personId") }
            guard body.text != nil else { throw WorkspaceError.invalid(field: "text", "a contact needs a text (at most 250 characters)") }
            let request = LogContact(firmId: body.firmId, personId: body.personId, fields: ContactInput(
                date: body.date, status: body.status, kind: body.kind ?? "call", referent: body.referent, result: body.result, text: body.text,
                note: body.note, nextDate: body.nextDate, nextTask: body.nextTask, nextReferent: body.nextReferent))
            let logged = try await site.run { try $0.contacts.log(request, by: principal) }
            var response = JSONValue.object([("id", .integer(logged.contactId)), ("taskId", .integer(logged.taskId))]).response(status: .created)
            response.headers[.location] = "/api/v1/contacts/\(logged.contactId)"
            return response
        }
        api.get("tasks") { request, context -> Response in
            let principal = try context.principal
            let referent = FormFields(query: request).text("referent")
            let day = try await site.run { try $0.tasks.day(referent: referent, by: principal) }
            func list(_ tasks: [ContactListing]) -> JSONValue { .array(tasks.map(APIShapes.contact)) }
            return JSONValue.object([("today", .string(day.today.iso)), ("overdue", list(day.overdue)), ("dueToday", list(day.dueToday)),
                                     ("thisWeek", list(day.thisWeek)), ("later", list(day.later))]).response()
        }
        api.post("tasks/:id/done") { _, context -> Response in
            let id = try Site.id(context)
            let principal = try context.principal
            try await site.run { try $0.contacts.markDone(id: id, by: principal) }
            return APIShapes.contact(try await site.run { try $0.contacts.show(id: id) }).response()
        }
        api.get("search") { request, _ -> Response in
            let text = FormFields(query: request).text("q") ?? ""
            let hits = text.isEmpty ? [] : try await site.run { try $0.search.find(text, limit: 10) }
            return JSONValue.object([("hits", .array(hits.map(APIShapes.hit)))]).response()
        }
        api.post("segments/count") { request, _ -> Response in
            let body = try await Self.decode(SegmentCountBody.self, request)
            let expression = body.expression
            let target = try Self.target(body.target)
            let counted = try await site.run { try $0.segments.count(.expression(expression), defaultTarget: target) }
            return JSONValue.object([("target", .string(counted.target.rawValue)), ("count", .integer(Int64(counted.count.value))),
                                     ("countCapped", .bool(counted.count.isCapped))]).response()
        }
        api.post("segments/preview") { request, _ -> Response in
            let body = try await Self.decode(SegmentPreviewBody.self, request)
            let target = try Self.target(body.target)
            guard (1 ... 200).contains(body.limit ?? 50) else { throw WorkspaceError.invalid(field: "limit", "limit is a whole number from 1 to 200") }
            let preview = try await site.run { try $0.segments.preview(.expression(body.expression), defaultTarget: target, limit: body.limit ?? 50) }
            return JSONValue.object([
                ("target", .string(preview.target.rawValue)), ("count", .integer(Int64(preview.count.value))), ("countCapped", .bool(preview.count.isCapped)),
                ("persons", .array(preview.persons.map { APIShapes.person($0.person, firmName: $0.firmName) })),
                ("firms", .array(preview.firms.map(APIShapes.firm))),
            ]).response()
        }
        api.get("campaigns") { request, _ -> Response in
            let archived = FormFields(query: request)["archived"]
            guard archived == nil || archived == "true" || archived == "false" else {
                throw WorkspaceError.invalid(field: "archived", "archived is true or false, not \"\(archived!)\"")
            }
            let campaigns = try await site.run { try $0.campaigns.list(includingArchived: archived == "true") }
            return JSONValue.object([("campaigns", .array(campaigns.map(APIShapes.campaign)))]).response()
        }
        api.get("campaigns/:name") { _, context -> Response in
            let name = try Site.parameter(context, "name")
            return APIShapes.status(try await site.run { try $0.campaigns.status(name: name) }).response()
        }
    }

    static func target(_ text: String?) throws -> EntityKind {
        try text.map { text in
            guard let target = EntityKind(rawValue: text) else { throw WorkspaceError.invalid(field: "target", "target is person or firm, not \"\(text)\"") }
            return target
        } ?? .person
    }

    static func limit(_ text: String?) throws -> Int {
        guard let text else { return 50 }
        guard let value = Int(text), (1 ... 500).contains(value) else { throw WorkspaceError.invalid(field: "limit", "limit is a whole number from 1 to 500, not \"\(text)\"") }
        return value
    }

    /// The request's JSON body as `T`; a field of the wrong type is named in the error.
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw HTTPError(.unsupportedMediaType, message: "send the body as application/json")
        }
        let buffer = try await request.body.collect(upTo: 256 * 1024)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let DecodingError.typeMismatch(expected, context), let DecodingError.valueNotFound(expected, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw WorkspaceError.invalid(field: field, "\(field) must be \(expected == String.self ? "a string" : expected == Int64.self ? "a whole number" : "\(expected)")")
        } catch let DecodingError.keyNotFound(key, _) {
            throw WorkspaceError.invalid(field: key.stringValue, "\(key.stringValue) is required")
        } catch {
            throw WorkspaceError.invalid(field: nil, "the body is not valid JSON")
        }
    }
}

/// POST /api/v1/contacts.
struct ContactBody: Decodable {
    var firmId: Int64?
    var personId: Int64?
    var date, status, kind, referent, result, text, note, nextDate, nextTask, nextReferent: String?
}

/// POST /api/v1/segments/count.
struct SegmentCountBody: Decodable {
    var expression: String
    var target: String?
}

/// POST /api/v1/segments/preview.
struct SegmentPreviewBody: Decodable {
    var expression: String
    var target: String?
    var limit: Int?
}
