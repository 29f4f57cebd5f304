// Errors of message composition: each names what was wrong and where.

public enum MailError: Error, Equatable, CustomStringConvertible, Sendable {
    /// An address that cannot be written into a header as it is.
    case invalidAddress(String, reason: String)
    /// A URL for List-Unsubscribe that is neither mailto: nor https:, or holds characters a header cannot.
    case invalidUnsubscribeURL(String)
    /// A message without a recipient or without a sender.
    case incomplete(String)
    /// A DKIM key or setting that cannot sign.
    case dkim(String)

    public var description: String {
        switch self {
        case .invalidAddress(let address, let reason):
            return "\"\(MailError.printable(address))\" is not an e-mail address a message can carry: \(reason)"
        case .invalidUnsubscribeURL(let url):
            return "\"\(MailError.printable(url))\" cannot be a List-Unsubscribe link: expected mailto:… or https://… (http:// only to 127.0.0.1 or localhost) without spaces or line breaks"
        case .incomplete(let what):
            return "the message is incomplete: \(what)"
        case .dkim(let reason):
            return "DKIM: \(reason)"
        }
    }

    /// Control characters shown as escapes, so an error about an injection attempt cannot
    /// itself break a terminal line.
    public static func printable(_ text: String) -> String {
        String(text.unicodeScalars.flatMap { scalar -> [Character] in
            scalar.value < 0x20 || scalar.value == 0x7F ? Array("\\u{\(String(scalar.value, radix: 16))}") : [Character(scalar)]
        })
    }
}
