// Every message that went out becomes a contact in the person's history.

import CRM

enum ContactLog {
    /// A contact's text: the subject, cut on a word boundary to fit the 250 characters a
    /// contact's text holds.
    static func text(subject: String) -> String {
        let limit = ShortText.limit
        let flat = subject.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingSpaces
        guard flat.count > limit else { return flat }
        let cut = flat.prefix(limit - 1)
        let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return String(word).trimmingSpaces + "…"
    }

    /// The contact logging one message (or printed letter) sent to a person of a firm, or to
    /// the firm alone when the person was removed while it was under way.
    static func contact(personId: Int64?, firmId: Int64, kind: String = "email", referent: String, subject: String, campaign: String?,
                        reply: String, date: ContactDate) -> Contact {
        let source = campaign.map { "campaign \($0)" } ?? "e-mail"
        // A rendering from before subjects were journalled has none: the campaign names it.
        let line = text(subject: subject)
        return Contact(firmId: firmId, personId: personId, date: date, kind: kind, referent: referent,
                       text: line.isEmpty ? source : line, note: "\(source) · \(reply)")
    }
}
