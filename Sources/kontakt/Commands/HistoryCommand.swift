// `kontakt history`: a firm's or a person's whole communication in time order, and for a firm
// the road from the first contact to each deal, per referent.

import Workspace
import ArgumentParser
import CRM
import Foundation
import Interchange
import Reports
import Store

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every contact, e-mail and letter of a firm or a person in time order; for a firm also the days from each referent's first contact to each deal.",
        discussion: "A deal is a contact whose result is of the success class (see `kontakt codelist`). Tasks are listed with their state; the timeline counts contacts only.")
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, html }

    @OptionGroup var global: GlobalOptions
    @Option(help: "The firm's id.") var firm: Int64?
    @Option(help: "The person's id.") var person: Int64?
    @Option(help: "From this day (YYYY-MM-DD or D. M. YYYY).") var from: String?
    @Option(help: "To this day, inclusive.") var to: String?
    @Option(help: "table, json, csv or html (one printable page).") var format: Format = .table
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Flag(help: "The same as --format json, as on the other commands.") var json = false

    func validate() throws {
        if (firm == nil) == (person == nil) { throw ValidationError("give --firm ID or --person ID") }
    }

    func run() throws {
        let today = LocalClock.now().date
        let fromDate = try DateOption.absolute(from, option: "--from", today: today).map { try ContactDate(parsing: $0, field: "--from").date }
        let toDate = try DateOption.absolute(to, option: "--to", today: today).map { try ContactDate(parsing: $0, field: "--to").date }
        let history = try global.workspace().history(of: firm.map(HistorySubject.firm) ?? .person(person!), from: fromDate, to: toDate)
        let (book, subject) = (history.codeBook, history.subject)
        let success = Set(book.values(of: CodeListName.result).filter { $0.outcome == .success }.map(\.code))
        let ordered = history.contacts
        let timeline = firm == nil ? nil : Timeline(contacts: ordered.lazy.map(\.contact), success: success)
        let buffer = try OutputBuffer.to(out)
        switch json ? .json : format {
        case .html:
            var labels: [String: String] = [:]
            for list in [CodeListName.kind, CodeListName.result] { for value in book.values(of: list) { labels["\(list).\(value.code)"] = value.label } }
            let period = [fromDate.map { "od " + CzechFormat.date($0) }, toDate.map { "do " + CzechFormat.date($0) }].compactMap { $0 }
            buffer.append(HistoryPage.render(title: "Historie komunikace: \(subject)", scope: [period.isEmpty ? "Období: celá historie" : "Období: " + period.joined(separator: " ")],
                                             listings: ordered, timeline: timeline, labels: labels, generated: CzechFormat.date(LocalClock.now().date)))
        case .json:
            let json = JSONWriter(output: buffer)
            json.object {
                json.arrayField("contacts") { for listing in ordered { json.contact(listing) } }
                if let timeline {
                    json.arrayField("timeline") {
                        for lane in timeline.lanes {
                            json.object {
                                json.field("referent", lane.referent)
                                json.field("firstContact", lane.firstContact.iso)
                                json.field("contacts", Int64(lane.contacts))
                                json.arrayField("deals") {
                                    for deal in lane.deals {
                                        json.object {
                                            json.field("date", deal.date.iso)
                                            json.field("result", deal.result)
                                            json.field("days", Int64(deal.days))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            json.newline()
        case .csv:
            var csv = CSVWriter(delimiter: ",")
            csv.write(["date", "kind", "status", "referent", "person", "result", "text", "nextDate", "nextTask"])
            for listing in ordered {
                let c = listing.contact
                csv.write([c.date.iso, c.kind, c.status == .task ? (c.doneAt == nil ? "task (open)" : "task (done)") : "contact", c.referent,
                           listing.personName?.withTitles ?? "", c.result ?? "", c.text, c.next?.date.iso ?? "", c.next?.task ?? ""])
            }
            buffer.append(csv.text)
        case .table:
            var table = Printing.contactTable()
            for listing in ordered { Printing.addContact(listing, to: &table) }
            buffer.append(table.render() + "\n")
            if let timeline {
                var lanes = TextTable("referent", "first contact", "contacts", "deals (days from the first contact)")
                for lane in timeline.lanes {
                    lanes.add(lane.referent, lane.firstContact.iso, String(lane.contacts),
                              lane.deals.isEmpty ? "none yet" : lane.deals.map { "\($0.date.iso) \($0.result) (+\($0.days) d)" }.joined(separator: ", "))
                }
                buffer.append("\nTimeline\n" + lanes.render() + "\n")
            }
        }
    }
}
