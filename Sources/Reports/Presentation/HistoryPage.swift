// `history --format html`: a firm's or person's communication as one printable page: every
// contact in time order and, for a firm, each referent's road from the first contact to the deals.

import CRM
import Store

public enum HistoryPage {
    /// - Parameters:
    ///   - labels: code labels by `list.code` (kinds and results), so the page reads in words.
    ///   - timeline: for a firm; nil for a person.
    public static func render(title: String, scope: [String], listings: [ContactListing], timeline: Timeline?,
                              labels: [String: String], generated: String) -> String {
        func label(_ list: String, _ code: String?) -> String { code.map { labels["\(list).\($0)"] ?? $0 } ?? "" }
        var body = HTMLReport.heading(title, scope: scope, generated: generated)
        if let timeline {
            body += "<h2>Od prvního kontaktu k obchodu</h2>\n<table>\n<thead><tr><th scope=\"col\">Referent</th><th scope=\"col\">První kontakt</th>"
            body += "<th scope=\"col\">Kontakty</th><th scope=\"col\">Obchody (dny od prvního kontaktu)</th></tr></thead>\n<tbody>\n"
            for lane in timeline.lanes {
                let deals = lane.deals.isEmpty ? "zatím žádný" : lane.deals.map { "\(CzechFormat.date($0.date)) \(label(CodeListName.result, $0.result)) (+\($0.days) d)" }.joined(separator: "; ")
                body += "<tr><td>\(HTMLText.escape(lane.referent))</td><td class=\"n\">\(CzechFormat.date(lane.firstContact))</td>"
                body += "<td class=\"n\">\(lane.contacts)</td><td>\(HTMLText.escape(deals))</td></tr>\n"
            }
            body += "</tbody>\n</table>\n"
        }
        body += "<h2>Kontakty (\(CzechFormat.count(listings.count)))</h2>\n<table class=\"history\">\n<thead><tr>"
        for heading in ["Datum", "Druh", "Stav", "Referent", "Osoba", "Výsledek", "Text", "Příští kontakt"] { body += "<th scope=\"col\">\(heading)</th>" }
        body += "</tr></thead>\n<tbody>\n"
        for listing in listings {
            let contact = listing.contact
            let state = contact.status == .contact ? "kontakt" : (contact.doneAt == nil ? "úkol (otevřený)" : "úkol (splněný)")
            let next = contact.next.map { "\(CzechFormat.date($0.date.date)) \($0.task) (\($0.referent))" } ?? ""
            let cells = [label(CodeListName.kind, contact.kind), state, contact.referent, listing.personName?.withTitles ?? "",
                         label(CodeListName.result, contact.result)]
            body += "<tr><td class=\"n\">\(HTMLText.escape(dateTime(contact.date)))</td>"
            for cell in cells { body += "<td>\(HTMLText.escape(cell))</td>" }
            body += "<td class=\"text\">\(HTMLText.escape(contact.text))</td><td>\(HTMLText.escape(next))</td></tr>\n"
        }
        body += "</tbody>\n</table>\n"
        return HTMLReport.page(title: title, body: body)
    }

    /// `1. 12. 2026 10:30`, the time only where one was logged.
    private static func dateTime(_ date: ContactDate) -> String {
        let iso = date.iso
        return iso.count > 10 ? CzechFormat.date(date.date) + " " + iso.dropFirst(11) : CzechFormat.date(date.date)
    }
}
