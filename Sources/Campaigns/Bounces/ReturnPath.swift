// VERP (variable envelope return path): each campaign message's envelope sender names its own
// journal row, `bounces+12.345.<20 hex>@firma.cz`, signed with a key kept in the database. A
// bounce goes to that address, so it finds its recipient even when the relay that wrote it
// threw the original message away. Hex, not base64: some relays lower-case local parts.

import Foundation
import GRDB
import Mail
import Store

public struct ReturnPath: Sendable, Equatable {
    /// The local part before `+` (`bounces` unless mail.bounce-address says otherwise).
    public let localPart: String
    /// The domain, or nil for the From address's own.
    public let domain: String?
    let key: [UInt8]

    public static let settingKey = "mail.bounce-address"
    public static let keyName = "bounce-hmac"

    init(localPart: String, domain: String?, key: [UInt8]) {
        self.localPart = localPart
        self.domain = domain
        self.key = key
    }

    /// From the setting mail.bounce-address — `local@domain`, `local`, or `@domain` — or
    /// `bounces` at the From address's domain when it is not set. Its key is made on first use.
    public static func configured(db: Database) throws -> ReturnPath {
        let (local, domain) = try parse(Settings.get(settingKey, db: db))
        return ReturnPath(localPart: local, domain: domain, key: try Secrets.key(named: keyName, db: db))
    }

    /// The setting's parts, or the error `config set` shows.
    public static func parse(_ setting: String?) throws -> (local: String, domain: String?) {
        guard let setting = setting?.trimmingCharacters(in: .whitespaces), !setting.isEmpty else { return ("bounces", nil) }
        let parts = setting.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let local = parts[0].isEmpty ? "bounces" : parts[0]
        let domain = parts.count == 2 ? parts[1].lowercased() : nil
        let localAllowed = local.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        guard localAllowed, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            throw CampaignError.renderFailed("\(settingKey) \"\(MailError.printable(setting))\": the local part may hold letters, digits, - _ and . only (expected bounces@example.cz, bounces or @example.cz)")
        }
        if let domain, (try? MailAddress("x@" + domain)) == nil || !domain.contains(".") {
            throw CampaignError.renderFailed("\(settingKey) \"\(MailError.printable(setting))\": \"\(MailError.printable(domain))\" is not a domain")
        }
        return (local, domain)
    }

    /// The envelope sender for one recipient of one campaign; `from` gives the domain when the
    /// setting names none.
    public func address(campaignId: Int64, personId: Int64, from: String) -> String {
        let domain = self.domain ?? from.split(separator: "@").last.map(String.init) ?? "localhost"
        return "\(localPart)+\(campaignId).\(personId).\(Self.hex(Self.mac(campaignId: campaignId, personId: personId, key: key)))@\(domain)"
    }

    /// The campaign and person a bounce address names, when its signature is right: any
    /// address whose local part is `<local>+<c>.<p>.<mac>`, compared without regard to case.
    public func recipient(of address: String) -> (campaignId: Int64, personId: Int64)? {
        let lower = address.lowercased()
        guard let at = lower.lastIndex(of: "@") else { return nil }
        let local = lower[..<at]
        guard let plus = local.firstIndex(of: "+"), local[..<plus] == localPart.lowercased() else { return nil }
        let parts = local[local.index(after: plus)...].split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let campaign = Int64(parts[0]), let person = Int64(parts[1]), campaign > 0, person > 0 else { return nil }
        let expected = Array(Self.hex(Self.mac(campaignId: campaign, personId: person, key: key)).utf8)
        return TokenMAC.equal(Array(parts[2].utf8), expected) ? (campaign, person) : nil
    }

    /// The first 10 bytes of HMAC-SHA-256 over the versioned campaign and person: 80 bits, which
    /// nobody guesses to forge a bounce for somebody else.
    static func mac(campaignId: Int64, personId: Int64, key: [UInt8]) -> [UInt8] {
        TokenMAC.mac("kontakt-bounce:v1:\(campaignId):\(personId)", key: key, length: 10)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
    }
}
