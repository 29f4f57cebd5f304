// One-click unsubscribe (RFC 8058) and its confirmation page, closed in the CRM: the signed
// token of a campaign message names its campaign and person; confirming it withdraws the
// person's e-mail consent, logs a contact in their history and audits the change, all in one
// transaction. Nobody logs in, so the token is the only authority: a forged or altered one is
// refused, and nothing said in return tells anything about a person.

import CRM
import Campaigns
import GRDB
import Store

/// What a link's token is worth, before anything changes (the confirmation page's GET: link
/// checkers and mail scanners open links, so looking must never unsubscribe).
public enum UnsubscribeLinkState: Sendable, Equatable {
    case valid
    case invalid
}

public enum UnsubscribeOutcome: Sendable, Equatable {
    /// Consent was withdrawn now and the contact logged.
    case unsubscribed
    /// Nothing was left to do: consent was withdrawn before, or the person is gone.
    case alreadyUnsubscribed
    /// A `merge preview`'s token (campaign 0): shaped like a real one, it stands for nobody.
    case preview
    case invalid
}

extension Workspace {
    public var unsubscribe: Unsubscribing { Unsubscribing(workspace: self) }

    public struct Unsubscribing: Sendable {
        let workspace: Workspace

        /// How the audit log names an unsubscribe: no user did it, the recipient's link did.
        static let actor = "unsubscribe-link"

        public func check(token: String) throws -> UnsubscribeLinkState {
            try workspace.database.read { db in try verified(token, db: db) == nil ? .invalid : .valid }
        }

        /// - Parameter oneClick: true for the mail provider's POST straight from the message,
        ///   false for the button of the confirmation page (the contact says which).
        public func confirm(token: String, oneClick: Bool) throws -> UnsubscribeOutcome {
            let date = workspace.clock()
            return try workspace.database.write { db in
                guard let token = try verified(token, db: db) else { return .invalid }
                guard token.campaignId > 0 else { return .preview }
                guard let firmId = try Persons.revokeEmailConsent(id: token.personId, db: db) else { return .alreadyUnsubscribed }
                // A campaign removed since (it had sent nothing, so this link came from a test
                // message) still names who asked; the first referent signs its contact then.
                let campaign = try? CampaignRecords.fetch(id: token.campaignId, db: db)
                let referent = try campaign?.referent ?? Referents.all(db: db).first?.code ?? ""
                let name = campaign?.name ?? "#\(token.campaignId)"
                let how = oneClick ? "one-click link in the message (RFC 8058)" : "the link in the message, confirmed on its page"
                let contact = Contact(firmId: firmId, personId: token.personId, date: date, kind: "email", referent: referent,
                                      text: "Unsubscribed from e-mails (campaign \(name))",
                                      note: "campaign \(name) · \(how) · e-mail consent withdrawn")
                _ = try Contacts.record(contact, checkingReferences: false, db: db)
                try AuditLog.append([AuditEntry(at: Timestamp.now(), actor: Self.actor, action: "edit", entity: "person", entityId: token.personId,
                                                field: "emailConsent", oldValue: "yes", newValue: "no")], db: db)
                return .unsubscribed
            }
        }

        private func verified(_ token: String, db: Database) throws -> UnsubscribeToken? {
            // No key yet means no campaign was ever rendered: no token can be genuine.
            guard token.utf8.count <= 128, let key = try Secrets.existingKey(named: UnsubscribeToken.keyName, db: db) else { return nil }
            return UnsubscribeToken.verified(token, key: key)
        }
    }
}
