// Why a document could not be laid out or written.

public enum PrintError: Error, CustomStringConvertible, Sendable, Equatable {
    case cannotWrite(path: String, reason: String)
    case invalidSheet(file: String, String)
    case unknownSheet(String, suggestions: [String], count: Int)
    case ambiguousSheet(String, candidates: [String])
    case noSheetFolder(looked: [String])

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "cannot write the PDF \(path): \(reason)"
        case .invalidSheet(let file, let message): return "\(file): \(message)"
        case .unknownSheet(let name, let suggestions, let count):
            let close = suggestions.isEmpty ? "" : " (close: \(suggestions.joined(separator: ", ")))"
            return "no label sheet \"\(name)\" among the \(count) known\(close); `kontakt labels --list-sheets [FILTER]` lists them"
        case .ambiguousSheet(let name, let candidates):
            return "\"\(name)\" names different sheets: \(candidates.joined(separator: "; ")); give the maker too, e.g. --sheet \"\(candidates[0].split(separator: "(").first.map { String($0.dropLast()) } ?? name)\""
        case .noSheetFolder(let looked):
            return "no label sheet presets: looked in \(looked.joined(separator: ", ")); give --sheets FOLDER or set print.sheets"
        }
    }
}
