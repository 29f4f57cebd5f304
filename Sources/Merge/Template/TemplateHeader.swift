// The YAML front matter of a template, read from Yams' node tree so that every problem has its
// line and column.

import CRM
import Yams

/// `subject`, `from`, `reply-to`, `cc`, `bcc`, `attachments`, `list-unsubscribe` and
/// `required`; every text may hold merge fields. For letters also `window` (left or right:
/// where the address stands, for window envelopes), `fold-marks` (yes/no), `closing`
/// (default "S pozdravem") and `our-reference`.
public struct TemplateHeader: Sendable, Equatable {
    public var subject: String
    public var from: String?
    public var replyTo: String?
    public var cc: [String] = []
    public var bcc: [String] = []
    public var attachments: [String] = []
    public var listUnsubscribe: [String] = []
    public var required: [String] = []
    public var window: String?
    public var foldMarks = false
    public var closing: String?
    public var ourReference: String?

    enum Key: String, CaseIterable {
        case subject, from, replyTo = "reply-to", cc, bcc, attachments, listUnsubscribe = "list-unsubscribe", required
        case window, foldMarks = "fold-marks", closing, ourReference = "our-reference"
    }

    /// Reads the front matter, its YAML text starting on line `firstLine` of `file`. Every
    /// problem is a `file:line:column` sentence: a YAML syntax error, a key that is not one of
    /// the front matter's (with the nearest), a value of the wrong kind, a missing subject.
    public static func parse(_ yaml: String, file: String, firstLine: Int = 2) throws -> TemplateHeader {
        func error(_ mark: Mark?, _ message: String) -> MergeError {
            MergeError(file: file, line: mark.map { $0.line + firstLine - 1 } ?? firstLine, column: mark?.column, message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let failure as YamlError {
            throw syntaxError(failure, error)
        }
        guard let root else { throw error(nil, "the front matter is empty: it needs at least subject: …") }
        guard let mapping = root.mapping else { throw error(root.mark, "the front matter must be lines of key: value, such as subject: Nabídka") }
        var header = TemplateHeader(subject: "")
        var seen = Set<Key>()
        for (keyNode, value) in mapping {
            let name = keyNode.scalar?.string ?? ""
            guard let key = Key(rawValue: name) else {
                let known = Key.allCases.map(\.rawValue)
                throw error(keyNode.mark, "the front matter has no key \"\(name)\"\(NearestMatch.hint(for: name, among: known)); keys are \(known.joined(separator: ", "))")
            }
            guard seen.insert(key).inserted else { throw error(keyNode.mark, "\(name) is given twice") }
            func text() throws -> String {
                guard let scalar = value.scalar else { throw error(value.mark, "\(name) must be one text, not a list or a mapping") }
                return scalar.string
            }
            func texts() throws -> [String] {
                if let scalar = value.scalar { return scalar.string.isEmpty && scalar.style == .plain ? [] : [scalar.string] }
                guard let sequence = value.sequence else { throw error(value.mark, "\(name) must be a text or a list of texts") }
                return try sequence.map { item in
                    guard let scalar = item.scalar else { throw error(item.mark, "each item of \(name) must be a text") }
                    return scalar.string
                }
            }
            switch key {
            case .subject: header.subject = try text()
            case .from: header.from = try text()
            case .replyTo: header.replyTo = try text()
            case .cc: header.cc = try texts()
            case .bcc: header.bcc = try texts()
            case .attachments: header.attachments = try texts()
            case .listUnsubscribe: header.listUnsubscribe = try texts()
            case .required: header.required = try texts()
            case .window: header.window = try text()
            case .closing: header.closing = try text()
            case .ourReference: header.ourReference = try text()
            case .foldMarks:
                guard let flag = Bool.construct(from: value.scalar ?? Node.Scalar("")) else {
                    throw error(value.mark, "fold-marks is yes or no, not \"\(value.scalar?.string ?? "a list")\"")
                }
                header.foldMarks = flag
            }
        }
        guard seen.contains(.subject) else { throw error(nil, "the front matter has no subject: (every template needs one)") }
        return header
    }

    /// A YAML syntax error as a sentence at its place, without libyaml's context dump.
    private static func syntaxError(_ failure: YamlError, _ error: (Mark?, String) -> MergeError) -> MergeError {
        switch failure {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let while_ = context.map { " (\($0.text))" } ?? ""
            return error(mark, "the front matter is not valid YAML: \(problem)\(while_); quote a text that holds a colon, # or {{ at its start")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return error(context.mark, "the front matter gives \(duplicates.joined(separator: ", ")) more than once")
        case .reader(let problem, _, _, _):
            return error(nil, "the front matter cannot be read: \(problem)")
        default:
            return error(nil, "the front matter is not valid YAML")
        }
    }
}
