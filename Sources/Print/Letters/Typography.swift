// A line must not end with a one-letter preposition or conjunction (Czech "v", "k", "s", "z",
// "o", "u", "a", "i"): the space after such a word becomes a no-break space.

enum Typography {
    /// `markup` with a no-break space after each binding word that stands alone; text inside
    /// `<…>` tags is left alone.
    static func bind(_ markup: String, words: Set<String>) -> String {
        guard !words.isEmpty else { return markup }
        var result = ""
        result.reserveCapacity(markup.utf8.count)
        var word = ""
        var inTag = false
        for character in markup {
            if inTag {
                result.append(character)
                if character == ">" { inTag = false }
            } else if character == "<" {
                result += word
                word = ""
                result.append(character)
                inTag = true
            } else if character == " " {
                result += word
                result.append(words.contains(word) ? "\u{00A0}" : " ")
                word = ""
            } else {
                word.append(character)
            }
        }
        return result + word
    }
}
