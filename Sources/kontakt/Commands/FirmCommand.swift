// `kontakt firm …`: the firms — customers, prospects and suppliers.

import ArgumentParser
import CRM
import Store
import Workspace

struct FirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firm", abstract: "Manage firms (customers, prospects, suppliers).",
        subcommands: [Add.self, Edit.self, Show.self, List.self, Address.self, Dossier.self, Remove.self])

    /// The editable fields, shared by add and edit.
    struct Fields: ParsableArguments {
        @Option(help: "IČO: 8 digits with a valid check digit.") var ico: String?
        @Option(help: "DIČ, e.g. CZ25596641.") var dic: String?
        @Option(name: .customLong("role"), help: "customer, prospect or supplier; repeat for several.") var roles: [String] = []
        @Option(help: "Street and number (without \"ul.\").") var street: String?
        @Option(help: "Town, e.g. Praha 1.") var city: String?
        @Option(help: "Post code; Czech ones are written NNN NN.") var zip: String?
        @Option(help: "Country name or ISO code (default CZ).") var country: String?
        @Option var email: String?
        @Option var phone: String?
        @Option var web: String?
        @Option var note: String?
        @Option(name: .customLong("set"), help: ArgumentHelp("An attribute value; an empty VALUE removes it.", valueName: "ATTR=VALUE")) var assignments: [String] = []

        func input(name: String?) throws -> FirmInput {
            FirmInput(name: name, ico: ico, dic: dic, roles: roles.isEmpty ? nil : roles, street: street, city: city, zip: zip,
                      country: country, email: email, phone: phone, web: web, note: note,
                      attributes: try assignments.map(AttributeAssignment.init(parsing:)))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a firm; prints its id.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The firm's name.") var name: String
        @OptionGroup var fields: Fields
        @OptionGroup var output: JSONOption

        func run() throws {
            let input = try fields.input(name: name)
            let id = try global.workspace().firms.add(input, by: .localOperator)
            Printing.created("firm", id: id, json: output.json)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a firm's fields; options not given stay as they are, an empty value clears.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The firm's id.") var id: Int64
        @Option(help: "A new name.") var name: String?
        @OptionGroup var fields: Fields

        func run() throws {
            let input = try fields.input(name: name)
            try global.workspace().firms.edit(id: id, input, by: .localOperator)
            print("Updated firm \(id).")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a firm with its persons and its contacts, newest first.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The firm's id.") var id: Int64
        @OptionGroup var output: JSONOption

        func run() throws {
            let buffer = OutputBuffer()
            try global.open().read { db in
                let schema = try AttributeDefinitions.schema(db: db)
                let firm = try Firms.fetch(id: id, schema: schema, db: db)
                if output.json {
                    let json = JSONWriter(output: buffer)
                    try json.firm(firm) {
                        try json.arrayField("persons") { try Persons.forEach(firmId: id, schema: schema, db: db) { try json.person($0) } }
                        try json.arrayField("contacts") { try Contacts.forEach(ContactFilter(firmId: id), db: db) { json.contact($0) } }
                    }
                    json.newline()
                } else {
                    buffer.append(Printing.firmCard(firm, schema: schema))
                    var persons = TextTable("id", "name", "function", "email", "phone")
                    try Persons.forEach(firmId: id, schema: schema, db: db) {
                        persons.add(String($0.person.id!), $0.person.name.withTitles, $0.person.function ?? "", $0.person.email?.value ?? "", $0.person.phone ?? "")
                    }
                    buffer.append("\nPersons\n" + persons.render() + "\n")
                    var contacts = Printing.contactTable()
                    try Contacts.forEach(ContactFilter(firmId: id), db: db) { Printing.addContact($0, to: &contacts, book: schema.codeBook) }
                    buffer.append("\nContacts, newest first\n" + contacts.render() + "\n")
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", 
            abstract: "List firms in Czech alphabetical order.",
            discussion: "--where and --segment select with the segmentation language (see `kontakt segment --help`); a person segment lists the firms of its persons.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: SelectionOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let buffer = OutputBuffer()
            try global.open().read { db in
                let filter = try selection.filter(selecting: .firm, db: db)
                try Listings.firms(filter: filter, limit: nil, json: output.json, schema: try AttributeDefinitions.schema(db: db), db: db, into: buffer)
            }
        }
    }

    struct Address: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "address", abstract: "Print the firm's postal address block (ČSN 01 6910) for a letter.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The firm's id.") var id: Int64
        @OptionGroup var output: JSONOption

        func run() throws {
            let firm = try global.open().read { db in try Firms.fetch(id: id, schema: try AttributeDefinitions.schema(db: db), db: db) }
            Printing.addressBlock(AddressBlock(firmName: firm.name, address: firm.address), json: output.json)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", 
            abstract: "Remove a firm.",
            discussion: "A firm with persons or contacts is removed only with --force; each removed contact leaves a snapshot in the removal log.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The firm's id.") var id: Int64
        @Flag(help: "Also remove its persons and contacts.") var force = false
        @Option(help: "Why, for the removal log.") var reason: String?

        func run() throws {
            try global.workspace().firms.remove(id: id, force: force, reason: reason, by: .localOperator)
            print("Removed firm \(id).")
        }
    }
}
