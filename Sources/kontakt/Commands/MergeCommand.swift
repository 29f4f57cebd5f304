// `kontakt merge preview`: one person's message from a template, as it would be sent.

import Workspace
import ArgumentParser
import Campaigns
import CRM
import Foundation
import Mail
import Merge
import Store

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Try templates on one person before a campaign uses them.",
        subcommands: [Preview.self])

    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "preview",
            abstract: "Print the message a template makes for one person, as RFC 5322 (an .eml file).",
            discussion: "The template is checked first: an unknown merge field is reported at FILE:line:column with the nearest known one. Redirect to a file to open it in a mail client: kontakt merge preview Templates/nabidka.md --person 1 > nahled.eml")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The template: a file (YAML front matter, Markdown body), or the name of a shipped one.") var template: String
        @OptionGroup var templates: TemplateFolderOption
        @Option(help: "The person's id.") var person: Int64
        @Option(help: "The referent who sends it (referent.* fields, and the sender when the template has no from).") var referent: String?
        @Option(help: "The campaign name for {{campaign.name}}.") var campaign: String = "náhled"

        func run() throws {
            let database = try global.open()
            let file = try templates.resolve(template, database: database)
            let rendered = try database.read { db -> RenderedMessage in
                let schema = try AttributeDefinitions.schema(db: db)
                let template = try Template.load(path: file, schema: MergeSchema(attributes: schema.definitions))
                let listing = try Persons.fetch(id: person, schema: schema, db: db)
                let firm = try Firms.fetch(id: listing.person.firmId, schema: schema, db: db)
                let sender = try referent.map { code -> Referent in
                    guard let found = try Referents.fetch(code: code, db: db) else {
                        throw StoreError.notFound(entity: "referent", id: "\"\(code)\"")
                    }
                    return found
                }
                // A preview's unsubscribe token names campaign 0: shaped like a campaign's, valid for none.
                let key = try Secrets.existingKey(named: UnsubscribeToken.keyName, db: db) ?? (0 ..< 32).map { _ in UInt8.random(in: 0 ... 255) }
                let token = UnsubscribeToken(campaignId: 0, personId: person).signed(with: key)
                // The link answers "a preview's link, nobody is unsubscribed".
                let link = try UnsubscribeLink.configured(db: db)?.link(token: token)
                let context = MergeContext(person: listing.person, firm: firm, referent: sender, campaign: campaign, today: LocalClock.now().date,
                                           codeLabels: CodeLabels(definitions: schema.definitions, book: try CodeLists.codeBook(db: db)),
                                           unsubscribeToken: token, unsubscribeURL: link ?? "")
                switch try MessageComposer.compose(template.render(context), person: listing.person, referent: sender, template: template, requireConsent: false) {
                case .message(var message):
                    if let link { message.listUnsubscribe = UnsubscribeLink.leading(link, message.listUnsubscribe) }
                    if !listing.person.emailConsent {
                        Terminal.printError("note: person \(person) does not consent to mass e-mail; a campaign would skip them", prefixed: false)
                    }
                    return try MessageWriter.render(message)
                case .skipped(let reason):
                    throw StoreError.conflict("person \(person) would get no message: \(reason)")
                }
            }
            FileHandle.standardOutput.write(Data(rendered.bytes))
        }
    }
}
