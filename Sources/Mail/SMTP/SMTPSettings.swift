// How to reach an SMTP server: the URL, TLS, the account and its secret. The secret is held in
// memory only; nothing here is ever written to the database or printed.

/// Whether plain `smtp://` upgrades the connection with STARTTLS.
public enum StartTLS: String, CaseIterable, Sendable {
    /// The session must become TLS before anything else is said: without STARTTLS the send stops.
    case required
    /// TLS when the server offers it, plain text otherwise. Never with a password or token,
    /// where it means `required`.
    case opportunistic
    /// Plain text throughout (a local relay).
    case off
}

/// What proves the account: a password, or an OAuth 2 bearer token (SASL XOAUTH2) for providers
/// that retired passwords.
public enum SMTPSecret: Sendable {
    case password(String)
    case oauth2Token(String)
}

public struct SMTPSettings: Sendable {
    /// `smtp://[user@]host[:port][/helo-domain]` or `smtps://…` (TLS from the first byte).
    public var url: String
    public var startTLS: StartTLS
    public var secret: SMTPSecret?
    /// A PEM bundle of certificate authorities to trust instead of the system's (a private CA).
    public var caFile: String?
    /// Seconds to wait for the connection, and for each reply of the server.
    public var connectTimeout: Int
    public var replyTimeout: Int

    public init(url: String, startTLS: StartTLS? = nil, secret: SMTPSecret? = nil, caFile: String? = nil,
                connectTimeout: Int = 30, replyTimeout: Int = 120) throws {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("smtp://") || lowered.hasPrefix("smtps://") else {
            throw SMTPError.configuration("the SMTP URL \"\(url)\" must start with smtp:// or smtps://")
        }
        // A password in the URL would end up in the settings, in shell history and in messages.
        let authority = SMTPSettings.authority(of: url)
        if let at = authority.lastIndex(of: "@"), authority[..<at].contains(":") {
            throw SMTPError.configuration("the SMTP URL carries a password: give only the user in the URL (smtp://user@host) and the password in $KONTAKT_SMTP_PASSWORD or --password-file")
        }
        self.url = url
        // Credentials never travel in plain text: with a secret, plain smtp:// must become TLS
        // (STARTTLS required — opportunistic would log in over plain TCP when an attacker strips
        // the server's STARTTLS offer), and "off" is refused.
        if secret != nil, lowered.hasPrefix("smtp://") {
            if startTLS == .off {
                throw SMTPError.configuration("--starttls off cannot be used with a password or token: credentials are never sent without TLS (use STARTTLS, or smtps://)")
            }
            self.startTLS = .required
        } else {
            self.startTLS = startTLS ?? .opportunistic
        }
        self.secret = secret
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.replyTimeout = replyTimeout
    }

    /// The URL's user, if any (`smtp://user@host`): the account a daily cap counts against.
    public var user: String? {
        let authority = SMTPSettings.authority(of: url)
        guard let at = authority.lastIndex(of: "@") else { return nil }
        return String(authority[..<at]).percentDecoded
    }

    /// Host and port as the account's name: `user@host:port`, never a secret.
    public var account: String { String(SMTPSettings.authority(of: url)).lowercased() }

    /// `user@host:port` of `smtp[s]://user@host:port/…`.
    private static func authority(of url: String) -> Substring {
        url.dropFirst(url.lowercased().hasPrefix("smtps://") ? 8 : 7).prefix { $0 != "/" }
    }
}

private extension String {
    /// `%40` → `@` in a URL's user part.
    var percentDecoded: String? {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
