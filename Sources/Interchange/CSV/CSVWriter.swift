// Writing CSV: quoting only where needed, CRLF line ends as spreadsheets expect.

public struct CSVWriter {
    public let delimiter: Character
    public private(set) var text = ""

    public init(delimiter: Character = ",") { self.delimiter = delimiter }

    public mutating func write(_ fields: [String]) {
        text += fields.map(quoted).joined(separator: String(delimiter))
        text += "\r\n"
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
