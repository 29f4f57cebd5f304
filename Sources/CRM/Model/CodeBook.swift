// Code lists (číselníky): the user-maintained sets of allowed values.

/// One allowed value of a code list: a short code, its label, and, for results, what the
/// result means for the deal.
public struct CodeValue: Hashable, Sendable {
    public var list: String
    public var code: String
    public var label: String
    public var outcome: Outcome?
    /// Retired: no longer accepted as input; the records that have it keep it and its label.
    public var retired: Bool

    public init(list: String, code: String, label: String, outcome: Outcome? = nil, retired: Bool = false) {
        self.list = list; self.code = code; self.label = label; self.outcome = outcome; self.retired = retired
    }
}

/// Every code list with its values, loaded once per command: resolves what a user typed
/// (a code or a label, in any case and with or without diacritics) to the stored code.
///
///     let kind = try codeBook.resolve("Schůzka", in: "kind")   // .code == "meeting"
public struct CodeBook: Sendable {
    public private(set) var lists: [String: [CodeValue]]

    public init(values: [CodeValue], listNames: [String] = []) {
        var lists = Dictionary(grouping: values, by: \.list)
        for name in listNames where lists[name] == nil { lists[name] = [] }
        self.lists = lists
    }

    public func values(of list: String) -> [CodeValue] { lists[list] ?? [] }

    public func resolve(_ text: String, in list: String, field: String? = nil) throws -> CodeValue {
        let field = field ?? list
        guard let values = lists[list] else {
            throw ValidationError(field: field, message: "there is no code list \"\(list)\"\(NearestMatch.hint(for: list, among: Array(lists.keys)))")
        }
        let key = Folding.fold(text)
        if let match = values.first(where: { $0.code == text }) ?? values.first(where: { Folding.fold($0.code) == key || Folding.fold($0.label) == key }) {
            guard !match.retired else {
                let offered = values.filter { !$0.retired }.map(\.code)
                throw ValidationError(field: field, message: "\"\(text)\" is retired from the code list \"\(list)\": expected one of \(offered.joined(separator: ", "))")
            }
            return match
        }
        let allowed = values.filter { !$0.retired }.map(\.code)
        let shown = allowed.isEmpty ? "the list is empty; add values with `kontakt codelist value add \(list) CODE`" : "expected one of \(allowed.joined(separator: ", "))"
        throw ValidationError(field: field, message: "\"\(text)\" is not in the code list \"\(list)\": \(shown)\(NearestMatch.hint(for: text, among: allowed + values.map(\.label)))")
    }
}
