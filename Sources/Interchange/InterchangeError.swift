// Errors of imports and exports, as sentences for the user.

public enum InterchangeError: Error, CustomStringConvertible, Equatable {
    case usage(String)
    case encoding(String)
    case file(path: String, message: String)
    /// Every invalid row, as `file:line: column: what is wrong`.
    case invalidRows([String])

    public var description: String {
        switch self {
        case .usage(let message), .encoding(let message): return message
        case .file(let path, let message): return "\(path): \(message)"
        case .invalidRows(let lines):
            let noun = lines.count == 1 ? "1 error" : "\(lines.count) errors"
            return "the import found \(noun) and wrote nothing (fix them, or pass --skip-invalid to import the valid rows):\n" + lines.joined(separator: "\n")
        }
    }
}
