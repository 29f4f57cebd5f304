// Ink, the Markdown parser, backtracks on every `[` it cannot close: 23 of them in a paragraph
// took minutes. Only brackets that open a real link (`[text](target)` on one line) reach it;
// every other `[` passes through as a placeholder word and comes back as it was.

enum LinkBrackets {
    static let placeholder = "KONTAKTBRACKET"

    /// The Markdown with every `[` that opens no link replaced by the placeholder. Linear.
    static func protecting(_ markdown: String) -> String {
        guard markdown.contains("[") else { return markdown }
        var lines: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let characters = Array(line)
            var opens: [Int] = []
            var links = Set<Int>()
            var index = 0
            while index < characters.count {
                switch characters[index] {
                case "[": opens.append(index)
                case "]":
                    if let open = opens.popLast(), index + 1 < characters.count, characters[index + 1] == "(",
                       let close = characters[(index + 2)...].firstIndex(of: ")") {
                        links.insert(open)
                        index = close
                    }
                default: break
                }
                index += 1
            }
            var result = ""
            for (offset, character) in characters.enumerated() {
                if character == "[", !links.contains(offset) { result += placeholder } else { result.append(character) }
            }
            lines.append(result)
        }
        return lines.joined(separator: "\n")
    }

    static func restoring(_ text: String) -> String {
        text.contains(placeholder) ? text.replacingOccurrences(of: placeholder, with: "[") : text
    }
}
