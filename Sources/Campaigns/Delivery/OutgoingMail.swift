// What every message gets on its way out, after the Date is set to the moment of sending: the
// DKIM signature (settings dkim.domain, dkim.selector, dkim.key-file) and, for a campaign's
// recipient, the VERP envelope sender that brings its bounce back to its journal row.

import Foundation
import GRDB
import Mail
import Store

public struct OutgoingMail: Sendable {
    public var signer: DKIMSigner?
    public var returnPath: ReturnPath?

    public init(signer: DKIMSigner? = nil, returnPath: ReturnPath? = nil) {
        self.signer = signer
        self.returnPath = returnPath
    }

    public static let domainKey = "dkim.domain"
    public static let selectorKey = "dkim.selector"
    public static let keyFileKey = "dkim.key-file"

    /// The signer the settings describe, nil when none of them is set. Some but not all of them,
    /// or a key that cannot be read, is an error: a campaign must not go out unsigned because
    /// a file moved.
    public static func configuredSigner(db: Database) throws -> DKIMSigner? {
        let domain = try Settings.get(domainKey, db: db), selector = try Settings.get(selectorKey, db: db)
        let file = try Settings.get(keyFileKey, db: db)
        if domain == nil && selector == nil && file == nil { return nil }
        guard let domain, let selector, let file else {
            let missing = [(domainKey, domain), (selectorKey, selector), (keyFileKey, file)].filter { $0.1 == nil }.map(\.0)
            throw MailError.dkim("signing needs \(domainKey), \(selectorKey) and \(keyFileKey); \(missing.joined(separator: " and ")) not set (kontakt config set)")
        }
        return try DKIMSigner(domain: domain, selector: selector, key: DKIMKey(file: file))
    }

    /// Signing and VERP as the database's settings say, for a campaign's send.
    public static func configured(db: Database) throws -> OutgoingMail {
        OutgoingMail(signer: try configuredSigner(db: db), returnPath: try ReturnPath.configured(db: db))
    }

    /// The bytes signed (when signing is on) and the envelope sender: the VERP address for a
    /// campaign's recipient, the message's own sender otherwise.
    func prepare(_ bytes: [UInt8], envelopeFrom: String, campaignId: Int64?, personId: Int64?) throws -> (envelopeFrom: String, bytes: [UInt8]) {
        var sender = envelopeFrom
        if let returnPath, let campaignId, let personId { sender = returnPath.address(campaignId: campaignId, personId: personId, from: envelopeFrom) }
        return (sender, try signer?.sign(bytes) ?? bytes)
    }
}
