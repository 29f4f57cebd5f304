// `kontakt segment …`: try, save and reuse selections written in the segmentation language.

import Workspace
import ArgumentParser
import CRM
import GRDB
import Segmentation
import Store

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
            let buffer = OutputBuffer()
            try global.open().read { db in
                let segment = try Segment(expression, target: target.entity, vocabulary: try Vocabulary.load(db: db), today: LocalClock.now().date)
                try SegmentOutput.show(segment, count: count, limit: limit == 0 ? nil : limit, json: output.json, db: db, into: buffer)
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
            let count = try global.open().write { db in
                let segment = try Segment(expression, target: target.entity, vocabulary: try Vocabulary.load(db: db), today: LocalClock.now().date)
                try SavedSegments.save(SavedSegment(name: name, target: target.entity, expression: expression), replace: replace, db: db)
                return try segment.count(db: db)
            }
            print("Saved segment \(name): \(count) \(target.rawValue) match today.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the saved segments.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let segments = try global.open().read { db in try SavedSegments.all(db: db) }
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
            try global.open().read { db in
                let saved = try SavedSegments.fetch(name: name, db: db)
                let segment = try SegmentChoice.saved(saved.name).segment(defaultTarget: saved.target, today: LocalClock.now().date, db: db)
                let count = try segment.count(db: db)
                if output.json {
                    let json = JSONWriter(output: buffer)
                    json.object {
                        json.savedSegmentFields(saved)
                        json.field("count", Int64(count))
                        if sql { json.field("sql", segment.sqlDescription) }
                    }
                    json.newline()
                } else {
                    var lines = ["\(saved.name)  (\(saved.target.rawValue)s)", "  expression  \(saved.expression)",
                                 "  matches     \(count) today", "  saved       \(saved.createdAt)" + (saved.updatedAt != saved.createdAt ? ", changed \(saved.updatedAt)" : "")]
                    if sql { lines.append("  sql         " + segment.sqlDescription.replacingOccurrences(of: "\n", with: "\n              ")) }
                    buffer.append(lines.joined(separator: "\n") + "\n")
                }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a saved segment.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The segment's name.") var name: String

        func run() throws {
            try global.open().write { db in try SavedSegments.remove(name: name, db: db) }
            print("Removed segment \(name).")
        }
    }
}

enum SegmentOutput {
    /// The count, or the first `limit` matches in the list shape of persons or firms; a table
    /// ends with how many there are in all.
    static func show(_ segment: Segment, count: Bool, limit: Int?, json: Bool, db: GRDB.Database, into buffer: OutputBuffer) throws {
        let schema = segment.vocabulary.schema
        if count {
            let total = try segment.count(db: db)
            if json {
                let writer = JSONWriter(output: buffer)
                writer.object { writer.field("count", Int64(total)) }
                writer.newline()
            } else {
                let noun = segment.target == .person ? (total == 1 ? "person matches" : "persons match") : (total == 1 ? "firm matches" : "firms match")
                buffer.append("\(total) \(noun)\n")
            }
            return
        }
        switch segment.target {
        case .person: try Listings.persons(filter: segment.filter, limit: limit, json: json, schema: schema, db: db, into: buffer)
        case .firm: try Listings.firms(filter: segment.filter, limit: limit, json: json, schema: schema, db: db, into: buffer)
        }
        if !json, let limit {
            let total = try segment.count(db: db)
            if total > limit { buffer.append("\(limit) of \(total) \(segment.target.rawValue)s shown; --limit 0 shows all, --count only counts\n") }
        }
    }
}
