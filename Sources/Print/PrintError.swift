// Why a document could not be laid out or written.

public enum PrintError: Error, CustomStringConvertible, Sendable, Equatable {
    case cannotWrite(path: String, reason: String)
    case invalidSheet(file: String, String)
    case unknownSheet(String, suggestions: [String], count: Int)
    /// The products the name fits, each with its sheet's layout ("3 × 7, 63.5 × 38.1 mm, A4 …").
    case ambiguousSheet(String, candidates: [SheetCandidate])
    case noSheetFolder(looked: [String])

    /// A sheet a product code could mean.
    public struct SheetCandidate: Sendable, Equatable {
        public let product: String
        public let layout: String
    }

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "cannot write the PDF \(path): \(reason)"
        case .invalidSheet(let file, let message): return "\(file): \(message)"
        case .unknownSheet(let name, let suggestions, let count):
            let close = suggestions.isEmpty ? "" : " (close: \(suggestions.joined(separator: ", ")))"
            return "no label sheet \"\(name)\" among the \(count) known\(close); `kontakt labels --list-sheets [FILTER]` lists them"
        case .ambiguousSheet(let name, let candidates):
            let listed = candidates.map { "\($0.product) (\($0.layout))" }.joined(separator: "; ")
            return "\"\(name)\" names different sheets: \(listed); give the maker too, e.g. --sheet \"\(candidates.first?.product ?? name)\""
        case .noSheetFolder(let looked):
            return "no label sheet presets: looked in \(looked.joined(separator: ", ")); give --sheets FOLDER or set print.sheets"
        }
    }
}
