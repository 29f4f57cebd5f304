// A message's header fields exactly as written, folding and all: what DKIM signs and a bounce's
// attached original is searched in. (MessageParts unfolds them for showing; DKIM must not.)

import Foundation

/// One header field: its name and its bytes from the name to the line end of its last
/// continuation line (the CRLF excluded).
struct RawHeaderField {
    let name: String
    let bytes: ArraySlice<UInt8>
}

enum RawHeaderFields {
    /// The fields before the first empty line, and where the body starts. Line ends may be CRLF
    /// or a bare LF (an Outbox file edited by hand); both end a line.
    static func split(_ message: [UInt8]) -> (fields: [RawHeaderField], bodyStart: Int) {
        var fields: [RawHeaderField] = []
        var index = 0
        var fieldStart: Int?
        func close(at end: Int) {
            guard let start = fieldStart else { return }
            let slice = message[start..<end]
            let colon = slice.firstIndex(of: 0x3A) ?? end
            let name = String(decoding: message[start..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            fields.append(RawHeaderField(name: name, bytes: slice))
            fieldStart = nil
        }
        while index < message.count {
            // The end of this line, without its CR LF.
            var lineEnd = index
            while lineEnd < message.count && message[lineEnd] != 0x0A { lineEnd += 1 }
            let contentEnd = lineEnd > index && message[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
            let next = min(lineEnd + 1, message.count)
            if contentEnd == index {
                // The empty line: the body follows it.
                close(at: previousContentEnd(message, before: index))
                return (fields, next)
            }
            let first = message[index]
            if (first == 0x20 || first == 0x09) && fieldStart != nil {
                // A continuation line belongs to the open field.
            } else {
                close(at: previousContentEnd(message, before: index))
                fieldStart = index
            }
            index = next
        }
        close(at: previousContentEnd(message, before: message.count))
        return (fields, message.count)
    }

    /// Where the line before `index` ends, without its CR LF.
    private static func previousContentEnd(_ message: [UInt8], before index: Int) -> Int {
        var end = index
        if end > 0 && message[end - 1] == 0x0A { end -= 1 }
        if end > 0 && message[end - 1] == 0x0D { end -= 1 }
        return end
    }
}
