// The workspace's words, as data: one table per language, keyed by dotted names that templates
// write as {{t.section.name}} (put in when the templates are compiled) and routes read as
// text[KEY]. Czech is the first; another language is another table of the same keys
// (UITextTests checks that the Czech one has every key a template or route uses).

struct UIText: Sendable {
    let language: String
    let entries: [String: String]

    /// The words for `key`, or the key itself where a table lacks it (visible, not a crash).
    subscript(_ key: String) -> String { entries[key] ?? key }
}
