// `kontakt mail`: one e-mail to one person, sent now and logged in their history.

import Workspace
import ArgumentParser
import Campaigns
import CRM
import Foundation
import Mail
import GRDB
import Store

struct MailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "Send one e-mail to a person now and log it as a contact, like a campaign message.",
        discussion: """
            The message comes from a template (merged for the person) or from --subject and --body-file (plain text). The \
            sender is the template's from, else the setting mail.from, else the referent. Mass-mail consent does not apply to a \
            personal message. The contact is logged only once the server has accepted the message; `kontakt contact show ID \
            --eml` prints it later.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "The person's id.") var person: Int64
    @Option(help: "A template: a file (YAML front matter, Markdown body), or the name of a shipped one.") var template: String?
    @OptionGroup var templates: TemplateFolderOption
    @Option(help: "The subject, with --body-file.") var subject: String?
    @Option(name: .customLong("body-file"), help: "A plain-text file with the body, with --subject.") var bodyFile: String?
    @Option(name: .customLong("attach"), help: "A file to attach (repeatable).") var attachments: [String] = []
    @Option(help: "The referent who sends it and is logged (default: the only referent, if there is one).") var referent: String?
    @OptionGroup var smtp: SMTPOptions

    func validate() throws {
        if (template == nil) == (subject == nil && bodyFile == nil) {
            throw ValidationError("give either --template FILE or --subject S with --body-file F")
        }
        if template == nil && (subject == nil || bodyFile == nil) { throw ValidationError("--subject and --body-file go together") }
    }

    func run() throws {
        let database = try global.open()
        let content: OneOffMail.Content
        if let template {
            content = .template(path: try templates.resolve(template, database: database))
        } else {
            guard let data = FileManager.default.contents(atPath: bodyFile!) else { throw ExitMessage("cannot read the body file \(bodyFile!)") }
            content = .text(subject: subject!, body: String(decoding: data, as: UTF8.self))
        }
        let (settings, sender, message, recipient) = try database.read { db in
            let sender = try ReferentChoice.resolve(referent, purpose: "sends it", db: db)
            let (message, recipient) = try OneOffMail.compose(personId: person, content: content, attachments: attachments, referent: sender,
                                                             defaultFrom: try Settings.get("mail.from", db: db), today: LocalClock.now().date, db: db)
            return (try smtp.settings(db: db), sender, message, recipient)
        }
        let sent = try OneOffMail.send(message, person: recipient, referent: sender, date: LocalClock.now(), database: database,
                                       transport: try SMTPConnection(settings: settings))
        print("Sent to \(recipient.email!.value) (\(sent.reply)); logged as contact \(sent.contactId).")
    }
}
