// The YAML front matter of a template.

/// `subject`, `from`, `reply-to`, `cc`, `bcc`, `attachments`, `list-unsubscribe` and
/// `required`; every text may hold merge fields.
public struct TemplateHeader: Decodable, Sendable, Equatable {
    public var subject: String
    public var from: String?
    public var replyTo: String?
    public var cc: [String]
    public var bcc: [String]
    public var attachments: [String]
    public var listUnsubscribe: [String]
    public var required: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case subject, from, replyTo = "reply-to", cc, bcc, attachments, listUnsubscribe = "list-unsubscribe", required
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        subject = try container.decode(String.self, forKey: .subject)
        from = try container.decodeIfPresent(String.self, forKey: .from)
        replyTo = try container.decodeIfPresent(String.self, forKey: .replyTo)
        cc = try TemplateHeader.list(container, .cc)
        bcc = try TemplateHeader.list(container, .bcc)
        attachments = try TemplateHeader.list(container, .attachments)
        listUnsubscribe = try TemplateHeader.list(container, .listUnsubscribe)
        required = try TemplateHeader.list(container, .required)
    }

    /// A key may hold one text or a list of them.
    private static func list(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> [String] {
        if let one = try? container.decodeIfPresent(String.self, forKey: key) { return [one] }
        return try container.decodeIfPresent([String].self, forKey: key) ?? []
    }
}
