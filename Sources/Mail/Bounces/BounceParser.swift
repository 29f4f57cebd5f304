// Reads a message from the bounce mailbox: RFC 3464 and RFC 6533 delivery status notifications
// block by block, ARF complaints (RFC 5965), Exim's X-Failed-Recipients, RFC 3834 auto-replies,
// and the non-standard bounces of older servers (qmail, Exchange, Yahoo, …) from their words.

import Foundation

public enum BounceParser {
    public static func parse(_ bytes: [UInt8]) -> BounceReport {
        let message = MailEntity(bytes)
        var report = BounceReport(kind: .other)
        report.deliveredTo = ["to", "delivered-to", "x-original-to", "envelope-to", "x-envelope-to"].flatMap { name in
            message.headers(name).flatMap(AddressScanner.addresses)
        }
        let entities = message.all
        let original = entities.dropFirst().first { $0.mediaType == "message/rfc822" || $0.mediaType == "message/global" }?.children.first
        let originalHeaders = entities.first { $0.mediaType == "text/rfc822-headers" || $0.mediaType == "text/global-headers" }
            .map { MailEntity($0.body) }
        if let source = original ?? originalHeaders {
            report.originalMessageID = source.header("message-id").map(Self.messageID)
            report.originalRecipients = source.headers("to").flatMap(AddressScanner.addresses)
        }

        // A complaint (ARF): its own report type, or a feedback-report part.
        if let feedback = entities.first(where: { $0.mediaType == "message/feedback-report" }) {
            report.kind = .complaint
            let fields = DeliveryStatusFields.blocks(feedback.text).first ?? [:]
            report.feedbackType = fields["feedback-type"]?.lowercased()
            report.complainant = fields["original-rcpt-to"].flatMap { AddressScanner.addresses($0).first } ?? report.originalRecipients.first
            return report
        }

        // A DSN: every per-recipient block.
        let statusParts = entities.filter { $0.mediaType == "message/delivery-status" || $0.mediaType == "message/global-delivery-status" }
        if !statusParts.isEmpty {
            for part in statusParts {
                for block in DeliveryStatusFields.blocks(part.text).dropFirst() {
                    guard let recipient = DeliveryStatusFields.recipient(block) else { continue }
                    report.recipients.append(recipient)
                }
                // A report whose only block is a recipient's (no per-message block first).
                if report.recipients.isEmpty, let only = DeliveryStatusFields.blocks(part.text).first, let recipient = DeliveryStatusFields.recipient(only) {
                    report.recipients.append(recipient)
                }
            }
            if !report.recipients.isEmpty {
                report.kind = .bounce
                report.isStandard = true
                return report
            }
        }

        // Exim names the failed addresses in a header of its own.
        let failedHeader = message.headers("x-failed-recipients").flatMap(AddressScanner.addresses)
        let words = HumanReadablePart.text(of: message)
        if !failedHeader.isEmpty {
            report.kind = .bounce
            report.recipients = unique(failedHeader).map { address in
                let line = HumanReadablePart.diagnostic(for: address, in: words)
                return BouncedRecipient(address: address, kind: BounceClassifier.kind(status: line.flatMap { StatusCode.first(in: $0) }, diagnostic: line ?? words),
                                        status: line.flatMap { StatusCode.first(in: $0) }, diagnostic: line)
            }
            return report
        }

        // A disposition notification (RFC 8098) that says the message was deleted unread.
        if let disposition = entities.first(where: { $0.mediaType == "message/disposition-notification" }) {
            let fields = DeliveryStatusFields.blocks(disposition.text).first ?? [:]
            let what = fields["disposition"]?.lowercased() ?? ""
            if ["deleted", "failed", "error", "rejected", "denied"].contains(where: what.contains),
               let address = (fields["final-recipient"] ?? fields["original-recipient"]).flatMap(DeliveryStatusFields.addressOfTyped) {
                report.kind = .bounce
                report.recipients = [BouncedRecipient(address: address, kind: BounceClassifier.kind(status: nil, action: "failed", diagnostic: words),
                                                      status: nil, diagnostic: fields["disposition"])]
                return report
            }
        }

        // An older server's bounce: it comes from the mail system and says so in words. (Many
        // carry Auto-Submitted as auto-replies do, so they are read first.)
        if NonStandardBounce.looksLikeBounce(message, words: words) {
            let recipients = NonStandardBounce.recipients(in: words, excluding: NonStandardBounce.ownAddresses(message))
            if !recipients.isEmpty {
                report.kind = .bounce
                report.recipients = recipients
                return report
            }
        }
        if AutoReply.isAutoReply(message) { report.kind = .autoReply }
        return report
    }

    static func messageID(_ value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard let open = trimmed.firstIndex(of: "<"), let close = trimmed[open...].firstIndex(of: ">") else { return trimmed }
        return String(trimmed[trimmed.index(after: open)..<close])
    }

    static func unique(_ addresses: [String]) -> [String] {
        var seen = Set<String>()
        return addresses.filter { seen.insert($0).inserted }
    }
}

/// The `Field: value` blocks of a delivery-status or feedback-report body (RFC 3464 §2.1):
/// separated by empty lines, continuation lines folded in, names lower-cased.
enum DeliveryStatusFields {
    static func blocks(_ text: String) -> [[String: String]] {
        var blocks: [[String: String]] = []
        var current: [String: String] = [:]
        var last: String?
        for raw in text.components(separatedBy: "\n") {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { blocks.append(current) }
                current = [:]
                last = nil
                continue
            }
            if line.first == " " || line.first == "\t", let name = last {
                current[name, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                // The first of a repeated field counts (a later one is usually a relay's note).
                if current[name] == nil { current[name] = value }
                last = name
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// A per-recipient block as a bounced recipient; nil when it names nobody or says the
    /// message was delivered (`Action: delivered`, `relayed`, `expanded`).
    static func recipient(_ block: [String: String]) -> BouncedRecipient? {
        // The original recipient is the address the message was sent to; the final one may be
        // where a forward or an alias led (or an X.400 name).
        let candidates = [block["original-recipient"], block["final-recipient"], block["x-actual-recipient"]].compactMap { $0 }
        guard let address = candidates.lazy.compactMap(addressOfTyped).first else { return nil }
        let action = block["action"]?.lowercased()
        if let action, ["delivered", "relayed", "expanded"].contains(where: action.hasPrefix) { return nil }
        let diagnostic = block["diagnostic-code"].map(Self.withoutType)
        let status = block["status"].flatMap { StatusCode.first(in: $0) } ?? diagnostic.flatMap { StatusCode.first(in: $0) }
        let kind = BounceClassifier.kind(status: status, action: action, diagnostic: diagnostic)
        return BouncedRecipient(address: address, kind: kind, status: status, diagnostic: diagnostic)
    }

    /// `rfc822; x@y` or `utf-8; x@y` (RFC 6533) as the address; a bare address too.
    static func addressOfTyped(_ value: String) -> String? {
        let text = withoutType(value)
        return AddressScanner.addresses(text).first ?? (text.contains("@") ? text.lowercased() : nil)
    }

    static func withoutType(_ value: String) -> String {
        guard let semicolon = value.firstIndex(of: ";") else { return value.trimmingCharacters(in: .whitespaces) }
        let type = value[..<semicolon].trimmingCharacters(in: .whitespaces).lowercased()
        guard ["rfc822", "utf-8", "smtp", "x-unix", "x-postfix", "x-local-hostname", "dns", "x-exchange"].contains(type) || !type.contains(" ") else {
            return value.trimmingCharacters(in: .whitespaces)
        }
        return value[value.index(after: semicolon)...].trimmingCharacters(in: .whitespaces)
    }
}
