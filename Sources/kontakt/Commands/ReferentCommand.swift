// `kontakt referent add|list`: the salespeople.

import ArgumentParser
import CRM
import Store

struct ReferentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referent", abstract: "Manage referents (the salespeople contacts are assigned to).",
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a referent.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A short code people type, e.g. novak or JN.") var code: String
        @Option(help: "The full name.") var name: String
        @Option(help: "The referent's e-mail (the sender of their campaigns).") var email: String?

        func run() throws {
            let referent = Referent(code: code, name: name, email: try email.map { try EmailAddress($0) })
            try global.open().write { db in try Referents.add(referent, db: db) }
            print("Added referent \(code).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the referents.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let referents = try global.open().read { db in try Referents.all(db: db) }
            let buffer = OutputBuffer()
            if output.json {
                let json = JSONWriter(output: buffer)
                json.array { for r in referents { json.object { json.field("code", r.code); json.field("name", r.name); json.field("email", r.email?.value) } } }
                json.newline()
            } else {
                var table = TextTable("code", "name", "email")
                for r in referents { table.add(r.code, r.name, r.email?.value ?? "") }
                buffer.append(table.render() + "\n")
            }
        }
    }
}
