// `kontakt mail`: one message to one person, from the person screen as the seed has it, sent
// through the same transport and logged as a contact exactly like a campaign message.

import CRM
import Foundation
import GRDB
import Mail
import Merge
import Store

public enum OneOffMail {
    /// Where the message's words come from.
    public enum Content: Sendable {
        case template(path: String)
        /// A subject and a plain-text body.
        case text(subject: String, body: String)
    }

    /// What was sent and the contact that logs it.
    public struct Sent: Sendable {
        public let contactId: Int64
        public let reply: String
        public let messageId: String
    }

    /// Composes the message for the person: the template merged for them, or the subject and
    /// body given; `attachments` are added to the template's own. The sender is the template's
    /// `from`, else `defaultFrom` (the setting mail.from), else the referent.
    public static func compose(personId: Int64, content: Content, attachments: [String], referent: Referent, defaultFrom: String?,
                               today: CivilDate, db: Database) throws -> (message: MailMessage, person: Person) {
        let schema = try AttributeDefinitions.schema(db: db)
        let person = try Persons.fetch(id: personId, schema: schema, db: db).person
        guard let email = person.email else { throw SendError.usage("person \(personId) has no e-mail address") }
        var message: MailMessage
        switch content {
        case .template(let path):
            let template = try Template.load(path: path, schema: MergeSchema(attributes: schema.definitions))
            let firm = try Firms.fetch(id: person.firmId, schema: schema, db: db)
            let codeLabels = CodeLabels(definitions: schema.definitions, book: try CodeLists.codeBook(db: db))
            let merged = template.render(MergeContext(person: person, firm: firm, referent: referent, campaign: "", today: today, codeLabels: codeLabels))
            switch try MessageComposer.compose(merged, person: person, referent: referent, template: template, requireConsent: false) {
            case .message(let composed): message = composed
            case .skipped(let reason): throw SendError.usage("person \(personId) would get no message: \(reason)")
            }
            if merged.from?.trimmingSpaces.isEmpty ?? true, let defaultFrom { message.from = try MailAddress(parsing: defaultFrom) }
        case .text(let subject, let body):
            let from: MailAddress
            if let defaultFrom {
                from = try MailAddress(parsing: defaultFrom)
            } else if let referentEmail = referent.email {
                from = try MailAddress(referentEmail.value, name: referent.name)
            } else {
                throw SendError.usage("referent \(referent.code) has no e-mail address: give one, or set mail.from")
            }
            message = MailMessage(from: from, to: [try MailAddress(email.value, name: person.name.withTitles)], subject: subject, text: body)
        }
        for path in attachments {
            guard let data = FileManager.default.contents(atPath: path) else { throw SendError.unreadable(path: path, reason: "no such file") }
            message.attachments.append(Attachment(filename: URL(fileURLWithPath: path).lastPathComponent, data: Array(data)))
        }
        message.date = MailDate.now()
        return (message, person)
    }

    /// Sends the message and, once the server accepted it, logs the contact with the exact
    /// bytes in one transaction. A deferral or rejection is an error that logs nothing.
    /// The message is signed when the settings dkim.* say so.
    public static func send(_ message: MailMessage, person: Person, referent: Referent, date: ContactDate, database: KontaktDatabase,
                            transport: MessageTransport) throws -> Sent {
        let signer = try database.read { db in try OutgoingMail.configuredSigner(db: db) }
        let rendered = try MessageWriter.render(message).signed(by: signer)
        switch try transport.send(from: rendered.envelopeFrom, to: rendered.envelopeTo, message: rendered.bytes) {
        case .accepted(let reply):
            let contactId = try database.write { db -> Int64 in
                let contact = ContactLog.contact(personId: person.id!, firmId: person.firmId, referent: referent.code, subject: message.subject,
                                                 campaign: nil, reply: reply, date: date)
                let id = try Contacts.record(contact, db: db).contactId
                try DeliveryJournal.storeMessage(contactId: id, campaignId: nil, messageId: rendered.messageID, bytes: rendered.bytes, db: db)
                return id
            }
            return Sent(contactId: contactId, reply: reply, messageId: rendered.messageID)
        case .deferred(_, let reply, _):
            throw SendError.usage("the server deferred the message (\(reply)); nothing was logged, try again later")
        case .rejected(_, let reply):
            throw SendError.usage("the server refused the message (\(reply)); nothing was logged")
        }
    }
}
