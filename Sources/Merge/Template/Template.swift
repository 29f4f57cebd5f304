// A template file: YAML front matter, then Markdown with Mustache merge fields. Checked against
// the merge schema when loaded; rendered per recipient into a subject, text, HTML and headers.

import CRM
import Foundation
import Ink
import Mustache
import Yams

public struct Template: Sendable {
    /// The file as given, for messages.
    public let path: String
    /// The whole file, for the campaign's snapshot.
    public let source: String
    public let header: TemplateHeader
    /// Every field the template's tags name, for a merge context that composes only those.
    public let fields: Set<String>
    /// `fields` by group, for building contexts with only what the template uses.
    public let selection: FieldSelection
    private let subject: MustacheTemplate
    private let from: MustacheTemplate?
    private let replyTo: MustacheTemplate?
    private let cc: [MustacheTemplate]
    private let bcc: [MustacheTemplate]
    private let attachments: [MustacheTemplate]
    private let listUnsubscribe: [MustacheTemplate]
    private let text: MustacheTemplate
    private let html: MustacheTemplate
    private let letter: MustacheTemplate

    /// The largest template accepted, and the most merge fields in it.
    public static let maxBytes = 128 * 1024
    public static let maxTags = 1_000

    public static func load(path: String, schema: MergeSchema) throws -> Template {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MergeError(file: path, "cannot read the template")
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw MergeError(file: path, "the template is not UTF-8 text")
        }
        return try Template(path: path, source: source, schema: schema)
    }

    /// Parses and checks a template: the front matter must have a subject, every merge field
    /// must be in the schema, every required field too.
    public init(path: String, source: String, schema: MergeSchema) throws {
        self.path = path
        self.source = source
        // Bounds that keep loading fast: Mustache's parser takes time that grows with the square
        // of the tags (10,000 took 14 s); real templates have dozens.
        guard source.utf8.count <= Template.maxBytes else {
            throw MergeError(file: path, "the template is \(source.utf8.count / 1024) KiB: at most \(Template.maxBytes / 1024) KiB (put large texts in an attachment)")
        }
        let normalized = source.replacingOccurrences(of: "\r\n", with: "\n")
        let tagCount = FieldTag.count(in: normalized)
        guard tagCount <= Template.maxTags else {
            throw MergeError(file: path, "the template has \(tagCount) merge fields: at most \(Template.maxTags)")
        }
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingSpaces == "---", let close = lines.dropFirst().firstIndex(where: { $0.trimmingSpaces == "---" }) else {
            throw MergeError(file: path, line: 1, "a template starts with front matter between two lines of ---, with at least subject: …")
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        let bodyLine = close + 2
        header = try TemplateHeader.parse(yaml, file: path, firstLine: 2)
        if let window = header.window, window != "left", window != "right" {
            throw MergeError(file: path, line: 2, "window is left or right (where a letter's address stands), not \"\(window)\"")
        }
        // Merge fields in the front matter are checked line by line, so errors point at them.
        for (offset, line) in lines[1..<close].enumerated() {
            try schema.check(String(line), file: path, firstLine: offset + 2)
        }
        try schema.check(body, file: path, firstLine: bodyLine)
        fields = Set(FieldTag.scan(normalized).map(\.name)).union(header.required)
        selection = FieldSelection(fields: fields)
        for field in header.required where !schema.fields.contains(field) {
            throw MergeError(file: path, "required lists \"\(field)\", which is not a merge field\(NearestMatch.hint(for: field, among: schema.fields.sorted()))")
        }
        func compile(_ text: String, line: Int, html: Bool = false) throws -> MustacheTemplate {
            do {
                return try MustacheTemplate(string: (html ? "" : "{{% CONTENT_TYPE: TEXT}}") + text)
            } catch let failure as MustacheTemplate.ParserError {
                // The sections were paired and every tag checked above: what is left is a tag
                // Mustache cannot read at all.
                throw MergeError(file: path, line: line, "a merge field cannot be read (\(failure.error)) near \"\(failure.context.line.trimmingSpaces.prefix(60))\"")
            } catch {
                throw MergeError(file: path, line: line, "a merge field cannot be read (\(error))")
            }
        }
        subject = try compile(header.subject, line: 2)
        from = try header.from.map { try compile($0, line: 2) }
        replyTo = try header.replyTo.map { try compile($0, line: 2) }
        cc = try header.cc.map { try compile($0, line: 2) }
        bcc = try header.bcc.map { try compile($0, line: 2) }
        attachments = try header.attachments.map { try compile($0, line: 2) }
        listUnsubscribe = try header.listUnsubscribe.map { try compile($0, line: 2) }
        let (protected, tags) = Template.protectingTags(LinkBrackets.protecting(body))
        let markdown = LineBlocks.marking(protected)
        func restoring(_ converted: String) -> String { LinkBrackets.restoring(Template.restoringTags(converted, tags)) }
        text = try compile(restoring(LineBlocks.plain(MarkdownText.plain(markdown))), line: bodyLine)
        html = try compile(LinkGuard.marking(Layout.html(restoring(LineBlocks.html(MarkdownParser().html(from: markdown))))), line: bodyLine, html: true)
        // Pango's markup escapes like HTML: merged values are escaped the same way.
        letter = try compile(restoring(LineBlocks.letter(LetterMarkup.markup(markdown))), line: bodyLine, html: true)
    }

    /// Renders the template for one recipient. Values in the HTML part are HTML-escaped; the
    /// other parts take them as they are (the message writer encodes headers).
    public func render(_ recipient: MergeContext) -> MergedMessage {
        let values = recipient.values
        func run(_ template: MustacheTemplate) -> String { template.render(values) }
        return MergedMessage(subject: run(subject), from: from.map(run), replyTo: replyTo.map(run), cc: cc.map(run), bcc: bcc.map(run),
                             attachments: attachments.map(run), listUnsubscribe: listUnsubscribe.map(run),
                             text: run(text), html: LinkGuard.guarding(run(html)), letter: run(letter),
                             missing: header.required.filter { recipient.isEmpty($0) })
    }

    /// Merge tags become plain words while Markdown is converted, so that `_` or `*` in a
    /// field name can never turn into emphasis.
    static func protectingTags(_ body: String) -> (String, [String]) {
        var tags: [String] = []
        var result = ""
        var rest = Substring(body)
        while let open = rest.firstRange(of: "{{") {
            let closing = rest[open.upperBound...].hasPrefix("{") ? "}}}" : "}}"
            guard let close = rest[open.upperBound...].firstRange(of: closing) else { break }
            result += rest[..<open.lowerBound]
            result += "KONTAKTTAG\(tags.count)X"
            tags.append(String(rest[open.lowerBound..<close.upperBound]))
            rest = rest[close.upperBound...]
        }
        return (result + rest, tags)
    }

    /// One pass over the text, however many tags: replacing each marker in turn was quadratic
    /// (a template of 5,000 fields took minutes to load).
    static func restoringTags(_ text: String, _ tags: [String]) -> String {
        guard !tags.isEmpty else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let marker = rest.firstRange(of: "KONTAKTTAG") {
            result += rest[..<marker.lowerBound]
            let digits = rest[marker.upperBound...].prefix { $0.isASCII && $0.isNumber }
            let after = rest.index(marker.upperBound, offsetBy: digits.count)
            if let index = Int(digits), index < tags.count, after < rest.endIndex, rest[after] == "X" {
                result += tags[index]
                rest = rest[rest.index(after: after)...]
            } else {
                result += rest[marker]
                rest = rest[marker.upperBound...]
            }
        }
        return result + rest
    }
}

/// One recipient's message before MIME: what the template made of their merge context.
public struct MergedMessage: Sendable, Equatable {
    public var subject: String
    public var from: String?
    public var replyTo: String?
    public var cc: [String]
    public var bcc: [String]
    public var attachments: [String]
    public var listUnsubscribe: [String]
    public var text: String
    public var html: String
    /// The body for paper: paragraphs of Pango markup separated by blank lines, list items
    /// starting with "• ".
    public var letter: String
    /// Required fields the recipient lacks: such a recipient is skipped, never sent a blank.
    public var missing: [String]
}
