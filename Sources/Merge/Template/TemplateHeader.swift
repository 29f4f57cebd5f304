// The YAML front matter of a template.

/// `subject`, `from`, `reply-to`, `cc`, `bcc`, `attachments`, `list-unsubscribe` and
/// `required`; every text may hold merge fields. For letters also `window` (left or right:
/// where the address stands, for window envelopes), `fold-marks` (yes/no), `closing`
/// (default "S pozdravem") and `our-reference`.
public struct TemplateHeader: Decodable, Sendable, Equatable {
    public var subject: String
    public var from: String?
    public var replyTo: String?
    public var cc: [String]
    public var bcc: [String]
    public var attachments: [String]
    public var listUnsubscribe: [String]
    public var required: [String]
    public var window: String?
    public var foldMarks: Bool
    public var closing: String?
    public var ourReference: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case subject, from, replyTo = "reply-to", cc, bcc, attachments, listUnsubscribe = "list-unsubscribe", required
        case window, foldMarks = "fold-marks", closing, ourReference = "our-reference"
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
        window = try container.decodeIfPresent(String.self, forKey: .window)
        foldMarks = try container.decodeIfPresent(Bool.self, forKey: .foldMarks) ?? false
        closing = try container.decodeIfPresent(String.self, forKey: .closing)
        ourReference = try container.decodeIfPresent(String.self, forKey: .ourReference)
    }

    /// A key may hold one text or a list of them.
    private static func list(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> [String] {
        if let one = try? container.decodeIfPresent(String.self, forKey: key) { return [one] }
        return try container.decodeIfPresent([String].self, forKey: key) ?? []
    }
}
