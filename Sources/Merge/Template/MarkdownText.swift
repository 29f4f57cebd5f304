// The plain-text rendering of a template's Markdown: what the text/plain part shows.

/// Markdown reads well as it is; only the marks a reader would see as noise go: emphasis
/// (`**`, `__`, `*`, `_` around words), heading hashes, and links become `text (url)`.
enum MarkdownText {
    static func plain(_ markdown: String) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var text = String(line)
            if let hashes = text.firstIndex(where: { $0 != "#" }), hashes != text.startIndex, text[hashes] == " " {
                text = String(text[text.index(after: hashes)...])
            }
            text = links(in: text)
            return emphasis(in: removing(["**", "__"], from: text))
        }.joined(separator: "\n")
    }

    /// `[text](url)` → `text (url)`, for the letter's markup too.
    static func plainLinks(_ line: String) -> String { links(in: line) }

    /// `[text](url)` → `text (url)`; `<https://…>` → `https://…`.
    private static func links(in line: String) -> String {
        var result = ""
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "[") {
            guard let close = rest[open...].firstIndex(of: "]"), rest.index(after: close) < rest.endIndex,
                  rest[rest.index(after: close)] == "(", let end = rest[close...].firstIndex(of: ")") else { break }
            result += rest[..<open]
            let text = rest[rest.index(after: open)..<close]
            let url = rest[rest.index(close, offsetBy: 2)..<end]
            result += text == url ? "\(url)" : "\(text) (\(url))"
            rest = rest[rest.index(after: end)...]
        }
        result += rest
        return autolinks(in: result)
    }

    /// `<https://…>` → `https://…`.
    private static func autolinks(in line: String) -> String {
        var result = ""
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            guard after.hasPrefix("http://") || after.hasPrefix("https://") || after.hasPrefix("mailto:"),
                  let close = after.firstIndex(of: ">") else {
                result += rest[...open]
                rest = after
                continue
            }
            result += rest[..<open]
            result += after[..<close]
            rest = after[after.index(after: close)...]
        }
        return result + rest
    }

    private static func removing(_ marks: [String], from line: String) -> String {
        var text = line
        for mark in marks { text = text.split(separator: mark, omittingEmptySubsequences: false).joined() }
        return text
    }

    /// A single `*` or `_` that opens or closes a word goes; one inside a word stays.
    private static func emphasis(in line: String) -> String {
        let characters = Array(line)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character == "*" || character == "_" {
                let before = index > 0 ? characters[index - 1] : " "
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                let opens = (before == " " || before.isPunctuation) && !(after == " ")
                let closes = !(before == " ") && (after == " " || after.isPunctuation)
                // A list bullet ("* item") stays.
                if index == 0 && after == " " { result.append(character); continue }
                if opens || closes { continue }
            }
            result.append(character)
        }
        return result
    }
}
