// Live updates: an open firm page, person page or "my day" learns within seconds that a
// colleague logged a contact, a campaign sent an e-mail or a task moved, and the page's script
// fetches the page again and swaps in the changed part. One server-sent-event stream a page:
// the server looks every `interval` at the store's change counter (one indexed read) and only
// when it moved at the watched part; it ends after `lifetime` and at shutdown (within a quarter
// second), and the browser
// opens the next from the last version it saw (Last-Event-ID).

import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle
import Workspace

extension Site {
    func addLive(to pages: RouterGroup<WebContext>) {
        pages.get("live") { request, context -> Response in
            let principal = try context.principal
            let query = FormFields(query: request)
            guard let scope = query["scope"].flatMap(LiveScope.init) else {
                throw WorkspaceError.invalid(field: "scope", "scope is firm:ID, person:ID or tasks:REFERENT")
            }
            // The version the page was rendered at, or the last one this stream's predecessor sent.
            let since = request.headers[HTTPField.Name("Last-Event-ID")!].flatMap { Int64($0) } ?? query["since"].flatMap { Int64($0) }
            let first = try await run { try $0.live.state(scope, after: nil, by: principal) }
            let (interval, lifetime) = configuration.live
            let workspace = self.workspace
            let body = ResponseBody { writer in
                var known = first
                var text = "retry: 10000\n\n"
                // Changed between the page's rendering and this stream: say so at once.
                if let since, since != first.version { text += Self.event(first.version) }
                try await writer.write(ByteBuffer(string: text))
                let start = ContinuousClock.now
                var sinceWrite = ContinuousClock.now
                do {
                    // Short naps, so that a shutdown or a closed tab ends the stream within a quarter second.
                    var nextLook = ContinuousClock.now + .seconds(interval)
                    while ContinuousClock.now - start < .seconds(lifetime), !Task.isShuttingDownGracefully {
                        try await Task.sleep(for: .milliseconds(250))
                        guard ContinuousClock.now >= nextLook else { continue }
                        nextLook = ContinuousClock.now + .seconds(interval)
                        let last = known
                        let now = try await blocking { try workspace.live.state(scope, after: last, by: principal) }
                        if now.fingerprint != known.fingerprint {
                            try await writer.write(ByteBuffer(string: Self.event(now.version)))
                            sinceWrite = ContinuousClock.now
                        } else if ContinuousClock.now - sinceWrite > .seconds(25) {
                            // A comment now and then keeps proxies from closing a quiet stream.
                            try await writer.write(ByteBuffer(string: ": \n\n"))
                            sinceWrite = ContinuousClock.now
                        }
                        known = now
                    }
                } catch {
                    // Cancelled (shutdown, the tab closed) or the database went away: the stream ends.
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"], body: body)
        }
    }

    static func event(_ version: Int64) -> String {
        "id: \(version)\nevent: change\ndata: \(version)\n\n"
    }
}
