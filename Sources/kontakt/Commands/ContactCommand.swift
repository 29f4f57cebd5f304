// `kontakt contact …`: the contact log — calls, meetings, letters, e-mails, events and tasks.

import Workspace
import ArgumentParser
import Foundation
import CRM
import GRDB
import Store

struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "Log and review contacts (calls, meetings, letters, e-mails, events) and tasks.",
        discussion: "A contact with --next-date and --next-task also creates an open task for the next referent on that date. Contacts are history: edit them freely, but removal needs --force and is logged.",
        subcommands: [Add.self, Edit.self, Show.self, List.self, Done.self, Remove.self])

    struct Fields: ParsableArguments {
        @Option(help: "call, meeting, negotiation, letter, email, event, task (code or label).") var kind: String?
        @Option(help: "contact or task.") var status: String?
        @Option(help: "When: 2026-11-29, 2026-11-29T14:30, 29.11.2026 14:30, today, yesterday 9:30 (default: now).") var date: String?
        @Option(help: "The referent's code.") var referent: String?
        @Option(help: "The result's code or label (promise, contract, no-interest …).") var result: String?
        @Option(help: "Short text, at most 250 characters.") var text: String?
        @Option(help: "Long note.") var note: String?
        @Option(help: "Date of the next contact: 5.12.2026, 2026-12-05, tomorrow, today + 3d, today + 2w.") var nextDate: String?
        @Option(help: "What to do next.") var nextTask: String?
        @Option(help: "Who does it (default: the referent).") var nextReferent: String?

        /// The options as the contact's input, relative dates made absolute.
        func input() throws -> ContactInput {
            let today = LocalClock.now().date
            return ContactInput(date: try DateOption.absolute(date, option: "--date", today: today), status: status, kind: kind, referent: referent,
                                result: result, text: text, note: note, nextDate: try DateOption.absolute(nextDate, option: "--next-date", today: today),
                                nextTask: nextTask, nextReferent: nextReferent)
        }

        /// Runs `body`; a refused value is named by the option it came from.
        static func namingOptions<T>(_ body: () throws -> T) throws -> T {
            do {
                return try body()
            } catch let error as CRM.ValidationErrors {
                throw CRM.ValidationErrors(error.errors.map { CRM.ValidationError(field: Fields.options[$0.field] ?? $0.field, message: $0.message) })
            } catch let error as CRM.ValidationError {
                throw CRM.ValidationError(field: Fields.options[error.field] ?? error.field, message: error.message)
            }
        }

        /// The contact's fields by the options that set them.
        static let options = ["date": "--date", "status": "--status", "kind": "--kind", "referent": "--referent", "result": "--result",
                              "text": "--text", "note": "--note", "nextDate": "--next-date", "nextTask": "--next-task", "nextReferent": "--next-referent"]
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Log a contact or a task; prints its id (and the follow-up task's).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The firm's id (may be left out when --person is given).") var firm: Int64?
        @Option(help: "The person's id; must belong to the firm.") var person: Int64?
        @OptionGroup var fields: Fields
        @OptionGroup var output: JSONOption

        func validate() throws {
            if firm == nil && person == nil { throw ArgumentParser.ValidationError("name the firm with --firm ID (or the person with --person ID)") }
            if fields.kind == nil { throw ArgumentParser.ValidationError("a contact needs --kind (call, meeting, negotiation, letter, email, event or task)") }
            if fields.referent == nil { throw ArgumentParser.ValidationError("a contact needs --referent CODE") }
            if fields.text == nil { throw ArgumentParser.ValidationError("a contact needs --text (at most 250 characters)") }
        }

        func run() throws {
            let workspace = try global.workspace()
            let input = try fields.input()
            let ids = try Fields.namingOptions { try workspace.contacts.log(LogContact(firmId: firm, personId: person, fields: input), by: .localOperator) }
            let buffer = OutputBuffer()
            if output.json {
                let json = JSONWriter(output: buffer)
                json.object { json.field("id", ids.contactId); json.field("taskId", ids.taskId) }
                json.newline()
            } else {
                buffer.append("Added contact \(ids.contactId)." + (ids.taskId.map { " Created task \($0) for the next contact." } ?? "") + "\n")
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a contact; options not given stay as they are.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contact's id.") var id: Int64
        @Option(help: "Assign to this person of the firm.") var person: Int64?
        @OptionGroup var fields: Fields

        func run() throws {
            let workspace = try global.workspace()
            let input = try fields.input()
            try Fields.namingOptions { try workspace.contacts.edit(id: id, personId: person.map { Optional($0) }, fields: input, by: .localOperator) }
            print("Updated contact \(id).")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one contact.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contact's id.") var id: Int64
        @OptionGroup var output: JSONOption
        @Flag(help: "Print the e-mail this contact logs, byte for byte as it was sent (an .eml).") var eml = false

        func run() throws {
            let database = try global.open()
            if eml {
                let bytes = try database.read { db -> [UInt8]? in
                    _ = try Contacts.fetch(id: id, db: db)
                    return try DeliveryJournal.message(contactId: id, db: db)
                }
                guard let bytes else { throw ExitMessage("contact \(id) logs no e-mail sent by Kontakt") }
                FileHandle.standardOutput.write(Data(bytes))
                return
            }
            let listing = try database.read { db in try Contacts.fetch(id: id, db: db) }
            let buffer = OutputBuffer()
            if output.json {
                JSONWriter(output: buffer).contact(listing)
                buffer.append("\n")
            } else {
                let c = listing.contact
                var lines = ["Contact \(id): \(c.kind) on \(c.date.iso) by \(c.referent)"]
                lines.append("  firm     \(listing.firmName) (\(c.firmId))")
                if let name = listing.personName { lines.append("  person   \(name.withTitles) (\(c.personId!))") }
                lines.append("  status   \(c.status.rawValue)\(c.status == .task ? (c.doneAt.map { ", done \($0.iso)" } ?? ", open") : "")")
                if let result = c.result { lines.append("  result   \(result)") }
                lines.append("  text     \(c.text)")
                if let note = c.note { lines.append("  note     \(note)") }
                if let next = c.next { lines.append("  next     \(next.date.iso), \(next.referent): \(next.task)") }
                buffer.append(lines.joined(separator: "\n") + "\n")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List contacts, newest first (open tasks: soonest first).")
        @OptionGroup var global: GlobalOptions
        @Option var firm: Int64?
        @Option var person: Int64?
        @Option(help: "Only this referent's contacts.") var referent: String?
        @Option(help: "Only this kind (code or label).") var kind: String?
        @Option(help: "From this day on.") var from: String?
        @Option(help: "Up to and including this day.") var to: String?
        @Flag(help: "Only tasks not yet done.") var openTasks = false
        @Option(help: "At most this many.") var limit: Int?
        @OptionGroup var output: JSONOption

        func run() throws {
            let buffer = OutputBuffer()
            var filter = ContactFilter(firmId: firm, personId: person, referent: referent, openTasksOnly: openTasks, limit: limit)
            let today = LocalClock.now().date
            filter.from = try DateOption.absolute(from, option: "--from", today: today).map { try CivilDate(parsing: $0, field: "--from") }
            filter.to = try DateOption.absolute(to, option: "--to", today: today).map { try CivilDate(parsing: $0, field: "--to") }
            let contacts = try global.workspace().contacts
            if output.json {
                let json = JSONWriter(output: buffer)
                try json.array { try contacts.forEach(filter, kind: kind, kindField: "--kind") { json.contact($0) } }
                json.newline()
            } else {
                var table = TextTable("id", "date", "kind", "status", "referent", "firm", "person", "result", "text")
                try contacts.forEach(filter, kind: kind, kindField: "--kind") { l in
                    let c = l.contact
                    let status = c.status == .task ? (c.doneAt == nil ? "task (open)" : "task (done)") : "contact"
                    table.add(cells: [String(c.id!), c.date.iso, c.kind, status, c.referent, l.firmName, l.personName?.withTitles ?? "", c.result ?? "", c.text])
                }
                buffer.append(table.render() + "\n")
            }
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a task done.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The task's id.") var id: Int64
        @Option(help: "When it was done (default: now).") var date: String?

        func run() throws {
            let when = try DateOption.absolute(date, option: "--date", today: LocalClock.now().date).map { try ContactDate(parsing: $0, field: "--date") } ?? LocalClock.now()
            try global.workspace().contacts.markDone(id: id, at: when, by: .localOperator)
            print("Task \(id) done.")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", 
            abstract: "Remove a contact from the history (needs --force; the removal is logged with a snapshot).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contact's id.") var id: Int64
        @Flag(help: "Confirm that history is to be removed.") var force = false
        @Option(help: "Why, for the removal log.") var reason: String?

        func validate() throws {
            if !force { throw ExitMessage("contacts are permanent history: repeat with --force to remove contact \(id) (the removal is logged)") }
        }

        func run() throws {
            try global.workspace().contacts.remove(id: id, reason: reason, by: .localOperator)
            print("Removed contact \(id); its snapshot is kept in the removal log.")
        }
    }
}
