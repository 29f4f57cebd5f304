// A firm's road to its deals: per referent, the first contact and each contact whose result is
// of the success class, with the days between.

import CRM

public struct Timeline: Sendable, Equatable {
    public struct Deal: Sendable, Equatable {
        public let date: CivilDate
        public let result: String
        /// Days from the referent's first contact with the firm.
        public let days: Int
    }

    public struct Lane: Sendable, Equatable {
        public let referent: String
        public let firstContact: CivilDate
        public let contacts: Int
        public let deals: [Deal]
    }

    /// One lane per referent who had contacts, in the order of their first contact.
    public let lanes: [Lane]

    /// - Parameters:
    ///   - contacts: the firm's contacts in any order (tasks are ignored: they are plans, not contacts).
    ///   - success: the result codes of the success class.
    public init<Contacts: Sequence<Contact>>(contacts: Contacts, success: Set<String>) {
        // Two passes over the contacts and no copies of them: a firm's history can run to
        // tens of thousands. The first finds each referent's first contact, the second the deals.
        var first: [String: (date: CivilDate, count: Int)] = [:]
        for contact in contacts where contact.status == .contact {
            let day = contact.date.date
            if let known = first[contact.referent] {
                first[contact.referent] = (min(known.date, day), known.count + 1)
            } else {
                first[contact.referent] = (day, 1)
            }
        }
        var deals: [String: [(ContactDate, Int64, Deal)]] = [:]
        for contact in contacts where contact.status == .contact {
            guard let result = contact.result, success.contains(result), let start = first[contact.referent]?.date else { continue }
            let day = contact.date.date
            deals[contact.referent, default: []].append((contact.date, contact.id ?? 0, Deal(date: day, result: result, days: day.dayNumber - start.dayNumber)))
        }
        lanes = first.map { referent, start in
            let ordered = (deals[referent] ?? []).sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
            return Lane(referent: referent, firstContact: start.date, contacts: start.count, deals: ordered)
        }.sorted { ($0.firstContact, $0.referent) < ($1.firstContact, $1.referent) }
    }
}
