// The text and HTML parts of a message read back, for showing a rendered campaign e-mail in
// the browser: headers unfolded, multipart bodies split at their boundaries, quoted-printable
// and base64 decoded. It reads what MessageWriter writes (and plain MIME like it); it is no
// general mail parser — the exact bytes are always shown beside it.

import Foundation

public struct MessageParts: Sendable, Equatable {
    public var text: String?
    public var html: String?
    /// The header fields of the message itself, unfolded, in order.
    public var headers: [(name: String, value: String)] = []

    public static func == (a: MessageParts, b: MessageParts) -> Bool {
        a.text == b.text && a.html == b.html && a.headers.map { $0.name + ":" + $0.value } == b.headers.map { $0.name + ":" + $0.value }
    }

    public init(_ bytes: [UInt8]) {
        let (headers, body) = Self.split(bytes)
        self.headers = headers
        collect(headers: headers, body: body, depth: 0)
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    private mutating func collect(headers: [(name: String, value: String)], body: [UInt8], depth: Int) {
        let type = headers.first { $0.name.lowercased() == "content-type" }?.value ?? "text/plain"
        let lower = type.lowercased()
        if lower.hasPrefix("multipart/"), depth < 4, let boundary = Self.parameter("boundary", in: type) {
            for part in Self.parts(body, boundary: boundary) {
                let (partHeaders, partBody) = Self.split(part)
                collect(headers: partHeaders, body: partBody, depth: depth + 1)
            }
            return
        }
        let disposition = headers.first { $0.name.lowercased() == "content-disposition" }?.value.lowercased() ?? ""
        guard !disposition.hasPrefix("attachment") else { return }
        let encoding = headers.first { $0.name.lowercased() == "content-transfer-encoding" }?.value.lowercased() ?? "7bit"
        let decoded = encoding.contains("quoted-printable") ? Self.quotedPrintable(body) : encoding.contains("base64") ? Self.base64(body) : body
        let text = String(decoding: decoded, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        if lower.hasPrefix("text/plain"), self.text == nil { self.text = text }
        if lower.hasPrefix("text/html"), html == nil { html = text }
    }

    /// Header fields (unfolded) and the body after the first empty line.
    static func split(_ bytes: [UInt8]) -> ([(name: String, value: String)], [UInt8]) {
        var end = bytes.count, bodyStart = bytes.count
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A && (bytes[index + 1] == 0x0A || (bytes[index + 1] == 0x0D && index + 2 < bytes.count && bytes[index + 2] == 0x0A)) {
                end = index
                bodyStart = index + (bytes[index + 1] == 0x0A ? 2 : 3)
                break
            }
            index += 1
        }
        if bytes.starts(with: [0x0D, 0x0A]) || bytes.starts(with: [0x0A]) { end = 0; bodyStart = bytes.starts(with: [0x0A]) ? 1 : 2 }
        var fields: [(name: String, value: String)] = []
        // `end` is the first line feed of the empty line: the last field's carriage return stays before it.
        let block = String(decoding: bytes[..<end], as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        for line in block.split(separator: "\n").map({ $0.hasSuffix("\r") ? $0.dropLast() : $0 }) {
            if line.first == " " || line.first == "\t", !fields.isEmpty {
                fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        return (fields, Array(bytes[min(bodyStart, bytes.count)...]))
    }

    static func parameter(_ name: String, in value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    /// The parts between `--boundary` lines, up to `--boundary--`.
    static func parts(_ body: [UInt8], boundary: String) -> [[UInt8]] {
        let lines = String(decoding: body, as: UTF8.self).components(separatedBy: "\r\n")
        var parts: [[UInt8]] = [], current: [String]? = nil
        for line in lines {
            if line == "--" + boundary + "--" { if let current { parts.append(Array(current.joined(separator: "\r\n").utf8)) }; return parts }
            if line == "--" + boundary {
                if let current { parts.append(Array(current.joined(separator: "\r\n").utf8)) }
                current = []
            } else {
                current?.append(line)
            }
        }
        if let current { parts.append(Array(current.joined(separator: "\r\n").utf8)) }
        return parts
    }

    static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30 ... 0x39: return byte - 0x30
            case 0x41 ... 0x46: return byte - 0x37
            case 0x61 ... 0x66: return byte - 0x57
            default: return nil
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x3D {
                if index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A { index += 3; continue }
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 2; continue }
                if index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                    output.append(high << 4 | low); index += 3; continue
                }
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes.filter { $0 > 0x20 }, as: UTF8.self)
        return Data(base64Encoded: text).map { Array($0) } ?? []
    }
}
