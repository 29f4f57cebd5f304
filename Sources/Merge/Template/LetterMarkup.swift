// A template's Markdown for paper: paragraphs in Pango's markup (bold, italic), list items as
// bullet paragraphs, headings bold, links as their text (the URL in brackets when it differs).

/// Paragraphs are separated by a blank line; a list item's paragraph starts with "• ". Text is
/// escaped for the markup, so the template's own `&` or `<` print as they are.
enum LetterMarkup {
    static func markup(_ markdown: String) -> String {
        var paragraphs: [String] = []
        var current: [String] = []
        func close() {
            if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
            current = []
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingSpaces
            if line.isEmpty { close(); continue }
            if let item = listItem(line) {
                close()
                paragraphs.append("• " + inline(item))
            } else if line.hasPrefix("#"), let text = line.firstIndex(where: { $0 != "#" }).map({ line[$0...].trimmingSpaces }) {
                close()
                paragraphs.append("<b>" + inline(text) + "</b>")
            } else {
                current.append(inline(line))
            }
        }
        close()
        return paragraphs.joined(separator: "\n\n")
    }

    /// The text of `- item`, `* item`, `+ item` or `1. item`.
    private static func listItem(_ line: String) -> String? {
        for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) { return String(line.dropFirst(2)).trimmingSpaces }
        if let dot = line.firstIndex(of: "."), line[..<dot].allSatisfy(\.isNumber), !line[..<dot].isEmpty,
           line[line.index(after: dot)...].hasPrefix(" ") {
            return line[line.index(after: dot)...].trimmingSpaces
        }
        return nil
    }

    /// Escapes the text, then turns `**bold**`/`__bold__` and `*italic*`/`_italic_` into tags
    /// and links into text.
    private static func inline(_ text: String) -> String {
        var result = escaped(MarkdownText.plainLinks(text))
        result = pairs(result, marker: "**", tag: "b")
        result = pairs(result, marker: "__", tag: "b")
        result = pairs(result, marker: "*", tag: "i")
        result = pairs(result, marker: "_", tag: "i", wordBound: true)
        return result
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Replaces matched pairs of `marker` by `<tag>`…`</tag>`; an unmatched marker stays. With
    /// `wordBound`, an underscore inside a word (snake_case) is not a marker.
    private static func pairs(_ text: String, marker: String, tag: String, wordBound: Bool = false) -> String {
        var parts = text.components(separatedBy: marker)
        guard parts.count >= 3 else { return text }
        if wordBound {
            // Only split where the marker touches a space or the line's edge on its outer side.
            let joined = text
            var result = ""
            var open = false
            var index = joined.startIndex
            while index < joined.endIndex {
                if joined[index...].hasPrefix(marker) {
                    let before = index == joined.startIndex ? " " : joined[joined.index(before: index)]
                    let afterIndex = joined.index(index, offsetBy: marker.count)
                    let after = afterIndex == joined.endIndex ? " " : joined[afterIndex]
                    if !open && !before.isLetter && !before.isNumber && !after.isWhitespace && joined[afterIndex...].contains(marker) {
                        result += "<\(tag)>"; open = true; index = afterIndex; continue
                    }
                    if open && !after.isLetter && !after.isNumber {
                        result += "</\(tag)>"; open = false; index = afterIndex; continue
                    }
                }
                result.append(joined[index])
                index = joined.index(after: index)
            }
            return open ? text : result
        }
        var result = parts.removeFirst()
        var open = false
        while !parts.isEmpty {
            let part = parts.removeFirst()
            if !open && parts.isEmpty {
                result += marker + part
            } else {
                result += (open ? "</\(tag)>" : "<\(tag)>") + part
                open.toggle()
            }
        }
        return result
    }
}
