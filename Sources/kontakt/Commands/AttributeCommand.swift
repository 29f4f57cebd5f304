// `kontakt attr define|list`: user-defined attributes of firms and persons.

import ArgumentParser
import Workspace
import CRM
import Store

struct AttributeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attr", abstract: "Define user attributes of firms and persons (territory, industry, employees …).",
        discussion: "A value is text, a number or a date; bound to a code list, it must be one of the list's codes (or labels). Values are set with --set NAME=VALUE on firm/person add and edit, or by a CSV column of the same name.",
        subcommands: [Define.self, Edit.self, List.self])

    struct Define: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "define", abstract: "Define an attribute.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The attribute's name, e.g. territory.") var name: String
        @Option(help: "firm or person.") var on: String
        @Option(help: "text, number or date.") var type: String
        @Option(help: "Bind the values to this code list.") var codelist: String?
        @Option(help: "A label for people.") var label: String?

        func run() throws {
            guard let entity = EntityKind(rawValue: on.lowercased()) else {
                throw CRM.ValidationError(field: "--on", message: "\"\(on)\" is not an entity: expected firm or person")
            }
            guard let valueType = AttributeType(rawValue: type.lowercased()) else {
                throw CRM.ValidationError(field: "--type", message: "\"\(type)\" is not an attribute type: expected text, number or date")
            }
            try global.workspace().catalog.defineAttribute(name: name, on: entity, type: valueType, codeList: codelist, label: label ?? name, by: .localOperator)
            print("Defined \(entity.rawValue) attribute \(name) (\(valueType.rawValue)\(codelist.map { ", code list \($0)" } ?? "")).")
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change an attribute's label or code list; its name and type stay.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The attribute's name.") var name: String
        @Option(help: "firm or person.") var on: String
        @Option(help: "A new label for people.") var label: String?
        @Option(help: "Bind the values to this code list (every stored value must be one of its codes).") var codelist: String?
        @Flag(name: .customLong("no-codelist"), help: "Free the values from their code list.") var noCodelist = false

        func validate() throws {
            if label == nil && codelist == nil && !noCodelist { throw ValidationError("give --label, --codelist or --no-codelist to change") }
            if codelist != nil && noCodelist { throw ValidationError("give --codelist or --no-codelist, not both") }
        }

        func run() throws {
            guard let entity = EntityKind(rawValue: on.lowercased()) else {
                throw CRM.ValidationError(field: "--on", message: "\"\(on)\" is not an entity: expected firm or person")
            }
            let list: String?? = noCodelist ? .some(nil) : codelist.map { .some($0) }
            try global.workspace().catalog.editAttribute(name: name, on: entity, label: label, codeList: list, by: .localOperator)
            print("Changed \(entity.rawValue) attribute \(name).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the attribute definitions.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let definitions = try global.workspace().catalog.attributes()
            let buffer = OutputBuffer()
            if output.json {
                let json = JSONWriter(output: buffer)
                json.array {
                    for d in definitions {
                        json.object {
                            json.field("name", d.name); json.field("on", d.entity.rawValue); json.field("type", d.type.rawValue)
                            json.field("codelist", d.codeList); json.field("label", d.label)
                        }
                    }
                }
                json.newline()
            } else {
                var table = TextTable("name", "on", "type", "codelist", "label")
                for d in definitions { table.add(d.name, d.entity.rawValue, d.type.rawValue, d.codeList ?? "", d.label) }
                buffer.append(table.render() + "\n")
            }
        }
    }
}
