// `{{unsubscribe.token}}`: a per-recipient token for one-click unsubscribe links. It names the
// campaign and the person and carries an HMAC-SHA-256 over both with a key kept in the database
// (table `secret`), so an endpoint can trust it without a login and nobody can make one for
// someone else: `12.345.<22 characters>`.

import CRM
import Store
import GRDB

public struct UnsubscribeToken: Sendable, Equatable {
    public let campaignId: Int64
    public let personId: Int64

    public init(campaignId: Int64, personId: Int64) {
        self.campaignId = campaignId
        self.personId = personId
    }

    /// The name of the key in the `secret` table.
    public static let keyName = "unsubscribe-hmac"

    /// The token's text, signed with `key`.
    public func signed(with key: [UInt8]) -> String {
        "\(campaignId).\(personId)." + Self.base64URL(Self.mac(campaignId: campaignId, personId: personId, key: key))
    }

    /// The campaign and person a token names, when its signature is right; nil otherwise.
    public static func verified(_ token: String, key: [UInt8]) -> UnsubscribeToken? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let campaign = Int64(parts[0]), let person = Int64(parts[1]), campaign >= 0, person > 0,
              String(campaign) == parts[0], String(person) == parts[1] else { return nil }
        let expected = Array(base64URL(mac(campaignId: campaign, personId: person, key: key)).utf8)
        return TokenMAC.equal(Array(parts[2].utf8), expected) ? UnsubscribeToken(campaignId: campaign, personId: person) : nil
    }

    /// The first 16 bytes of HMAC-SHA-256 over the versioned campaign and person.
    static func mac(campaignId: Int64, personId: Int64, key: [UInt8]) -> [UInt8] {
        TokenMAC.mac("kontakt-unsubscribe:v1:\(campaignId):\(personId)", key: key, length: 16)
    }

    /// Base64url without padding (RFC 4648 §5): safe in a URL's path or query as it is.
    static func base64URL(_ bytes: [UInt8]) -> String { Base64URL.encode(bytes) }
}
