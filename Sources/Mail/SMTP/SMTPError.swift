// What stops delivery as a whole, as opposed to one message's outcome: the settings, the login
// or the server's certificate are wrong, and every further message would fail the same way.

public enum SMTPError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The URL or an option is not usable.
    case configuration(String)
    /// The server refused the credentials (535 and kin).
    case authentication(String)
    /// TLS could not be set up as asked: the certificate is not trusted, or STARTTLS is missing.
    case tls(String)

    public var description: String {
        switch self {
        case .configuration(let message): return message
        case .authentication(let message): return "the SMTP server refused the login: \(message)"
        case .tls(let message): return message
        }
    }
}
