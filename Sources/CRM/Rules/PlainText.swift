// Names and addresses are plain text: a control character pasted into a cell (NUL, ESC
// starting a terminal sequence, a line break inside a name, a bidi override) is refused with
// the field and the character's code, never stored and never echoed raw. (Notes are free text
// and keep what they are given; JSON carries it escaped.)

public enum PlainText {
    /// Throws when `text` holds a control character; `lineBreaks` allows LF, CR and tab (notes).
    public static func check(_ text: String?, field: String, lineBreaks: Bool = false) throws {
        // Spaces, tabs and line breaks at the ends are trimmed anyway.
        guard let text = text?.trimmingSpaces, let scalar = text.unicodeScalars.first(where: { isControl($0, lineBreaks: lineBreaks) }) else { return }
        let code = "U+" + String(repeating: "0", count: max(0, 4 - String(scalar.value, radix: 16).count)) + String(scalar.value, radix: 16, uppercase: true)
        throw ValidationError(field: field, message: "contains the control character \(code)\(lineBreaks ? "" : " (a name or address is one line of text)"): remove it")
    }

    /// The text with its control characters (C0 but the line break, DEL, C1) shown as `\u{1b}`
    /// escapes: a message may quote what the user gave, and must not send an ESC or a CR that
    /// rewrites the terminal.
    public static func printable(_ text: String) -> String {
        func escaped(_ scalar: Unicode.Scalar) -> Bool { (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value) }
        guard text.unicodeScalars.contains(where: escaped) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if escaped(scalar) { result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }

    static func isControl(_ scalar: Unicode.Scalar, lineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return !lineBreaks
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
