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
    ///   - contacts: the firm's contacts (tasks are ignored: they are plans, not contacts).
    ///   - success: the result codes of the success class.
    public init(contacts: [Contact], success: Set<String>) {
        var byReferent: [String: [Contact]] = [:]
        for contact in contacts where contact.status == .contact { byReferent[contact.referent, default: []].append(contact) }
        lanes = byReferent.map { referent, contacts in
            let sorted = contacts.sorted { ($0.date, $0.id ?? 0) < ($1.date, $1.id ?? 0) }
            let first = sorted[0].date.date
            let deals = sorted.filter { $0.result.map(success.contains) ?? false }
                .map { Deal(date: $0.date.date, result: $0.result!, days: $0.date.date.dayNumber - first.dayNumber) }
            return Lane(referent: referent, firstContact: first, contacts: sorted.count, deals: deals)
        }.sorted { ($0.firstContact, $0.referent) < ($1.firstContact, $1.referent) }
    }
}
