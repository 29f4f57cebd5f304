// The merge fields a template may use: Kontakt's own and the user's attributes.

import CRM

/// Every field a recipient's merge context has, for checking templates before anything is
/// rendered.
public struct MergeSchema: Sendable {
    public let fields: Set<String>

    /// Fields of every recipient, with or without a person.
    public static let builtIn: [String] = [
        "person.id", "person.first", "person.last", "person.name", "person.titleBefore", "person.titleAfter", "person.function",
        "person.email", "person.phone", "person.mobile", "person.gender",
        "firm.id", "firm.name", "firm.ico", "firm.dic", "firm.street", "firm.city", "firm.zip", "firm.country", "firm.email",
        "firm.phone", "firm.web", "firm.address",
        "referent.code", "referent.name", "referent.email",
        "campaign.name", "unsubscribe.token", "unsubscribe.url", "channel.email", "channel.letter",
        "today", "salutation", "salutationInformal", "vocative.first", "vocative.last",
        "person", "firm", "referent", "campaign", "vocative", "unsubscribe", "channel",
    ]

    /// Transforms a field may go through: `{{money(firm.turnover)}}`.
    public static let transforms: Set<String> = ["uppercased", "lowercased", "capitalized", "money", "number", "long", "short", "iso", "empty"]

    /// - Parameter attributes: the attribute definitions in force; each is a field by its name
    ///   and by `firm.NAME` or `person.NAME`.
    public init(attributes: [AttributeDefinition]) {
        var fields = Set(MergeSchema.builtIn)
        for attribute in attributes {
            let names = [attribute.name, "\(attribute.entity.rawValue).\(attribute.name)"]
            for name in names {
                fields.insert(name)
                // A code-list value has its code and its label (what the bare name prints).
                if attribute.codeList != nil { fields.formUnion([name + ".code", name + ".label"]) }
            }
        }
        self.fields = fields
    }

    /// Checks every tag of a text; the first unknown field or transform is an error at its
    /// position that names the nearest known one.
    /// The deepest nesting of sections a template may have.
    static let maxSectionDepth = 16

    func check(_ text: String, file: String, firstLine: Int) throws {
        var open: [FieldTag] = []
        for tag in FieldTag.scan(text, firstLine: firstLine) {
            func error(_ message: String) -> MergeError { MergeError(file: file, line: tag.line, column: tag.column, message) }
            switch tag.kind {
            case .comment: continue
            case .other:
                throw error("the tag {{\(tag.name)}} is not supported in templates: use {{field}}, {{#field}}…{{/field}} or {{^field}}…{{/field}}")
            case .section, .invertedSection:
                open.append(tag)
                if open.count > MergeSchema.maxSectionDepth { throw error("sections nest more than \(MergeSchema.maxSectionDepth) deep here") }
            case .sectionEnd:
                guard let opened = open.popLast() else { throw error("{{/\(tag.name)}} closes no section: there is no {{#\(tag.name)}} before it") }
                guard opened.name == tag.name else {
                    throw error("{{/\(tag.name)}} closes {{#\(opened.name)}} from \(opened.line):\(opened.column): close that one with {{/\(opened.name)}} first")
                }
                continue
            case .variable: break
            }
            if tag.name == "." || tag.name.isEmpty {
                throw error("{{.}} would print the merge context itself: name a field, such as {{person.first}}")
            }
            if let transform = tag.transform, !MergeSchema.transforms.contains(transform) {
                throw error("there is no transform \"\(transform)\": use one of \(MergeSchema.transforms.sorted().joined(separator: ", "))\(NearestMatch.hint(for: transform, among: MergeSchema.transforms.sorted()))")
            }
            guard !fields.contains(tag.name) else { continue }
            let hint = NearestMatch.hint(for: tag.name, among: fields.sorted())
            throw error("there is no merge field \"\(tag.name)\"\(hint); fields are person.*, firm.*, referent.*, campaign.name, unsubscribe.token, unsubscribe.url, channel.email, channel.letter, today, salutation, salutationInformal, vocative.first, vocative.last and the attributes")
        }
        if let unclosed = open.last {
            throw MergeError(file: file, line: unclosed.line, column: unclosed.column, "{{#\(unclosed.name)}} is never closed: end the section with {{/\(unclosed.name)}}")
        }
    }
}
