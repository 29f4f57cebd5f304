// An application/x-www-form-urlencoded body (or a query string) as fields: the first value of
// each name, and every value for names that repeat (checkbox groups).

import Foundation
import Hummingbird

struct FormFields: Sendable {
    private(set) var values: [String: [String]] = [:]

    init(encoded text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            values[name, default: []].append(value)
        }
    }

    init(query request: Request) {
        self.init(encoded: request.uri.query ?? "")
    }

    /// Reads a form body of at most `limit` bytes.
    static func body(of request: Request, limit: Int = 256 * 1024) async throws -> FormFields {
        let buffer = try await request.body.collect(upTo: limit)
        return FormFields(encoded: String(buffer: buffer))
    }

    subscript(_ name: String) -> String? { values[name]?.first }

    /// The value with surrounding spaces removed, nil when empty.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Replaces a field's values with one.
    mutating func set(_ name: String, _ value: String) { values[name] = [value] }

    var names: [String] { Array(values.keys) }

    private static func decode<S: StringProtocol>(_ text: S) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
