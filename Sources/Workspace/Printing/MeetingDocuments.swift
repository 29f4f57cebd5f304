// The person's card and the firm's dossier as PDFs: the seed's "print the person's details" and
// "print the customer's information as a basis for a meeting", for `kontakt person card`,
// `kontakt firm dossier` and the record pages' download links.

import CRM
import Merge
import Print
import Store

/// A document written: how many pages, and (the dossier) how many contacts it lists.
public struct PrintedDocument: Sendable, Equatable {
    public let pages: Int
    public let contacts: Int
}

extension Workspace {
    public var documents: MeetingDocuments { MeetingDocuments(workspace: self) }

    public struct MeetingDocuments: Sendable {
        let workspace: Workspace

        /// The card of a person with their `recent` latest contacts, written to `path`.
        public func card(personId id: Int64, recent limit: Int = 20, to path: String) throws -> PrintedDocument {
            let (person, firm, recent, book, schema) = try workspace.database.read { db in
                let schema = try AttributeDefinitions.schema(db: db)
                let person = try Persons.fetch(id: id, schema: schema, db: db).person
                var recent: [ContactListing] = []
                try Contacts.forEach(ContactFilter(personId: id, limit: limit), db: db) { recent.append($0) }
                return (person, try Firms.fetch(id: person.firmId, schema: schema, db: db), recent, schema.codeBook, schema)
            }
            let writer = try DocumentWriter(path: path)
            writer.title(person.name.withTitles, subtitle: [person.function, firm.name].compactMap { $0 }.joined(separator: " · "))
            writer.heading("Osoba")
            var fields: [(String, String)] = [
                ("Funkce", person.function ?? ""), ("E-mail", person.email?.value ?? ""), ("Telefon", person.phone ?? ""), ("Mobil", person.mobile ?? ""),
                ("Souhlas s hromadnou poštou", person.emailConsent ? "ano" : "ne"), ("Poznámka", person.note ?? ""),
            ]
            for (label, value) in schema.displayed(person.attributes, of: .person) { fields.append((label, value)) }
            writer.fields(fields)
            writer.heading("Firma")
            writer.fields([("Název", firm.name), ("Adresa", AddressBlock(firmName: nil, address: firm.address).lines.joined(separator: ", ")),
                           ("IČO", firm.ico?.digits ?? ""), ("Telefon", firm.phone ?? ""), ("E-mail", firm.email?.value ?? "")])
            writer.heading("Poslední kontakty")
            writer.table(columns: [("Datum", 28), ("Druh", 22), ("Referent", 20), ("Výsledek", 25), ("Text", 85)],
                         rows: recent.map { [$0.contact.date.iso.replacingOccurrences(of: "T", with: " "), Labels.kind($0.contact.kind, book),
                                             $0.contact.referent, Labels.result($0.contact.result, book), $0.contact.text] })
            try writer.finish()
            return PrintedDocument(pages: writer.pages, contacts: recent.count)
        }

        /// A firm's dossier, written to `path`: data and attributes, a summary (first and last
        /// contact, deals), persons, open tasks and the whole contact history.
        public func dossier(firmId id: Int64, to path: String) throws -> PrintedDocument {
            let (firm, persons, history, book, schema) = try workspace.database.read { db in
                let schema = try AttributeDefinitions.schema(db: db)
                let firm = try Firms.fetch(id: id, schema: schema, db: db)
                var persons: [Person] = []
                try Persons.forEach(firmId: id, schema: schema, db: db) { persons.append($0.person) }
                var history: [ContactListing] = []
                try Contacts.forEach(ContactFilter(firmId: id), db: db) { history.append($0) }
                return (firm, persons, history, schema.codeBook, schema)
            }
            let success = Set(book.values(of: CodeListName.result).filter { $0.outcome == .success }.map(\.code))
            let contacts = history.filter { $0.contact.status == .contact }
            let deals = contacts.filter { $0.contact.result.map(success.contains) ?? false }
            let openTasks = history.filter(\.contact.isOpenTask)
            let writer = try DocumentWriter(path: path)
            writer.title(firm.name, subtitle: "Podklad pro jednání · \(CzechFormat.longDate(workspace.clock().date))")
            var fields: [(String, String)] = [
                ("IČO", firm.ico?.digits ?? ""), ("DIČ", firm.dic?.value ?? ""), ("Role", book.roleLabels(firm.roles)),
                ("Adresa", AddressBlock(firmName: nil, address: firm.address).lines.joined(separator: ", ")), ("E-mail", firm.email?.value ?? ""),
                ("Telefon", firm.phone ?? ""), ("Web", firm.web ?? ""), ("Poznámka", firm.note ?? ""),
            ]
            for (label, value) in schema.displayed(firm.attributes, of: .firm) { fields.append((label, value)) }
            writer.fields(fields)
            writer.heading("Souhrn")
            let dates = contacts.map(\.contact.date).sorted()
            let dealList: [String] = deals.map { deal in CzechFormat.shortDate(deal.contact.date.date) + " " + Labels.result(deal.contact.result, book) }
            let first = dates.first.map { CzechFormat.longDate($0.date) } ?? "žádný"
            let last = dates.last.map { CzechFormat.longDate($0.date) } ?? "žádný"
            writer.fields([("První kontakt", first), ("Poslední kontakt", last), ("Kontaktů", String(contacts.count)),
                           ("Obchody", dealList.isEmpty ? "zatím žádný" : dealList.joined(separator: ", "))])
            writer.heading("Osoby")
            writer.table(columns: [("Jméno", 50), ("Funkce", 40), ("E-mail", 55), ("Telefon", 35)],
                         rows: persons.map { [$0.name.withTitles, $0.function ?? "", $0.email?.value ?? "", $0.phone ?? $0.mobile ?? ""] })
            writer.heading("Otevřené úkoly")
            if openTasks.isEmpty { writer.paragraph("Žádné.") } else {
                writer.table(columns: [("Termín", 28), ("Referent", 22), ("Osoba", 40), ("Úkol", 90)],
                             rows: openTasks.map { [$0.contact.date.iso.replacingOccurrences(of: "T", with: " "), $0.contact.referent,
                                                    $0.personName?.withTitles ?? "", $0.contact.text] })
            }
            writer.heading("Historie kontaktů")
            writer.table(columns: [("Datum", 26), ("Druh", 18), ("Referent", 21), ("Osoba", 32), ("Výsledek", 24), ("Text", 59)],
                         rows: contacts.map { [$0.contact.date.iso.replacingOccurrences(of: "T", with: " "), Labels.kind($0.contact.kind, book),
                                               $0.contact.referent, $0.personName?.withTitles ?? "", Labels.result($0.contact.result, book), $0.contact.text] })
            try writer.finish()
            return PrintedDocument(pages: writer.pages, contacts: contacts.count)
        }
    }
}

/// Codes as the documents show them: the sales team reads Czech labels.
private enum Labels {
    static func kind(_ code: String, _ book: CodeBook) -> String { book.values(of: CodeListName.kind).first { $0.code == code }?.label ?? code }
    static func result(_ code: String?, _ book: CodeBook) -> String {
        guard let code else { return "" }
        return book.values(of: CodeListName.result).first { $0.code == code }?.label ?? code
    }
}
