// Content lines of vCard (RFC 6350 §3.2) and iCalendar (RFC 5545 §3.1): CRLF line ends, lines
// folded after 75 octets with CRLF and a space, never inside a UTF-8 character; text values
// escaped (backslash, comma, semicolon, newline).

enum ContentLine {
    /// `NAME;PARAMS:value`, folded.
    static func line(_ name: String, _ value: String) -> String {
        fold(name + ":" + value)
    }

    /// A TEXT value: `\`, `,`, `;` and line ends escaped.
    static func text(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case ",": result += "\\,"
            case ";": result += "\\;"
            case "\r\n", "\n", "\r": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// Folds a line so that no line exceeds 75 octets, breaking only between characters.
    static func fold(_ line: String) -> String {
        var result = ""
        var width = 0
        for character in line {
            let octets = character.utf8.count
            if width + octets > 75 {
                result += "\r\n "
                width = 1
            }
            result.append(character)
            width += octets
        }
        return result + "\r\n"
    }
}
