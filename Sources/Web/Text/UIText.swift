// The workspace's words, as data: one table per language, keyed by dotted names that pages read
// as {{t.section.name}}. Czech is the first; another language is another table of the same keys
// (UITextTests checks that a table has them all).

struct UIText: Sendable {
    let language: String
    let entries: [String: String]

    /// The entries as nested dictionaries, the shape Mustache's dotted names walk.
    var tree: [String: Any] {
        var root: [String: Any] = [:]
        for (key, value) in entries {
            let path = key.split(separator: ".").map(String.init)
            root = Self.inserting(value, at: path[...], into: root)
        }
        return root
    }

    private static func inserting(_ value: String, at path: ArraySlice<String>, into node: [String: Any]) -> [String: Any] {
        var node = node
        guard let head = path.first else { return node }
        if path.count == 1 { node[head] = value; return node }
        node[head] = inserting(value, at: path.dropFirst(), into: node[head] as? [String: Any] ?? [:])
        return node
    }

    subscript(_ key: String) -> String { entries[key] ?? key }
}
