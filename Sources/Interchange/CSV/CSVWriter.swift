// Writing CSV: quoting only where needed, CRLF line ends as spreadsheets expect.

public struct CSVWriter {
    public let delimiter: Character
    /// For files meant for a spreadsheet: a cell that starts like a formula (`=`, `+`, `-`,
    /// `@`, tab, CR) and is not a number gets a leading `'`, so Excel shows it as text instead
    /// of running it (`=HYPERLINK(…)` typed into a name). The import takes the `'` off again.
    public let neutralizingFormulas: Bool
    public private(set) var text = ""

    public init(delimiter: Character = ",", neutralizingFormulas: Bool = false) {
        self.delimiter = delimiter
        self.neutralizingFormulas = neutralizingFormulas
    }

    public mutating func write(_ fields: [String]) {
        text += fields.map { quoted(neutralizingFormulas ? CSVWriter.neutralized($0) : $0) }.joined(separator: String(delimiter))
        text += "\r\n"
    }

    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    static func neutralized(_ field: String) -> String {
        guard let first = field.first, formulaStarts.contains(first) else { return field }
        // A number (-1500, -2,5, +3) is data, not a formula; a phone (+420 602 …) is not a number.
        let rest = field.dropFirst()
        if first == "-" || first == "+", rest.first?.isNumber == true,
           rest.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." }), rest.filter({ $0 == "," || $0 == "." }).count <= 1 {
            return field
        }
        return "'" + field
    }

    /// What `neutralized` made of a cell, read back: the `'` before a formula character goes.
    public static func restored(_ field: String) -> String {
        guard field.hasPrefix("'"), let second = field.dropFirst().first, formulaStarts.contains(second) else { return field }
        return String(field.dropFirst())
    }

    /// The rows written since the last drain, for writers that stream a file.
    public mutating func drain() -> String {
        defer { text = "" }
        return text
    }

    func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || field.hasPrefix(" ") || field.hasSuffix(" ") else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        components(separatedBy: target).joined(separator: replacement)
    }

    func components(separatedBy separator: String) -> [String] {
        guard !separator.isEmpty else { return [self] }
        return split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
}
