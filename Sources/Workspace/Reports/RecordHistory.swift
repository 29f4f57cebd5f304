// The whole history of a firm or a person over a period, oldest first, with what to call it
// and the labels of its codes: what `kontakt history` prints as text, CSV, JSON or HTML.

import CRM
import Store

public struct RecordHistory: Sendable {
    /// The firm's name, or the person's name with titles and their firm.
    public let subject: String
    /// Oldest first.
    public let contacts: [ContactListing]
    public let codeBook: CodeBook
}

public enum HistorySubject: Sendable, Equatable {
    case firm(Int64)
    case person(Int64)
}

extension Workspace {
    public func history(of subject: HistorySubject, from: CivilDate? = nil, to: CivilDate? = nil) throws -> RecordHistory {
        try database.read { db in
            let schema = try catalogCache.catalog(db).schema
            let name: String
            var filter = ContactFilter(from: from, to: to)
            switch subject {
            case .firm(let id):
                name = try Firms.fetch(id: id, schema: schema, db: db).name
                filter.firmId = id
            case .person(let id):
                let listing = try Persons.fetch(id: id, schema: schema, db: db)
                name = "\(listing.person.name.withTitles), \(listing.firmName)"
                filter.personId = id
            }
            var contacts: [ContactListing] = []
            try Contacts.forEach(filter, db: db) { contacts.append($0) }
            // The store lists newest first, by (date, id).
            return RecordHistory(subject: name, contacts: contacts.reversed(), codeBook: schema.codeBook)
        }
    }
}
