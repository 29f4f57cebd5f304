// The person and firm lists, as `person list`, `firm list` and `segment preview` print them.

import CRM
import GRDB
import Store
import Workspace

enum Listings {
    static func persons(firmId: Int64? = nil, filter: RowFilter?, limit: Int?, json: Bool, schema: AttributeSchema, db: Database, into buffer: OutputBuffer) throws {
        try matches(of: .person, json: json, into: buffer) { add in
            try Persons.forEach(firmId: firmId, filter: filter, limit: limit, schema: schema, db: db) { try add(.person($0)) }
        }
    }

    static func firms(filter: RowFilter?, limit: Int?, json: Bool, schema: AttributeSchema, db: Database, into buffer: OutputBuffer) throws {
        try matches(of: .firm, json: json, into: buffer) { add in
            try Firms.forEach(filter: filter, limit: limit, schema: schema, db: db) { try add(.firm($0)) }
        }
    }

    /// Writes the rows `produce` hands over: a JSON array as they come, or a table of persons
    /// or firms. Answers what `produce` answers.
    @discardableResult
    static func matches<Result>(of target: EntityKind, json: Bool, into buffer: OutputBuffer,
                                _ produce: (_ add: (SegmentMatch) throws -> Void) throws -> Result) throws -> Result {
        if json {
            let writer = JSONWriter(output: buffer)
            var result: Result?
            try writer.array {
                result = try produce { match in
                    switch match {
                    case .person(let listing): try writer.person(listing)
                    case .firm(let firm): try writer.firm(firm)
                    }
                }
            }
            writer.newline()
            return result!
        }
        var table = target == .person ? TextTable("id", "name", "firm", "function", "email", "phone") : TextTable("id", "name", "ico", "roles", "city", "email")
        let result = try produce { match in
            switch match {
            case .person(let l):
                table.add(String(l.person.id!), l.person.name.withTitles, l.firmName, l.person.function ?? "",
                          l.person.email?.value ?? "", l.person.phone ?? l.person.mobile ?? "")
            case .firm(let firm):
                table.add(String(firm.id!), firm.name, firm.ico?.digits ?? "", firm.roles.map(\.rawValue).joined(separator: ","),
                          firm.address.city ?? "", firm.email?.value ?? "")
            }
        }
        buffer.append(table.render() + "\n")
        return result
    }
}
