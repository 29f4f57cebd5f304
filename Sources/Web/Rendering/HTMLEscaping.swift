// HTML escaping of every value a page shows, as Mustache's own (< > & " '), registered as the
// templates' content type; a value without any of those characters — most of them — is passed
// through without being rebuilt character by character.

import Mustache

enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else {
            return text
        }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// The content type every template names with `{{% CONTENT_TYPE: kontakthtml }}` (put in by `Templates.library`).
struct KontaktHTML: MustacheContentType {
    static let name = "kontakthtml"
    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
}
