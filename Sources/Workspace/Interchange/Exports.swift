// Exports for both front ends: firms, persons or contacts as CSV (the columns `import` reads
// back, one per attribute, formulas neutralised), persons as vCard, open tasks and meetings as
// iCalendar — each read in one snapshot.

import CRM
import Interchange
import Store

public enum ExportTable: String, Sendable, CaseIterable {
    case firms, persons, contacts
}

/// How a spreadsheet is to read a CSV: Czech Excel opens `;`-separated files, in Windows-1250
/// unless the UTF-8 starts with a byte-order mark.
public enum SpreadsheetEncoding: String, Sendable, CaseIterable {
    case utf8BOM = "utf-8", windows1250 = "windows-1250"
}

extension Workspace {
    public var exports: Exports { Exports(workspace: self) }

    public struct Exports: Sendable {
        let workspace: Workspace

        /// The firms or persons a selection picks (for contacts: the contacts of the picked
        /// firms; nil: all) as CSV text, to be encoded by the caller.
        public func csv(_ table: ExportTable, selection: SegmentChoice?, delimiter: Character) throws -> String {
            let today = workspace.clock().date
            return try workspace.database.read { db in
                func filter(_ entity: EntityKind) throws -> RowFilter? { try workspace.filter(selection, selecting: entity, today: today, db: db) }
                var csv = CSVWriter(delimiter: delimiter, neutralizingFormulas: true)
                let schema = try workspace.catalogCache.catalog(db).schema
                switch table {
                case .firms:
                    let names = schema.definitions.filter { $0.entity == .firm }.map(\.name)
                    csv.write(CSVExport.firmHeader(attributes: names))
                    try Firms.forEach(filter: filter(.firm), schema: schema, db: db) { csv.write(CSVExport.firmRow($0, attributes: names)) }
                case .persons:
                    let names = schema.definitions.filter { $0.entity == .person }.map(\.name)
                    csv.write(CSVExport.personHeader(attributes: names))
                    var firm: Firm?
                    try Persons.forEach(filter: filter(.person), byFirm: true, schema: schema, db: db) { listing in
                        if firm?.id != listing.person.firmId { firm = try Firms.fetch(id: listing.person.firmId, schema: schema, db: db) }
                        csv.write(CSVExport.personRow(listing.person, firm: firm!, attributes: names))
                    }
                case .contacts:
                    csv.write(CSVExport.contactHeader)
                    func add(_ listing: ContactListing) { csv.write(CSVExport.contactRow(listing.contact, firm: listing.firmName, person: listing.personName?.withTitles ?? "")) }
                    if let firms = try filter(.firm) {
                        try Firms.forEach(filter: firms, schema: schema, db: db) { firm in try Contacts.forEach(ContactFilter(firmId: firm.id), db: db, add) }
                    } else {
                        try Contacts.forEach(ContactFilter(), db: db, add)
                    }
                }
                return csv.text
            }
        }

        /// The same as bytes a spreadsheet opens as they are: `;`-separated, UTF-8 with a BOM or
        /// Windows-1250 (a character it cannot hold is an error naming the record, never a "?").
        public func spreadsheet(_ table: ExportTable, selection: SegmentChoice?, encoding: SpreadsheetEncoding) throws -> [UInt8] {
            let text = try csv(table, selection: selection, delimiter: ";")
            switch encoding {
            case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
            case .windows1250: return try TextEncoding.windows1250.encode(text)
            }
        }

        /// One person's vCard, or those of the persons a selection picks, in firm order.
        public func vCards(person: Int64?, selection: SegmentChoice?) throws -> String {
            let today = workspace.clock().date
            return try workspace.database.read { db in
                let schema = try workspace.catalogCache.catalog(db).schema
                if let person {
                    let listing = try Persons.fetch(id: person, schema: schema, db: db)
                    return VCardExport.card(listing.person, firm: try Firms.fetch(id: listing.person.firmId, schema: schema, db: db))
                }
                var cards = ""
                var firm: Firm?
                let filter = try workspace.filter(selection, selecting: .person, today: today, db: db)
                try Persons.forEach(filter: filter, byFirm: true, schema: schema, db: db) { listing in
                    if firm?.id != listing.person.firmId { firm = try Firms.fetch(id: listing.person.firmId, schema: schema, db: db) }
                    cards += VCardExport.card(listing.person, firm: firm!)
                }
                return cards
            }
        }

        /// Open tasks (VTODO) and meetings (VEVENT), of one referent or all, with stable UIDs.
        public func calendar(referent: String?) throws -> String {
            try workspace.database.read { db in
                if let referent, try Referents.fetch(code: referent, db: db) == nil { throw StoreError.notFound(entity: "referent", id: "\"\(referent)\"") }
                let stamp = Timestamp.now().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
                var calendar = CalendarExport.header()
                try Contacts.forEach(ContactFilter(referent: referent), db: db) { listing in
                    if let component = CalendarExport.component(listing.contact, firmName: listing.firmName, personName: listing.personName?.withTitles, stamp: stamp) {
                        calendar += component
                    }
                }
                return calendar + CalendarExport.footer
            }
        }
    }
}
