// `kontakt referent add|edit|deactivate|activate|list`: the salespeople. A referent who leaves
// is deactivated, never removed: the history stays theirs.

import ArgumentParser
import Workspace
import CRM
import Store

struct ReferentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referent", abstract: "Manage referents (the salespeople contacts are assigned to).",
        subcommands: [Add.self, Edit.self, Deactivate.self, Activate.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a referent.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A short code people type, e.g. novak or JN.") var code: String
        @Option(help: "The full name.") var name: String
        @Option(help: "The referent's e-mail (the sender of their campaigns).") var email: String?

        func run() throws {
            try global.workspace().catalog.addReferent(code: code, name: name, email: email, by: .localOperator)
            print("Added referent \(code).")
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a referent's name or e-mail; the code stays.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The referent's code.") var code: String
        @Option(help: "The full name.") var name: String?
        @Option(help: "The referent's e-mail; an empty value removes it.") var email: String?

        func validate() throws {
            if name == nil && email == nil { throw ValidationError("give --name or --email to change") }
        }

        func run() throws {
            let address: EmailAddress?? = try email.map { $0.trimmingSpaces.isEmpty ? nil : try EmailAddress($0) }
            try global.workspace().catalog.editReferent(code: code, name: name, email: address, by: .localOperator)
            print("Changed referent \(code).")
        }
    }

    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deactivate", abstract: "Mark a referent who left: history and reports keep them, new contacts and tasks cannot name them.",
            discussion: "--reassign-to CODE gives their open tasks to another referent in the same step; done tasks and contacts stay theirs.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The referent's code.") var code: String
        @Option(name: .customLong("reassign-to"), help: "The referent who takes over the open tasks.") var reassignTo: String?

        func run() throws {
            let (moved, left) = try global.workspace().catalog.deactivateReferent(code: code, reassignTo: reassignTo, by: .localOperator)
            var text = "Deactivated referent \(code)."
            if let reassignTo { text += " Gave \(moved) open task(s) to \(reassignTo)." }
            if left > 0 { text += " \(left) open task(s) are still theirs: `kontakt referent deactivate \(code) --reassign-to CODE` gives them to another." }
            print(text)
        }
    }

    struct Activate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "activate", abstract: "Make a deactivated referent active again.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The referent's code.") var code: String

        func run() throws {
            try global.workspace().catalog.setReferentActive(true, code: code, by: .localOperator)
            print("Activated referent \(code).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the referents.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let referents = try global.workspace().catalog.referents()
            let buffer = OutputBuffer()
            if output.json {
                let json = JSONWriter(output: buffer)
                json.array { for r in referents { json.object { json.field("code", r.code); json.field("name", r.name); json.field("email", r.email?.value); json.field("active", r.active) } } }
                json.newline()
            } else {
                var table = TextTable("code", "name", "email", "state")
                for r in referents { table.add(r.code, r.name, r.email?.value ?? "", r.active ? "active" : "left") }
                buffer.append(table.render() + "\n")
            }
        }
    }
}
