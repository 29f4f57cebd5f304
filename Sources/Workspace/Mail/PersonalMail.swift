// One e-mail from a template to one person, from their page: previewed as it will go, sent
// through the configured SMTP server by the signed-in user's referent, and logged as a contact
// with the exact bytes once the server has accepted it (`kontakt mail` does the same).

import CRM
import Campaigns
import Mail
import Store

/// The message as it would go: who from, to whom, the subject and both parts.
public struct MailPreview: Sendable {
    public let from: String
    public let to: String
    public let subject: String
    public let text: String
    public let html: String?
}

/// The SMTP password or OAuth 2 token a front end was given (never a setting).
public enum SMTPCredential: Sendable {
    case password(String)
    case oauth2Token(String)

    var secret: SMTPSecret {
        switch self {
        case .password(let password): return .password(password)
        case .oauth2Token(let token): return .oauth2Token(token)
        }
    }
}

public struct SentMail: Sendable, Equatable {
    public let contactId: Int64
    public let reply: String
}

extension Workspace {
    public var personalMail: PersonalMail { PersonalMail(workspace: self) }

    public struct PersonalMail: Sendable {
        let workspace: Workspace

        public func preview(personId: Int64, template path: String, by principal: Principal) throws -> MailPreview {
            let message = try compose(personId: personId, template: path, by: principal).message
            return MailPreview(from: Self.shown(message.from), to: message.to.map(Self.shown).joined(separator: ", "), subject: message.subject,
                               text: message.text, html: message.html)
        }

        /// Sends the message. `credential` is the SMTP password or token the server was given;
        /// the server's address and TLS mode are the settings smtp.url, smtp.starttls, smtp.cacert.
        public func send(personId: Int64, template path: String, credential: SMTPCredential?, by principal: Principal) throws -> SentMail {
            let (message, person, referent) = try compose(personId: personId, template: path, by: principal)
            let settings = try workspace.smtpSettings(secret: credential?.secret)
            let sent = try OneOffMail.send(message, person: person, referent: referent, date: workspace.clock(), database: workspace.database,
                                           transport: try SMTPConnection(settings: settings))
            try workspace.database.write { db in
                try AuditLog.append([AuditTrail.entry("mail", entity: "contact", id: sent.contactId, actor: principal.auditName)], db: db)
            }
            return SentMail(contactId: sent.contactId, reply: sent.reply)
        }

        private func compose(personId: Int64, template path: String, by principal: Principal) throws -> (message: MailMessage, person: Person, referent: Referent) {
            guard let code = principal.referent else { throw WorkspaceError.invalid(field: "referent", "name the referent who sends it") }
            try Policy.check(.logContact(referent: code), principal)
            let today = workspace.clock().date
            return try workspace.database.read { db in
                let referent = try Referents.existing(code: code, db: db)
                let (message, person) = try OneOffMail.compose(personId: personId, content: .template(path: path), attachments: [], referent: referent,
                                                               defaultFrom: try Settings.get("mail.from", db: db), today: today, db: db)
                return (message, person, referent)
            }
        }

        /// "Jan Novák <jan@firma.cz>", as a person reads it.
        static func shown(_ address: MailAddress) -> String {
            address.displayName.map { "\($0) <\(address.address)>" } ?? address.address
        }
    }
}
