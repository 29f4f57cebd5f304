// Text in headers: made safe, then written as plain ASCII, a quoted string, or RFC 2047
// encoded-words, and folded to lines of at most 78 characters.

enum HeaderText {
    /// Control characters (CR, LF, NUL, tab …) become spaces and runs of spaces one space:
    /// merged values can never end a header line or start a new one.
    static func sanitized(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.value < 0x20 || scalar.value == 0x7F || scalar == " " || (scalar.value >= 0x80 && scalar.value < 0xA0)
                || scalar == "\u{2028}" || scalar == "\u{2029}"
            if isSpace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(scalar)
                lastWasSpace = false
            }
        }
        return String(result)
    }

    /// Printable ASCII without the sequence `=?`, which a reader could take for an encoded-word.
    static func isPlain(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte > 0x7E { return false }
            if previous == UInt8(ascii: "="), byte == UInt8(ascii: "?") { return false }
            previous = byte
        }
        return true
    }

    /// The longest word written as it is. A longer one (a 2,000-letter "name" pasted into a
    /// cell) could not be folded, and a header line must stay within 998 octets (RFC 5322
    /// §2.1.1): such text goes as encoded-words, which fold anywhere.
    static let longestPlainWord = 72

    /// Unstructured text (Subject): as it is when plain, else encoded-words; in words to fold.
    static func unstructuredWords(_ text: String) -> [String] {
        let clean = sanitized(text).trimmingCharacters(in: " ")
        if isPlain(clean) {
            let words = clean.split(separator: " ").map(String.init)
            if words.allSatisfy({ $0.utf8.count <= longestPlainWord }) { return words }
        }
        return encodedWords(clean)
    }

    /// A display name (RFC 5322 phrase): atoms as they are, other ASCII as a quoted string,
    /// anything else as encoded-words.
    static func phraseWords(_ name: String) -> [String] {
        let clean = sanitized(name)
        if isPlain(clean) {
            let atoms = clean.split(separator: " ")
            if atoms.allSatisfy({ $0.utf8.allSatisfy(isAtext) && $0.utf8.count <= longestPlainWord }) { return atoms.map(String.init) }
            var quoted = "\""
            for character in clean {
                if character == "\"" || character == "\\" { quoted.append("\\") }
                quoted.append(character)
            }
            quoted += "\""
            // A quoted string is one word: only a short one is written so.
            if quoted.utf8.count <= longestPlainWord { return [quoted] }
        }
        return encodedWords(clean)
    }

    private static let atextSymbols = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    static func isAtext(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || atextSymbols.contains(byte)
    }

    /// `=?UTF-8?B?…?=` words of at most 75 characters, never splitting a character (RFC 2047 §5).
    static func encodedWords(_ text: String) -> [String] {
        // 39 bytes become 52 base64 characters: with `=?UTF-8?B?` and `?=`, 64 in all, so
        // even the first word after `Reply-To: ` fits a 78-character line.
        let limit = 39
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > limit, !chunk.isEmpty {
                words.append(word(chunk))
                chunk.removeAll(keepingCapacity: true)
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + String(decoding: Base64.encode(bytes), as: UTF8.self) + "?="
    }
}

/// Writes header fields, folding at the spaces between words so that lines stay within 78
/// characters wherever the words allow (RFC 5322 §2.2.3); no word is longer than 998.
struct HeaderWriter {
    var bytes: [UInt8] = []

    /// `Name: word word …`, one space between words, folded before a word that would pass 78.
    mutating func field(_ name: String, words: [String]) {
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: ":"))
        var lineLength = name.utf8.count + 1
        var wordsOnLine = 0
        for word in words where !word.isEmpty {
            let length = word.utf8.count
            if wordsOnLine > 0, lineLength + 1 + length > 78 {
                bytes += [0x0D, 0x0A]
                lineLength = 0
            }
            bytes.append(0x20)
            bytes.append(contentsOf: word.utf8)
            lineLength += 1 + length
            wordsOnLine += 1
        }
        bytes += [0x0D, 0x0A]
    }

    /// A field whose value is one short, plain ASCII word or phrase known not to need folding.
    mutating func field(_ name: String, _ value: String) {
        field(name, words: [value])
    }
}
