// `kontakt codelist …`: the user-maintained lists of allowed values.

import ArgumentParser
import Workspace
import CRM
import Store

struct CodeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codelist", abstract: "Manage code lists (číselníky): named lists of allowed values.",
        discussion: "`kind` and `result` come with `kontakt init`; results carry an outcome class (success, failure, open) that the statistics count by.",
        subcommands: [Add.self, List.self, Value.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Create a code list.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The list's name, e.g. industry.") var list: String
        @Option(help: "A label for people.") var label: String?

        func run() throws {
            try global.workspace().catalog.addCodeList(name: list, label: label ?? list, by: .localOperator)
            print("Created code list \(list).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Show the code lists and their values.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Only this list.") var list: String?
        @OptionGroup var output: JSONOption

        func run() throws {
            let (book, labels) = try global.open().read { db in (try CodeLists.codeBook(db: db), try CodeLists.labels(db: db)) }
            var names = book.lists.keys.sorted(byCzech: { $0 })
            if let list {
                guard names.contains(list) else { throw StoreError.notFound(entity: "code list", id: "\"\(list)\"\(NearestMatch.hint(for: list, among: names))") }
                names = [list]
            }
            let buffer = OutputBuffer()
            if output.json {
                let json = JSONWriter(output: buffer)
                json.array {
                    for name in names {
                        json.object {
                            json.field("name", name)
                            json.field("label", labels[name])
                            json.arrayField("values") {
                                for value in book.values(of: name) {
                                    json.object { json.field("code", value.code); json.field("label", value.label); json.field("outcome", value.outcome?.rawValue) }
                                }
                            }
                        }
                    }
                }
                json.newline()
            } else {
                var table = TextTable("list", "code", "label", "outcome")
                for name in names { for value in book.values(of: name) { table.add(name, value.code, value.label, value.outcome?.rawValue ?? "") } }
                buffer.append(table.render() + "\n")
            }
        }
    }

    struct Value: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "value", abstract: "Manage the values of a code list.", subcommands: [AddValue.self, EditValue.self, RetireValue.self])
    }

    struct AddValue: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a value to a code list.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The list.") var list: String
        @Argument(help: "The value's code.") var code: String
        @Option(help: "A label for people (default: the code).") var label: String?
        @Option(help: "For results: success, failure or open.") var outcome: String?

        func run() throws {
            let value = CodeValue(list: list, code: code, label: label ?? code, outcome: try outcome.map { try Outcome(parsing: $0, field: "--outcome") })
            try global.workspace().catalog.addCodeValue(value, by: .localOperator)
            print("Added \(code) to \(list).")
        }
    }

    struct EditValue: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a value's label or outcome class; its code, which records hold, stays.",
                                                        discussion: "Reports follow at once: a result's outcome is read when the report is.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The list.") var list: String
        @Argument(help: "The value's code.") var code: String
        @Option(help: "A new label.") var label: String?
        @Option(help: "For results: success, failure, open, or none.") var outcome: String?

        func validate() throws {
            if label == nil && outcome == nil { throw ValidationError("give --label or --outcome to change") }
        }

        func run() throws {
            let outcomeValue: Outcome?? = try outcome.map { $0.lowercased() == "none" ? nil : try Outcome(parsing: $0, field: "--outcome") }
            try global.workspace().catalog.editCodeValue(list: list, code: code, label: label, outcome: outcomeValue, by: .localOperator)
            print("Changed \(code) in \(list).")
        }
    }

    struct RetireValue: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "retire", abstract: "Retire a value: records keep it and its label, new input may not use it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The list.") var list: String
        @Argument(help: "The value's code.") var code: String
        @Flag(help: "Offer the value again.") var undo = false

        func run() throws {
            try global.workspace().catalog.setCodeValueRetired(!undo, list: list, code: code, by: .localOperator)
            print(undo ? "Offered \(code) in \(list) again." : "Retired \(code) from \(list); records that have it keep it.")
        }
    }
}
