// What is checked just before a rendered message goes out: the CRM as it is now, not as it was
// when the campaign was rendered. A person removed, one who withdrew consent, or one whose
// address changed is skipped with the reason; the message is never sent to an old address. So
// is an address put on the suppression list since (a bounce read back, a refusal, a complaint).

import GRDB
import Store

enum SendTimeCheck {
    /// Why the recipient must not get the rendered message now; nil when they may.
    static func reason(_ recipient: DueRecipient, db: Database) throws -> String? {
        guard let now = try DeliveryJournal.current(personId: recipient.personId, db: db) else {
            return "person \(recipient.personId) was removed after the campaign was rendered"
        }
        guard now.emailConsent else { return "withdrew e-mail consent after the campaign was rendered" }
        guard let rendered = recipient.email else { return nil }
        if let suppressed = try Suppressions.entry(address: rendered, db: db) { return suppressed.skipReason }
        guard let address = now.email else { return "the e-mail address \(rendered) was removed after the campaign was rendered" }
        if address.lowercased() != rendered.lowercased() {
            // The message names the old address in To: and was merged for it; it is not sent
            // anywhere. A campaign created afterwards reaches the new address.
            return "the e-mail address changed from \(rendered) to \(address) after the campaign was rendered; "
                + "not sent to either (a new campaign or `kontakt mail` reaches the new address)"
        }
        return nil
    }
}
