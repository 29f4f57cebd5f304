// Where merge meets MIME: one recipient's merged template becomes an e-mail message, or a
// reason why this recipient gets none.

import CRM
import Foundation
import Mail
import Merge
import Synchronization

/// Why a recipient gets no message: recorded in the campaign's journal, never a blank.
public enum SkipReason: Equatable, Sendable, CustomStringConvertible {
    case noEmail
    case noConsent
    case missingFields([String])

    public var description: String {
        switch self {
        case .noEmail: return "the person has no e-mail address"
        case .noConsent: return "the person does not consent to mass e-mail"
        case .missingFields(let fields): return "required field(s) empty: \(fields.joined(separator: ", "))"
        }
    }
}

public enum Composition {
    case message(MailMessage)
    case skipped(SkipReason)
}

public enum MessageComposer {
    /// The message for one person. Attachments are read relative to `folder` (the template's).
    ///
    /// - Throws: `MergeError` naming the template when what it renders is not usable: a `from`
    ///   that is not an address, an attachment that does not exist.
    public static func compose(_ merged: MergedMessage, person: Person, referent: Referent?, template: Template,
                               requireConsent: Bool = true) throws -> Composition {
        guard let email = person.email else { return .skipped(.noEmail) }
        if requireConsent && !person.emailConsent { return .skipped(.noConsent) }
        if !merged.missing.isEmpty { return .skipped(.missingFields(merged.missing)) }
        func address(_ text: String, _ field: String, memo: Bool = true) throws -> MailAddress {
            if memo, let known = senderAddresses.withLock({ $0[text] }) { return known }
            do {
                let parsed = try MailAddress(parsing: text)
                if memo { senderAddresses.withLock { if $0.count > 256 { $0.removeAll() }; $0[text] = parsed } }
                return parsed
            } catch let error as MailError {
                throw MergeError(file: template.path, "the template's \(field) renders as \"\(text)\" for this recipient, which is not an address: \(error)")
            }
        }
        let from: MailAddress
        if let text = merged.from, !text.trimmingSpaces.isEmpty {
            from = try address(text, "from")
        } else if let referent, let referentEmail = referent.email {
            from = try MailAddress(referentEmail.value, name: referent.name)
        } else {
            throw MergeError(file: template.path, "the template has no from and the referent no e-mail address: add from: to the front matter or give the referent an e-mail")
        }
        let to = try address(email.value, "recipient", memo: false)
        var message = MailMessage(from: from, to: [try MailAddress(to.address, name: person.name.withTitles)], subject: merged.subject,
                                  text: merged.text, html: merged.html)
        if let replyTo = merged.replyTo, !replyTo.trimmingSpaces.isEmpty { message.replyTo = [try address(replyTo, "reply-to")] }
        message.cc = try merged.cc.filter { !$0.trimmingSpaces.isEmpty }.map { try address($0, "cc") }
        message.bcc = try merged.bcc.filter { !$0.trimmingSpaces.isEmpty }.map { try address($0, "bcc") }
        message.listUnsubscribe = merged.listUnsubscribe.filter { !$0.trimmingSpaces.isEmpty }
        message.attachments = try merged.attachments.filter { !$0.trimmingSpaces.isEmpty }.map { path in
            let file = try AttachmentPath.resolve(path, templatePath: template.path)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw MergeError(file: template.path, "the attachment \(file) does not exist or cannot be read")
            }
            return Attachment(filename: URL(fileURLWithPath: file).lastPathComponent, data: Array(data))
        }
        return .message(message)
    }
}

/// The `from`, `reply-to`, `cc` and `bcc` a template renders are mostly the same text for every
/// recipient of a campaign: each is parsed once. Bounded, so a template that merges them per
/// recipient does not grow it.
private let senderAddresses = Mutex<[String: MailAddress]>([:])
