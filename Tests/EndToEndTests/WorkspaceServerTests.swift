// `kontakt serve` as a process on a real file: it prints its URL, serves pages and the API,
// keeps sessions across a restart, stops cleanly on SIGTERM, and shares the file with other
// writers — HTTP clients, `contact add` and `import` in other processes at once — without a
// "database is locked" and without losing a row.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite(.serialized) struct WorkspaceServerTests {
    /// A server started on a free port; the URL is read from its first line.
    final class Server {
        let process: Process
        let url: String

        init(_ session: Session, name: String, arguments: [String] = []) throws {
            process = try session.start(["serve", "--port", "0"] + arguments, name: name)
            let deadline = Date().addingTimeInterval(20)
            var found: String?
            while found == nil, Date() < deadline, process.isRunning {
                let text = session.output(name)
                if let range = text.range(of: "Kontakt workspace on ") {
                    found = String(text[range.upperBound...].prefix { $0 != " " && $0 != "\n" }).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                } else {
                    Thread.sleep(forTimeInterval: 0.05)
                }
            }
            guard let found else { throw ServerDidNotStart(output: session.output(name)) }
            url = found
        }

        /// SIGTERM, then the exit status.
        func stop() -> Int32 {
            process.terminate()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    struct ServerDidNotStart: Error { let output: String }

    static func request(_ url: String, method: String = "GET", headers: [String: String] = [:], body: String? = nil) async throws -> (Int, String, [String: String]) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body.map { Data($0.utf8) }
        let delegate = NoRedirects()
        let session = URLSession(configuration: .ephemeral, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields[String(describing: key).lowercased()] = String(describing: value) }
        return (http.statusCode, String(decoding: data, as: UTF8.self), fields)
    }

    final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
                        completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }

    func office() throws -> (Session, String) {
        let s = try Session()
        _ = try s.ok("init")
        _ = try s.ok("referent", "add", "jn", "--name", "Jan Novák")
        _ = try s.ok("firm", "add", "Alfa s.r.o.", "--city", "Brno")
        try s.addUser("jan", referent: "jn", role: "sales", password: "velmi-tajne-heslo")
        let token = try s.ok("user", "token", "jan").trimmingCharacters(in: .whitespacesAndNewlines)
        return (s, token)
    }

    @Test func severalWritersShareTheFileAndNothingIsLost() async throws {
        let (s, token) = try office()
        var rows = "name;city\n"
        for index in 1 ... 300 { rows += "Dovozce \(index) s.r.o.;Olomouc\n" }
        let csv = try s.write("firms.csv", rows)
        let server = try Server(s, name: "serve")
        let url = server.url

        // The command-line writers run on their own thread: each waits for its process.
        let cliDone = DispatchSemaphore(value: 0)
        let cliFailures = LockedList()
        // The session is only read from here on: its folder and database path.
        nonisolated(unsafe) let cli = s
        Thread.detachNewThread {
            for index in 1 ... 20 {
                if let outcome = try? cli.run("contact", "add", "--firm", "1", "--kind", "call", "--referent", "jn", "--text", "cli \(index)"), outcome.status != 0 {
                    cliFailures.append(outcome.stderr)
                }
                if index == 5, let outcome = try? cli.run("import", "firms", csv), outcome.status != 0 { cliFailures.append(outcome.stderr) }
            }
            cliDone.signal()
        }
        let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
            for writer in 1 ... 4 {
                group.addTask {
                    var statuses: [Int] = []
                    for index in 1 ... 40 {
                        let (status, _, _) = try await Self.request(url + "/api/v1/contacts", method: "POST",
                                                                    headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                                                                    body: #"{"firmId": 1, "kind": "call", "text": "http \#(writer)-\#(index)"}"#)
                        statuses.append(status)
                    }
                    return statuses
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { cliDone.wait(); continuation.resume() }
        }
        #expect(statuses.count == 160)
        #expect(statuses.allSatisfy { $0 == 201 }, "\(Set(statuses))")
        #expect(cliFailures.items.isEmpty, "\(cliFailures.items)")
        #expect(try s.sqlite("SELECT count(*) FROM contact WHERE text LIKE 'http %'") == "160")
        #expect(try s.sqlite("SELECT count(DISTINCT text) FROM contact WHERE text LIKE 'http %'") == "160")
        #expect(try s.sqlite("SELECT count(*) FROM contact WHERE text LIKE 'cli %'") == "20")
        #expect(try s.sqlite("SELECT count(*) FROM firm") == "301")
        #expect(try s.sqlite("SELECT count(*) FROM audit_entry WHERE actor = 'web:jan'") == "160")
        #expect(server.stop() == 0)
        #expect(!s.output("serve").contains("database is locked"))
        #expect(s.output("serve").contains("Stopped."))
    }

    @Test func sessionsSurviveARestartAndSIGTERMStopsCleanly() async throws {
        let (s, _) = try office()
        var server = try Server(s, name: "first")
        let (_, page, headers) = try await Self.request(server.url + "/login")
        let loginCookie = try #require(headers["set-cookie"]?.split(separator: ";").first.map(String.init))
        let csrf = try #require(page.range(of: #"name="_csrf" value=""#).map { String(page[$0.upperBound...].prefix { $0 != "\"" }) })
        let (status, _, loggedIn) = try await Self.request(server.url + "/login", method: "POST",
            headers: ["Cookie": loginCookie, "Content-Type": "application/x-www-form-urlencoded", "Origin": server.url],
            body: "_csrf=\(csrf)&login=jan&password=velmi-tajne-heslo")
        #expect(status == 303)
        let session = try #require(loggedIn["set-cookie"]?.components(separatedBy: ", ").first { $0.hasPrefix("kontakt_session=") }?.split(separator: ";").first.map(String.init))
        #expect(try await Self.request(server.url + "/day", headers: ["Cookie": session]).0 == 200)
        #expect(server.stop() == 0)
        #expect(s.output("first").contains("Stopped."))

        server = try Server(s, name: "second")
        let (again, body, _) = try await Self.request(server.url + "/day", headers: ["Cookie": session])
        #expect(again == 200 && body.contains("Můj den"), "the session is in the database, not in the process")
        // Another site's form is refused even with the session.
        let (forged, _, _) = try await Self.request(server.url + "/logout", method: "POST",
            headers: ["Cookie": session, "Content-Type": "application/x-www-form-urlencoded", "Origin": "http://evil.example"], body: "_csrf=x")
        #expect(forged == 403)
        #expect(server.stop() == 0)
        #expect(!s.output("second").contains("velmi-tajne-heslo"), "no password in the log")
        #expect(!s.output("second").contains(session.dropFirst("kontakt_session=".count)), "no session id in the log")
    }
}

final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func append(_ item: String) { lock.lock(); list.append(item); lock.unlock() }
    var items: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
