// What a code-list value prints as: its label ("Morava"), not the code stored ("morava").

import CRM
import Mustache

/// The labels of every code-list attribute's values, by owner and attribute name.
public struct CodeLabels: Sendable {
    private let labels: [EntityKind: [String: [String: String]]]

    public static let none = CodeLabels(labels: [:])

    private init(labels: [EntityKind: [String: [String: String]]]) { self.labels = labels }

    public init(definitions: [AttributeDefinition], book: CodeBook) {
        var labels: [EntityKind: [String: [String: String]]] = [:]
        for definition in definitions {
            guard let list = definition.codeList else { continue }
            var byCode: [String: String] = [:]
            for value in book.values(of: list) { byCode[value.code] = value.label.isEmpty ? value.code : value.label }
            labels[definition.entity, default: [:]][definition.name] = byCode
        }
        self.labels = labels
    }

    func label(of code: String, attribute: String, on entity: EntityKind) -> String? {
        labels[entity]?[attribute]?[code]
    }

    /// Whether the attribute takes its values from a code list.
    func isCoded(_ attribute: String, on entity: EntityKind) -> Bool { labels[entity]?[attribute] != nil }
}

/// A code-list value: `{{territory}}` → "Morava", `{{territory.code}}` → "morava",
/// `{{territory.label}}` → "Morava".
struct MergeCode: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let code: String
    let label: String

    var renderText: String { label }
    var isNull: Bool { code.isEmpty }

    func child(named name: String) -> Any? {
        switch name {
        case "code": return code
        case "label": return label
        default: return nil
        }
    }

    /// The text transforms act on the label, as they would on the text it stands for.
    func transform(_ name: String) -> Any? {
        switch name {
        case "uppercased": return label.uppercased()
        case "lowercased": return label.lowercased()
        case "capitalized": return label.prefix(1).uppercased() + label.dropFirst()
        case "empty": return code.isEmpty
        default: return nil
        }
    }
}
