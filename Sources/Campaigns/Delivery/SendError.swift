// Why `campaign send` or `mail` cannot start or had to stop.

public enum SendError: Error, CustomStringConvertible, Sendable {
    case usage(String)
    case notRendered(String)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .usage(let message): return message
        case .notRendered(let name): return "campaign \(name) has no rendered messages: run `kontakt campaign render \(name)` first"
        case .unreadable(let path, let reason):
            return "cannot read the rendered message \(path) (\(reason)); the Outbox must hold the campaign as it was rendered"
        }
    }
}
