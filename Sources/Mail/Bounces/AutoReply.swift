// RFC 3834 auto-replies (out of office, vacation, "we got your message"): never a bounce, and
// never a reason to touch the address. Known by their headers, else by their subject.

enum AutoReply {
    static let subjectPrefixes = ["auto:", "automatic reply", "autoreply", "auto-reply", "auto reply", "out of office", "out of the office",
                                  "automatická odpověď", "nepřítomnost", "mimo kancelář", "abwesenheit", "automatische antwort", "réponse automatique",
                                  "absence", "vacation", "on vacation", "away from"]

    static func isAutoReply(_ message: MailEntity) -> Bool {
        if let submitted = message.header("auto-submitted")?.lowercased(), submitted.hasPrefix("auto-replied") { return true }
        if message.header("x-autoreply") != nil || message.header("x-autorespond") != nil || message.header("x-auto-response-suppress") != nil && isAutoSubject(message) {
            return true
        }
        if let precedence = message.header("precedence")?.lowercased(), precedence.contains("auto_reply") || precedence.contains("auto-reply") { return true }
        return isAutoSubject(message)
    }

    static func isAutoSubject(_ message: MailEntity) -> Bool {
        let subject = (message.header("subject") ?? "").lowercased().trimmingCharacters(in: .whitespaces)
        return subjectPrefixes.contains { subject.hasPrefix($0) }
    }
}
