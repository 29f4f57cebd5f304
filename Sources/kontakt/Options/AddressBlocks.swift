// The postal blocks of a segment, for labels and envelopes: one per person of a person segment
// (firm, name with titles, the firm's address), one per firm of a firm segment.

import CRM
import GRDB
import Segmentation
import Store

struct AddressBlocks {
    var blocks: [[String]] = []
    /// "person 12", "firm 3": who each block is for, to name them in reports.
    var owners: [String] = []

    init(_ selection: SelectionOptions, db: Database) throws {
        let schema = try AttributeDefinitions.schema(db: db)
        guard let segment = try selection.chosenSegment(defaultTarget: .person, db: db) else { return }
        if segment.target == .firm {
            try Firms.forEach(filter: segment.filter(selecting: .firm), schema: schema, db: db) { firm in
                blocks.append(AddressBlock(firmName: firm.name, address: firm.address).lines)
                owners.append("firm \(firm.id!)")
            }
        } else {
            var firm: Firm?
            try Persons.forEach(filter: segment.filter(selecting: .person), byFirm: true, schema: schema, db: db) { listing in
                let person = listing.person
                if firm?.id != person.firmId { firm = try Firms.fetch(id: person.firmId, schema: schema, db: db) }
                blocks.append(AddressBlock(firmName: firm!.name, person: person.name, gender: person.gender, address: person.postalAddress(firm: firm!)).lines)
                owners.append("person \(person.id!)")
            }
        }
    }

    /// Up to twenty owners of the given 1-based positions, and how many more.
    func named(_ positions: [Int]) -> String {
        let named = positions.prefix(20).map { owners[$0 - 1] }.joined(separator: ", ")
        return positions.count > 20 ? named + " and \(positions.count - 20) more" : named
    }
}
