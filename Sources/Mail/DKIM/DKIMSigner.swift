// Signs outgoing messages with DKIM (RFC 6376, relaxed/relaxed): the DKIM-Signature field goes
// first, over the header fields a recipient judges the message by — From, To, Subject, Date,
// Message-ID, the MIME fields and the one-click unsubscribe pair that RFC 8058 §4 requires
// signed — and over the whole body.

import Crypto
import Foundation

public struct DKIMSigner: Sendable {
    public let domain: String
    public let selector: String
    let key: DKIMKey

    /// Signed whenever present, from the bottom instance up.
    static let signedFields = ["from", "to", "cc", "reply-to", "subject", "date", "message-id", "mime-version", "content-type",
                               "content-transfer-encoding", "list-unsubscribe", "list-unsubscribe-post", "list-id", "in-reply-to", "references"]
    /// Named once more than they occur ("oversigned"): a relay or an attacker adding a second
    /// From, Subject or unsubscribe link breaks the signature instead of slipping in unsigned.
    static let oversignedFields: Set<String> = ["from", "subject", "to", "list-unsubscribe", "list-unsubscribe-post"]

    public init(domain: String, selector: String, key: DKIMKey) throws {
        let domain = domain.lowercased()
        guard Self.isDomain(domain) else { throw MailError.dkim("dkim.domain \"\(MailError.printable(domain))\" is not a domain name") }
        guard Self.isLabel(selector.lowercased()) || selector.split(separator: ".").allSatisfy({ Self.isLabel($0.lowercased()) }) else {
            throw MailError.dkim("dkim.selector \"\(MailError.printable(selector))\" is not a DNS label (letters, digits, hyphens)")
        }
        self.domain = domain
        self.selector = selector
        self.key = key
    }

    public var algorithm: DKIMKey.Algorithm { key.algorithm }

    /// The message with a DKIM-Signature field in front. A signature of this domain and selector
    /// that the message already carries (from its rendering, before the Date was refreshed for
    /// sending) is replaced, never stacked.
    public func sign(_ message: [UInt8], at time: Int = Int(Date().timeIntervalSince1970)) throws -> [UInt8] {
        let unsigned = withoutOwnSignature(message)
        let (fields, bodyStart) = RawHeaderFields.split(unsigned)
        let bodyHash = Data(SHA256.hash(data: DKIMCanonicalization.relaxedBody(unsigned[bodyStart...]))).base64EncodedString()

        // The fields to sign, each instance taken from the bottom up (§5.4.2).
        var remaining: [String: [RawHeaderField]] = [:]
        for field in fields { remaining[field.name.lowercased(), default: []].append(field) }
        var names: [String] = []
        var hashed: [UInt8] = []
        for name in Self.signedFields {
            let instances = remaining[name] ?? []
            guard !instances.isEmpty else { continue }
            for field in instances.reversed() {
                names.append(name)
                hashed += DKIMCanonicalization.relaxedHeader(field.bytes) + [0x0D, 0x0A]
            }
            // The extra name matches no field, so it adds nothing to the hash.
            if Self.oversignedFields.contains(name) { names.append(name) }
        }

        var header = FoldedTags()
        header.add("v=1;")
        header.add("a=\(key.algorithm.tag);")
        header.add("c=relaxed/relaxed;")
        header.add("d=\(domain);")
        header.add("s=\(selector);")
        header.add("t=\(time);")
        header.add("h=" + names.joined(separator: ":") + ";", breakingAt: ":")
        header.add("bh=\(bodyHash);", breakingAnywhere: true)
        header.add("b=")
        let unsignedField = header.text
        hashed += DKIMCanonicalization.relaxedHeader(ArraySlice(Array(unsignedField.utf8)))
        let signature = try key.sign(hashed).base64
        var signed = FoldedTags(continuing: unsignedField)
        signed.appendBreakingAnywhere(signature)
        return Array((signed.text + "\r\n").utf8) + unsigned
    }

    /// The message without the DKIM-Signature fields this signer would have written.
    func withoutOwnSignature(_ message: [UInt8]) -> [UInt8] {
        let (fields, _) = RawHeaderFields.split(message)
        var result = message
        for field in fields.reversed() where field.name.lowercased() == "dkim-signature" {
            let text = String(decoding: field.bytes, as: UTF8.self).lowercased().filter { !$0.isWhitespace }
            guard text.contains(";d=\(domain);") || text.contains(":d=\(domain);"), text.contains(";s=\(selector.lowercased());") else { continue }
            var end = field.bytes.endIndex
            if end < result.count && result[end] == 0x0D { end += 1 }
            if end < result.count && result[end] == 0x0A { end += 1 }
            result.removeSubrange(field.bytes.startIndex..<end)
        }
        return result
    }

    static func isLabel<S: StringProtocol>(_ label: S) -> Bool {
        !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
            && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    static func isDomain(_ domain: String) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && domain.count <= 253 && labels.allSatisfy { isLabel($0) }
    }
}

/// A DKIM-Signature field folded at 76 columns between tags (and inside long values, where
/// whitespace is ignored), so no line of it reaches the 998-octet limit or a relay refolds it.
struct FoldedTags {
    private(set) var text: String
    private var column: Int

    init() {
        text = "DKIM-Signature:"
        column = text.count
    }

    init(continuing text: String) {
        self.text = text
        column = text.count - (text.range(of: "\r\n", options: .backwards).map { text.distance(from: text.startIndex, to: $0.upperBound) } ?? 0)
    }

    mutating func add(_ tag: String, breakingAt separator: Character? = nil, breakingAnywhere: Bool = false) {
        if column + 1 + tag.count <= 76 {
            text += " " + tag
            column += 1 + tag.count
            return
        }
        if breakingAnywhere || separator != nil {
            text += "\r\n\t"
            column = 1
            var pieces: [String]
            if let separator {
                let parts = tag.split(separator: separator, omittingEmptySubsequences: false)
                pieces = parts.enumerated().map { $0.offset < parts.count - 1 ? $0.element + String(separator) : String($0.element) }
            } else {
                pieces = tag.map { String($0) }
            }
            for piece in pieces {
                if column + piece.count > 76 {
                    text += "\r\n\t"
                    column = 1
                }
                text += piece
                column += piece.count
            }
        } else {
            text += "\r\n\t" + tag
            column = 1 + tag.count
        }
    }

    /// The signature's base64, split across lines where it must be.
    mutating func appendBreakingAnywhere(_ value: String) {
        for character in value {
            if column >= 76 {
                text += "\r\n\t"
                column = 1
            }
            text.append(character)
            column += 1
        }
    }
}

extension Array where Element == UInt8 {
    var base64: String { Data(self).base64EncodedString() }
}

extension RenderedMessage {
    /// The same message with its DKIM signature, or as it is when there is no signer.
    public func signed(by signer: DKIMSigner?) throws -> RenderedMessage {
        guard let signer else { return self }
        return RenderedMessage(bytes: try signer.sign(bytes), messageID: messageID, envelopeFrom: envelopeFrom, envelopeTo: envelopeTo)
    }
}
