// Prometheus metrics in the text exposition format, kept by hand: requests by route and status,
// their durations as a histogram, and the process's resident memory.

import Foundation
import Hummingbird
import Synchronization

final class Metrics: Sendable {
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    private struct Series: Sendable {
        var count = 0
        var sum = 0.0
        var buckets = [Int](repeating: 0, count: Metrics.buckets.count)
    }

    private let requests = Mutex<[String: Int]>([:])
    private let durations = Mutex<[String: Series]>([:])
    private let started = Date()

    func record(method: String, route: String, status: Int, seconds: Double) {
        let labels = "method=\"\(method)\",route=\"\(Self.escape(route))\""
        requests.withLock { $0["\(labels),status=\"\(status)\"", default: 0] += 1 }
        durations.withLock { table in
            var series = table[labels] ?? Series()
            series.count += 1
            series.sum += seconds
            for (index, bound) in Metrics.buckets.enumerated() where seconds <= bound { series.buckets[index] += 1 }
            table[labels] = series
        }
    }

    func exposition() -> String {
        var text = "# HELP kontakt_http_requests_total HTTP requests served, by route and status.\n# TYPE kontakt_http_requests_total counter\n"
        for (labels, count) in requests.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            text += "kontakt_http_requests_total{\(labels)} \(count)\n"
        }
        text += "# HELP kontakt_http_request_duration_seconds Time to answer a request.\n# TYPE kontakt_http_request_duration_seconds histogram\n"
        for (labels, series) in durations.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            for (index, bound) in Metrics.buckets.enumerated() {
                text += "kontakt_http_request_duration_seconds_bucket{\(labels),le=\"\(bound)\"} \(series.buckets[index])\n"
            }
            text += "kontakt_http_request_duration_seconds_bucket{\(labels),le=\"+Inf\"} \(series.count)\n"
            text += "kontakt_http_request_duration_seconds_sum{\(labels)} \(series.sum)\n"
            text += "kontakt_http_request_duration_seconds_count{\(labels)} \(series.count)\n"
        }
        text += "# HELP process_resident_memory_bytes Resident memory.\n# TYPE process_resident_memory_bytes gauge\n"
        text += "process_resident_memory_bytes \(Self.residentBytes())\n"
        text += "# HELP process_uptime_seconds Seconds since the server started.\n# TYPE process_uptime_seconds gauge\n"
        text += "process_uptime_seconds \(Int(Date().timeIntervalSince(started)))\n"
        return text
    }

    /// From /proc/self/statm (pages) on Linux; 0 where there is none.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}

/// Times each request and logs it: method, route pattern, status, milliseconds. The query
/// string and bodies are never logged (they hold search terms and passwords).
struct RequestMetrics<Context: RequestContext>: RouterMiddleware {
    let metrics: Metrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let route = context.endpointPath ?? "unmatched"
            metrics.record(method: request.method.rawValue, route: route, status: status, seconds: seconds)
            context.logger.info("\(request.method.rawValue) \(request.uri.path) \(status) \(Int(seconds * 1000)) ms")
        }
        do {
            let response = try await next(request, context)
            status = response.status.code
            return response
        } catch let error as any HTTPResponseError {
            status = error.status.code
            throw error
        }
    }
}
