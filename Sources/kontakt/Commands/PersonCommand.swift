// `kontakt person …`: contact persons of firms.

import ArgumentParser
import CRM
import Store
import Workspace

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "Manage contact persons (people at firms).",
        subcommands: [Add.self, Edit.self, Show.self, List.self, Address.self, Card.self, Remove.self])

    struct Fields: ParsableArguments {
        @Option(help: "First name.") var first: String?
        @Option(help: "Last name.") var last: String?
        @Option(help: "Titles before the name, e.g. Ing. or doc. Ing.") var titleBefore: String?
        @Option(help: "Titles after the name, e.g. Ph.D. or CSc.") var titleAfter: String?
        @Option(help: "m, f or unknown.") var gender: String?
        @Option(help: "Job function, e.g. jednatel.") var function: String?
        @Option var email: String?
        @Option var phone: String?
        @Option var mobile: String?
        @Option(help: "Personal note.") var note: String?
        @Option(help: "The person's own street (home, a branch, abroad), when post should not go to the firm's address.") var street: String?
        @Option(help: "The person's own town; empty --street, --city and --zip return to the firm's address.") var city: String?
        @Option(help: "The person's own ZIP code.") var zip: String?
        @Option(help: "The person's own country (name or ISO code; default CZ).") var country: String?
        @Option(name: .customLong("set"), help: ArgumentHelp("An attribute value; an empty VALUE removes it.", valueName: "ATTR=VALUE")) var assignments: [String] = []

        func input(emailConsent: Bool?) throws -> PersonInput {
            PersonInput(first: first, last: last, titleBefore: titleBefore, titleAfter: titleAfter, gender: gender, function: function,
                        email: email, phone: phone, mobile: mobile, note: note, emailConsent: emailConsent.map { $0 ? "yes" : "no" },
                        attributes: try assignments.map(AttributeAssignment.init(parsing:)), street: street, city: city, zip: zip, country: country)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a person to a firm; prints the id.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The firm's id.") var firm: Int64
        @OptionGroup var fields: Fields
        @Flag(help: "The person refuses mass e-mail.") var noEmailConsent = false
        @OptionGroup var output: JSONOption

        func validate() throws {
            if fields.last == nil { throw ArgumentParser.ValidationError("a person needs --last (the last name)") }
        }

        func run() throws {
            let input = try fields.input(emailConsent: noEmailConsent ? false : nil)
            let id = try global.workspace().people.add(firmId: firm, input, by: .localOperator)
            Printing.created("person", id: id, json: output.json)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a person's fields; options not given stay, an empty value clears.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's id.") var id: Int64
        @Option(help: "Move the person to another firm.") var firm: Int64?
        @OptionGroup var fields: Fields
        @Flag(inversion: .prefixedNo, help: "Grant or revoke consent to mass e-mail.") var emailConsent: Bool?

        func run() throws {
            let input = try fields.input(emailConsent: emailConsent)
            try global.workspace().people.edit(id: id, moveTo: firm, input, by: .localOperator)
            print("Updated person \(id).")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a person with their contacts, newest first.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's id.") var id: Int64
        @OptionGroup var output: JSONOption

        func run() throws {
            let buffer = OutputBuffer()
            try global.open().read { db in
                let schema = try AttributeDefinitions.schema(db: db)
                let listing = try Persons.fetch(id: id, schema: schema, db: db)
                if output.json {
                    let json = JSONWriter(output: buffer)
                    try json.person(listing) {
                        try json.arrayField("contacts") { try Contacts.forEach(ContactFilter(personId: id), db: db) { json.contact($0) } }
                    }
                    json.newline()
                } else {
                    let p = listing.person
                    var lines = ["\(p.name.withTitles)  (person \(id), firm \(p.firmId) \(listing.firmName))"]
                    func add(_ label: String, _ value: String?) { if let value, !value.isEmpty { lines.append("  \(label.padding(11))\(value)") } }
                    add("function", p.function)
                    add("gender", p.gender.rawValue)
                    add("e-mail", p.email.map { $0.value + (p.emailConsent ? "" : " (no mass e-mail)") })
                    add("phone", p.phone)
                    add("mobile", p.mobile)
                    add("note", p.note)
                    add("address", p.address.map { AddressBlock(firmName: nil, address: $0).lines.joined(separator: ", ") + " (own)" })
                    for (label, value) in schema.displayed(p.attributes, of: .person) { add(label, value) }
                    buffer.append(lines.joined(separator: "\n") + "\n")
                    var contacts = Printing.contactTable()
                    try Contacts.forEach(ContactFilter(personId: id), db: db) { Printing.addContact($0, to: &contacts, book: schema.codeBook) }
                    buffer.append("\nContacts, newest first\n" + contacts.render() + "\n")
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", 
            abstract: "List persons in Czech alphabetical order (last name, first name).",
            discussion: "--where and --segment select with the segmentation language (see `kontakt segment --help`); a firm segment lists the persons of its firms.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only the persons of this firm.") var firm: Int64?
        @OptionGroup var selection: SelectionOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let buffer = OutputBuffer()
            try global.open().read { db in
                let filter = try selection.filter(selecting: .person, db: db)
                try Listings.persons(firmId: firm, filter: filter, limit: nil, json: output.json, schema: try AttributeDefinitions.schema(db: db), db: db, into: buffer)
            }
        }
    }

    struct Address: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "address", 
            abstract: "Print the person's postal address block (ČSN 01 6910): firm, name with titles, street, ZIP and town.",
            discussion: "With --private the firm line is left out and the block starts with Pan/Paní, as for a letter to a private person.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's id.") var id: Int64
        @Flag(help: "Address the person privately (no firm line, Pan/Paní).") var `private` = false
        @OptionGroup var output: JSONOption

        func run() throws {
            let (listing, firm) = try global.open().read { db in
                let schema = try AttributeDefinitions.schema(db: db)
                let listing = try Persons.fetch(id: id, schema: schema, db: db)
                return (listing, try Firms.fetch(id: listing.person.firmId, schema: schema, db: db))
            }
            let block = AddressBlock(firmName: `private` ? nil : firm.name, person: listing.person.name, gender: listing.person.gender,
                                     courtesy: `private`, address: listing.person.postalAddress(firm: firm))
            Printing.addressBlock(block, json: output.json)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", 
            abstract: "Remove a person.",
            discussion: "A person with contacts is removed only with --force; the contacts stay in the firm's history.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's id.") var id: Int64
        @Flag(help: "Remove even when the person has contacts.") var force = false

        func run() throws {
            try global.workspace().people.remove(id: id, force: force, by: .localOperator)
            print("Removed person \(id).")
        }
    }
}
