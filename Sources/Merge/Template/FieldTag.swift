// The merge fields a template uses, found with their positions so that an unknown one can be
// reported at template:line:column before anything is rendered.

import CRM

/// One `{{…}}` tag: its kind, the field it names, an optional transform, where it stands.
struct FieldTag: Equatable {
    enum Kind: Equatable { case variable, section, invertedSection, sectionEnd, comment, other }

    let kind: Kind
    /// `person.first`; empty for comments and for `{{.}}`.
    let name: String
    /// `money` in `{{money(firm.turnover)}}`.
    let transform: String?
    /// 1-based, in the file.
    let line: Int
    let column: Int

    /// How many `{{` a text holds, counted over its bytes.
    static func count(in text: String) -> Int {
        var count = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "{") { count += 1; previous = 0 } else { previous = byte }
        }
        return count
    }

    /// The tags of a text that starts at `line` of its file.
    static func scan(_ text: String, firstLine: Int = 1) -> [FieldTag] {
        var tags: [FieldTag] = []
        let characters = Array(text)
        var index = 0
        var line = firstLine, column = 1
        func advance(_ count: Int) {
            for _ in 0..<count where index < characters.count {
                if characters[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }
        while index + 1 < characters.count {
            guard characters[index] == "{", characters[index + 1] == "{" else { advance(1); continue }
            let (tagLine, tagColumn) = (line, column)
            let triple = index + 2 < characters.count && characters[index + 2] == "{"
            let open = triple ? 3 : 2
            var end = index + open
            while end + 1 < characters.count, !(characters[end] == "}" && characters[end + 1] == "}") { end += 1 }
            let inner = String(characters[min(index + open, characters.count)..<min(end, characters.count)]).trimmingSpaces
            tags.append(tag(inner, line: tagLine, column: tagColumn))
            advance(end + (triple ? 3 : 2) - index)
        }
        return tags
    }

    private static func tag(_ inner: String, line: Int, column: Int) -> FieldTag {
        var body = Substring(inner)
        var kind = Kind.variable
        switch body.first {
        case "#": kind = .section; body = body.dropFirst()
        case "^": kind = .invertedSection; body = body.dropFirst()
        case "/": kind = .sectionEnd; body = body.dropFirst()
        case "!": return FieldTag(kind: .comment, name: "", transform: nil, line: line, column: column)
        case "&": body = body.dropFirst()
        case ">", "=", "%", "$", "<": return FieldTag(kind: .other, name: String(body), transform: nil, line: line, column: column)
        default: break
        }
        let trimmed = String(body).trimmingSpaces
        if let open = trimmed.firstIndex(of: "("), trimmed.hasSuffix(")") {
            let transform = String(trimmed[..<open]).trimmingSpaces
            let name = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]).trimmingSpaces
            return FieldTag(kind: kind, name: name, transform: transform, line: line, column: column)
        }
        return FieldTag(kind: kind, name: trimmed, transform: nil, line: line, column: column)
    }
}
