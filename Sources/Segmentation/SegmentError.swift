// Errors of the segmentation language: where in the expression, what was found, what was expected.

/// A parse or type error in a segment expression. Its description names the line and column,
/// quotes the line and puts a caret under the part in question:
///
///     1:1: there is no attribute "teritory" (did you mean "territory"?)
///       teritory = "Morava"
///       ^~~~~~~~
public struct SegmentError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String
    /// Character offsets into the expression; nil when the error concerns the whole of it.
    public let range: Range<Int>?
    public let source: String

    public init(_ message: String, at range: Range<Int>?, in source: String) {
        self.message = message; self.range = range; self.source = source
    }

    /// The most characters of the expression's line an error quotes.
    static let window = 100

    /// 1-based line and column of the start of the range.
    public var location: (line: Int, column: Int) {
        guard let range else { return (1, 1) }
        var line = 1, column = 1
        for (offset, character) in source.enumerated() {
            if offset == range.lowerBound { break }
            if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    public var description: String {
        guard let range else { return message }
        let (line, column) = location
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        var characters = Array(line <= lines.count ? String(lines[line - 1]) : "")
        // A pasted expression can be one line of 100,000 characters: the quote is a window of
        // the line around the error, marked with … where it was cut.
        var start = column - 1
        if characters.count > SegmentError.window {
            let from = max(0, min(start - SegmentError.window / 3, characters.count - SegmentError.window))
            let to = min(characters.count, from + SegmentError.window)
            characters = (from > 0 ? ["…"] : []) + Array(characters[from..<to]) + (to < characters.count ? ["…"] : [])
            start = start - from + (from > 0 ? 1 : 0)
        }
        let width = max(1, min(range.count, characters.count - start, SegmentError.window))
        let caret = String(repeating: " ", count: start) + "^" + String(repeating: "~", count: width - 1)
        let text = String(characters)
        return "\(line):\(column): \(message)\n  \(text)\n  \(caret)"
    }
}
