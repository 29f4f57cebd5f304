// Bounces that are no DSN: the words of qmail, Exchange, Yahoo, old sendmail and their kin.
// Such a message must come from the mail system (a daemon's address or a bounce's subject), and
// the recipients are the addresses its words name before the returned original, other than the
// sender's own and the mail system's.

import Foundation

enum NonStandardBounce {
    static let daemonSenders = ["mailer-daemon", "postmaster", "mail delivery", "mail administrator", "mailadmin", "mail-daemon", "mdaemon",
                                "mailer", "noreply-bounce", "bounce", "mail system", "system administrator", "nobody"]
    static let bounceSubjects = ["undeliver", "undelivered", "delivery failure", "delivery status", "failure notice", "mail delivery failed",
                                 "returned mail", "delivery problem", "could not be delivered", "non-deliver", "nondeliver", "not delivered",
                                 "delivery notification", "mail system error", "message not delivered", "rejected", "delivery failed",
                                 "unzustellbar", "nedoručitelné", "nedoručená", "error sending", "failed delivery", "bounce", "warning: could not send",
                                 "mail failure", "unable to deliver", "delayed mail", "delivery delayed", "delivery report", "message status", "permanent error"]
    /// Words of a warning that the message is still being tried (not of a temporary error that
    /// ended in a failure: "4.4.4 please try again later … after 30 attempts" gave up).
    static let temporaryWords = ["will be retried", "will retry", "will continue to try", "still trying", "not yet been delivered",
                                 "has been delayed", "delayed", "will keep trying", "will be attempted again", "warning:",
                                 "is being retried", "no action is required", "this is a warning", "delivery warning"]
    static let finalWords = ["permanent", "fatal", "gave up", "giving up", "attempt(s) to deliver", "has been returned", "not be delivered"]

    static func looksLikeBounce(_ message: MailEntity, words: String) -> Bool {
        let from = (message.header("from") ?? "").lowercased()
        let subject = (message.header("subject") ?? "").lowercased()
        let report = message.mediaType == "multipart/report" && (message.parameter("report-type")?.lowercased().contains("delivery-status") ?? false)
            || message.all.contains { $0.mediaType == "message/delivery-status" }
        return report || daemonSenders.contains(where: from.contains) || bounceSubjects.contains(where: subject.contains)
    }

    /// The addresses of the report's own header fields — its sender, the bounce address it was
    /// sent to, a mailing list's fields — which its words may repeat but which never failed.
    static func ownAddresses(_ message: MailEntity) -> Set<String> {
        let names: Set<String> = ["from", "to", "delivered-to", "sender", "reply-to", "return-path", "errors-to", "x-beenthere", "x-mailfrom",
                                  "list-post", "list-help", "list-subscribe", "list-unsubscribe", "list-id", "x-mirrored-by", "cc"]
        return Set(message.headers.filter { names.contains($0.name.lowercased()) }.flatMap { AddressScanner.addresses($0.value) })
    }

    static func recipients(in words: String, excluding: Set<String>) -> [BouncedRecipient] {
        let lower = words.lowercased()
        let delayed = temporaryWords.contains(where: lower.contains) && !finalWords.contains(where: lower.contains)
        var seen = Set<String>()
        var recipients: [BouncedRecipient] = []
        for address in AddressScanner.addresses(words) where !excluding.contains(address) && seen.insert(address).inserted {
            if namedOnlyAsSender(address, in: lower) { continue }
            let local = address.split(separator: "@").first.map(String.init) ?? ""
            if ["postmaster", "mailer-daemon", "abuse", "root", "hostmaster", "webmaster"].contains(local) { continue }
            let line = HumanReadablePart.diagnostic(for: address, in: words)
            let status = line.flatMap { StatusCode.first(in: $0) } ?? StatusCode.first(in: words)
            let kind = delayed ? .delayed : BounceClassifier.kind(status: status, action: "failed", diagnostic: line.map { $0 + " " + lower } ?? lower)
            recipients.append(BouncedRecipient(address: address, kind: kind == .delayed && !delayed ? .soft : kind, status: status, diagnostic: line))
        }
        return recipients
    }

    /// Whether every mention of the address names the sender ("not accepting mail from x@y") or
    /// repeats the original's headers.
    static func namedOnlyAsSender(_ address: String, in lower: String) -> Bool {
        var searchFrom = lower.startIndex
        var mentions = 0
        while let range = lower.range(of: address, range: searchFrom..<lower.endIndex) {
            mentions += 1
            let before = lower[lower.index(range.lowerBound, offsetBy: -min(16, lower.distance(from: lower.startIndex, to: range.lowerBound)))..<range.lowerBound]
            let trimmed = before.trimmingCharacters(in: CharacterSet(charactersIn: " <\"'\t:\n"))
            // A line that repeats the original's header ("  To: x@y", "Cc: …") names whom the
            // message was for, not who failed; "mail from x@y" names the sender.
            let lineStart = lower[..<range.lowerBound].lastIndex(of: "\n").map { lower.index(after: $0) } ?? lower.startIndex
            let line = lower[lineStart..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            let quotedHeader = ["to:", "cc:", "bcc:", "from:", "sender:", "reply-to:"].contains { line.hasPrefix($0) }
            if !(quotedHeader || ["mail from", "sender", "sent by", "messages from"].contains(where: trimmed.hasSuffix)) { return false }
            searchFrom = range.upperBound
        }
        return mentions > 0
    }
}
