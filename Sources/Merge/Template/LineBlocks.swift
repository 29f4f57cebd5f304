// Paragraphs whose line breaks mean something — a signature, an address, a list of short lines —
// keep them in the HTML part and in letters, where Markdown would join the lines into one.

/// A paragraph is a line block when it has two or more lines and every one is short (at most
/// 60 characters, merge tags counted as written): prose wrapped at the editor's width has longer
/// lines and still flows. Lists, headings, quotes and code keep Markdown's own rules.
enum LineBlocks {
    static let marker = "KONTAKTLINEBREAK"
    static let longestLine = 60

    /// The Markdown with a marker at the end of each line of a line block but its last.
    static func marking(_ markdown: String) -> String {
        var output: [String] = []
        var paragraph: [String] = []
        func close() {
            if isLineBlock(paragraph) {
                output += paragraph.dropLast().map { $0 + " " + marker } + [paragraph.last!]
            } else {
                output += paragraph
            }
            paragraph = []
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.trimmingSpaces.isEmpty { close(); output.append(line) } else { paragraph.append(line) }
        }
        close()
        return output.joined(separator: "\n")
    }

    private static func isLineBlock(_ lines: [String]) -> Bool {
        guard lines.count >= 2 else { return false }
        return lines.allSatisfy { line in
            let text = line.trimmingSpaces
            let structural = ["-", "*", "+", "#", ">", "|", "```"].contains(where: text.hasPrefix)
                || line.hasPrefix("    ") || line.hasPrefix("\t") || text.first.map(\.isNumber) == true && text.contains(". ")
            return !structural && text.count <= longestLine
        }
    }

    /// For the text part: its lines are kept as they are.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: " " + marker, with: "").replacingOccurrences(of: marker, with: "")
    }

    /// For the HTML part: a `<br>` where the line ended.
    static func html(_ html: String) -> String {
        var result = ""
        var rest = Substring(html)
        while let found = rest.firstRange(of: marker) {
            var before = rest[..<found.lowerBound]
            while before.last == " " { before = before.dropLast() }
            result += before + "<br>"
            rest = rest[found.upperBound...]
            while rest.first == " " { rest = rest.dropFirst() }
        }
        return result + rest
    }

    /// For the letter's markup, whose paragraph lines are joined by spaces: a newline instead.
    static func letter(_ markup: String) -> String {
        markup.replacingOccurrences(of: " " + marker + " ", with: "\n").replacingOccurrences(of: " " + marker, with: "\n")
            .replacingOccurrences(of: marker, with: "\n")
    }
}
