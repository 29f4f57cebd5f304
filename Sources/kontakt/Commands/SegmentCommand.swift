// `kontakt segment …`: try, save and reuse selections written in the segmentation language.

import Foundation
import Workspace
import ArgumentParser
import CRM

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment", abstract: "Select persons or firms with the segmentation language; save selections by name.",
        discussion: """
            An expression tests fields and attributes and the contact history, e.g.
              territory = "Morava" and employees >= 50
              industry in ("automotive", "strojírenství") and not role = supplier
              has contact where kind = meeting and date >= today - 90d and result = contract
              no contact since today - 180d and role = customer
              email is not empty and emailConsent
            docs/segments.md describes the whole language.
            """,
        subcommands: [Preview.self, Save.self, List.self, Show.self, Remove.self])

    enum Target: String, EnumerableFlag {
        case persons, firms

        var entity: EntityKind { self == .firms ? .firm : .person }

        static func help(for value: Target) -> ArgumentHelp? {
            value == .firms ? "Select firms." : "Select persons, each with their firm (the default)."
        }
    }

    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "preview", abstract: "Check an expression and show what it selects.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The segment expression, e.g. 'territory = Morava and role = customer' (see `kontakt segment --help`).") var expression: String
        @Flag var target: Target = .persons
        @Flag(help: "Print only how many match.") var count = false
        @Option(help: "Show at most N matches; 0 shows all.") var limit: Int = 50
        @OptionGroup var output: JSONOption

        func validate() throws {
            if limit < 0 { throw ArgumentParser.ValidationError("--limit takes 0 (all) or a positive number") }
        }

        func run() throws {
            let workspace = try global.workspace()
            let buffer = OutputBuffer()
            if count {
                let (target, total) = try workspace.segments.exactCount(.expression(expression), defaultTarget: target.entity)
                if output.json {
                    let writer = JSONWriter(output: buffer)
                    writer.object { writer.field("count", Int64(total)) }
                    writer.newline()
                } else {
                    let noun = target == .person ? (total == 1 ? "person matches" : "persons match") : (total == 1 ? "firm matches" : "firms match")
                    buffer.append("\(total) \(noun)\n")
                }
                return
            }
            let shown = limit == 0 ? nil : limit
            let (selected, total) = try Listings.matches(of: target.entity, json: output.json, into: buffer) { add in
                try workspace.segments.forEachMatch(.expression(expression), defaultTarget: target.entity, limit: shown, add) { segment, db in
                    shown == nil || output.json ? 0 : try segment.count(db: db)
                }
            }
            if !output.json, let shown, total > shown {
                buffer.append("\(shown) of \(total) \(selected.rawValue)s shown; --limit 0 shows all, --count only counts\n")
            }
        }
    }

    struct Save: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "save", 
            abstract: "Check an expression and save it under a name.",
            discussion: "The expression is stored as written and checked again whenever the segment is used, since attributes and code lists change.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The segment's name.") var name: String
        @Argument(help: "The segment expression, e.g. 'territory = Morava and role = customer' (see `kontakt segment --help`).") var expression: String
        @Flag var target: Target = .persons
        @Flag(help: "Overwrite a segment of the same name.") var replace = false

        func run() throws {
            let count = try global.workspace().segments.save(name: name, expression: expression, target: target.entity, replace: replace, by: .localOperator)
            print("Saved segment \(name): \(count) \(target.rawValue) match today.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the saved segments.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let segments = try global.workspace().segments.saved()
            let buffer = OutputBuffer()
            if output.json {
                let json = JSONWriter(output: buffer)
                json.array { segments.forEach { json.savedSegment($0) } }
                json.newline()
            } else {
                var table = TextTable("name", "selects", "expression")
                for segment in segments { table.add(segment.name, segment.target.rawValue + "s", segment.expression) }
                buffer.append(table.render(maxWidth: 100) + "\n")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", 
            abstract: "Show a saved segment, check it again and count its matches.",
            discussion: "With --sql also the SQL it compiles to, with its parameters.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The segment's name.") var name: String
        @Flag(help: "Also print the compiled SQL.") var sql = false
        @OptionGroup var output: JSONOption

        func run() throws {
            let buffer = OutputBuffer()
            let report = try global.workspace().segments.show(name: name)
            let saved = report.saved
            if output.json {
                let json = JSONWriter(output: buffer)
                json.object {
                    json.savedSegmentFields(saved)
                    json.field("count", Int64(report.count))
                    if sql { json.field("sql", report.sql) }
                }
                json.newline()
            } else {
                var lines = ["\(saved.name)  (\(saved.target.rawValue)s)", "  expression  \(saved.expression)",
                             "  matches     \(report.count) today", "  saved       \(saved.createdAt)" + (saved.updatedAt != saved.createdAt ? ", changed \(saved.updatedAt)" : "")]
                if sql { lines.append("  sql         " + report.sql.replacingOccurrences(of: "\n", with: "\n              ")) }
                buffer.append(lines.joined(separator: "\n") + "\n")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a saved segment.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The segment's name.") var name: String

        func run() throws {
            try global.workspace().segments.remove(name: name, by: .localOperator)
            print("Removed segment \(name).")
        }
    }
}
