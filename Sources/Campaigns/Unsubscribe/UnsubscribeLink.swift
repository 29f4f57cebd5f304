// The setting `mail.unsubscribe-url`: where the workspace answers one-click unsubscribes
// (`kontakt serve` at /unsubscribe). Each campaign message gets the link with its recipient's
// token in List-Unsubscribe (and List-Unsubscribe-Post, RFC 8058), and as {{unsubscribe.url}}
// for the body.

import CRM
import GRDB
import Mail
import Store

public struct UnsubscribeLink: Sendable, Equatable {
    /// The base as set, e.g. "https://crm.example.cz/unsubscribe".
    public let base: String

    public static let settingKey = "mail.unsubscribe-url"

    /// The base when it can carry a token and a mail provider may POST to it: https:// (or
    /// http:// to this machine, for trials), no fragment, printable ASCII.
    public init(base text: String) throws(UnsubscribeLinkError) {
        let base = text.trimmingSpaces
        guard UnsubscribeURL.isOneClick(base), UnsubscribeURL.isAcceptable(base + "/x"), !base.contains("#") else {
            throw UnsubscribeLinkError(setting: base)
        }
        self.base = base
    }

    /// The link for one token: the token after a "/" (or straight after a base that ends in
    /// "/" or "=", such as "https://crm.example.cz/u?t=").
    public func link(token: String) -> String {
        base.hasSuffix("/") || base.hasSuffix("=") ? base + token : base + "/" + token
    }

    /// A message's List-Unsubscribe links with the workspace's link first, whatever the
    /// template listed.
    public static func leading(_ link: String, _ links: [String]) -> [String] {
        [link] + links.filter { $0 != link }
    }

    /// The setting as stored, when it is set; an unusable value is the error.
    public static func configured(db: Database) throws -> UnsubscribeLink? {
        guard let base = try Settings.get(settingKey, db: db), !base.trimmingSpaces.isEmpty else { return nil }
        return try UnsubscribeLink(base: base)
    }
}

public struct UnsubscribeLinkError: Error, CustomStringConvertible, Equatable {
    public let setting: String
    public var description: String {
        "mail.unsubscribe-url is \"\(MailError.printable(setting))\": expected the address kontakt serve answers at, "
            + "https://HOST/unsubscribe (http:// only to 127.0.0.1 or localhost), without spaces or a #fragment"
    }
}
