// Errors of the store, each a sentence that says what to do next.

public enum StoreError: Error, Equatable, CustomStringConvertible {
    case noDatabase(path: String)
    case cannotOpen(path: String, reason: String)
    case notFound(entity: String, id: String)
    case conflict(String)
    /// A named thing (a segment …) that does not exist; the sentence lists what does.
    case unknownName(String)

    public var description: String {
        switch self {
        case .noDatabase(let path):
            return "there is no database at \(path); create one with `kontakt init` or point --db / $KONTAKT_DB at an existing file"
        case .cannotOpen(let path, let reason):
            return "cannot open the database \(path): \(reason)"
        case .notFound(let entity, let id):
            return "there is no \(entity) \(id)"
        case .conflict(let message), .unknownName(let message):
            return message
        }
    }
}
