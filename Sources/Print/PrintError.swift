// Why a document could not be laid out or written.

public enum PrintError: Error, CustomStringConvertible, Sendable, Equatable {
    case cannotWrite(path: String, reason: String)
    case invalidSheet(file: String, String)
    case unknownSheet(String, known: [String])

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "cannot write the PDF \(path): \(reason)"
        case .invalidSheet(let file, let message): return "\(file): \(message)"
        case .unknownSheet(let name, let known): return "no label sheet \"\(name)\"; known: \(known.joined(separator: ", "))"
        }
    }
}
