// A received message read as a tree of MIME entities, for reading bounces and complaints: any
// line ends (bounce samples are often LF only), headers unfolded, multipart split at its
// boundaries, `message/rfc822` parsed as the message it holds, bodies decoded from base64 or
// quoted-printable. Lenient by design: a mail server's report is rarely textbook MIME, and
// whatever cannot be read is left as bytes rather than refused.

import Foundation

public struct MailEntity: Sendable {
    public let headers: [(name: String, value: String)]
    /// The body as transferred (no transfer encoding removed).
    let rawBody: [UInt8]
    public let children: [MailEntity]

    /// Nesting deeper than this is read as bytes: a bounce of a bounce of a bounce is enough.
    static let maximumDepth = 8

    public init(_ bytes: [UInt8]) { self.init(bytes, depth: 0) }

    init(_ bytes: [UInt8], depth: Int) {
        let (headers, body) = MessageParts.split(bytes)
        self.headers = headers
        rawBody = body
        var children: [MailEntity] = []
        let type = Self.mediaType(headers)
        if depth < Self.maximumDepth {
            if type.hasPrefix("multipart/"), let boundary = Self.contentParameter("boundary", headers) {
                children = Self.parts(body, boundary: boundary).map { MailEntity($0, depth: depth + 1) }
            } else if type == "message/rfc822" || type == "message/global" {
                children = [MailEntity(Self.decode(body, headers), depth: depth + 1)]
            }
        }
        self.children = children
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public func headers(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// `type/subtype` in lower case; `text/plain` when not given (RFC 2045 §5.2).
    public var mediaType: String { Self.mediaType(headers) }

    public func parameter(_ name: String) -> String? { Self.contentParameter(name, headers) }

    /// The body with its transfer encoding removed.
    public var body: [UInt8] { Self.decode(rawBody, headers) }

    /// The body as text: UTF-8 where it is valid, else Latin-1, with CRLF made LF.
    public var text: String {
        let bytes = body
        let decoded = String(validating: bytes, as: UTF8.self) ?? String(bytes.map { Character(Unicode.Scalar($0)) })
        return decoded.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Every entity of the tree, this one first, depth first.
    public var all: [MailEntity] { [self] + children.flatMap(\.all) }

    static func mediaType(_ headers: [(name: String, value: String)]) -> String {
        let value = headers.first { $0.name.lowercased() == "content-type" }?.value ?? "text/plain"
        let type = value.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return type.contains("/") ? type : "text/plain"
    }

    static func contentParameter(_ name: String, _ headers: [(name: String, value: String)]) -> String? {
        guard let value = headers.first(where: { $0.name.lowercased() == "content-type" })?.value else { return nil }
        return MessageParts.parameter(name, in: value)
    }

    static func decode(_ body: [UInt8], _ headers: [(name: String, value: String)]) -> [UInt8] {
        let encoding = headers.first { $0.name.lowercased() == "content-transfer-encoding" }?.value.lowercased() ?? ""
        if encoding.contains("base64") {
            let decoded = MessageParts.base64(body)
            return decoded.isEmpty && !body.isEmpty ? body : decoded
        }
        if encoding.contains("quoted-printable") { return MessageParts.quotedPrintable(body) }
        return body
    }

    /// The parts between `--boundary` lines (whatever the line ends), up to `--boundary--`; a
    /// missing closing line ends the last part at the end of the body.
    static func parts(_ body: [UInt8], boundary: String) -> [[UInt8]] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [[UInt8]] = []
        var current: [UInt8]?
        var index = 0
        while index < body.count {
            var end = index
            while end < body.count && body[end] != 0x0A { end += 1 }
            var line = body[index..<end]
            if line.last == 0x0D { line = line.dropLast() }
            let next = min(end + 1, body.count)
            if line.starts(with: delimiter) {
                let rest = line.dropFirst(delimiter.count)
                let trimmed = rest.drop { $0 == 0x20 || $0 == 0x09 }
                if trimmed.starts(with: [0x2D, 0x2D]) {
                    if let current { parts.append(Self.trimmingLastLineEnd(current)) }
                    return parts
                }
                if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    if let current { parts.append(Self.trimmingLastLineEnd(current)) }
                    current = []
                    index = next
                    continue
                }
            }
            current?.append(contentsOf: body[index..<next])
            index = next
        }
        if let current { parts.append(Self.trimmingLastLineEnd(current)) }
        return parts
    }

    /// The line end before a boundary belongs to the boundary (RFC 2046 §5.1.1).
    private static func trimmingLastLineEnd(_ part: [UInt8]) -> [UInt8] {
        var part = part
        if part.last == 0x0A { part.removeLast() }
        if part.last == 0x0D { part.removeLast() }
        return part
    }
}
