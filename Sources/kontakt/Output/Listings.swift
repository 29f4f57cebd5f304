// The person and firm lists, as `person list`, `firm list` and `segment preview` print them.

import CRM
import GRDB
import Store

enum Listings {
    static func persons(firmId: Int64? = nil, filter: RowFilter?, limit: Int?, json: Bool, schema: AttributeSchema, db: Database, into buffer: OutputBuffer) throws {
        if json {
            let writer = JSONWriter(output: buffer)
            try writer.array { try Persons.forEach(firmId: firmId, filter: filter, limit: limit, schema: schema, db: db) { try writer.person($0) } }
            writer.newline()
        } else {
            var table = TextTable("id", "name", "firm", "function", "email", "phone")
            try Persons.forEach(firmId: firmId, filter: filter, limit: limit, schema: schema, db: db) { l in
                table.add(String(l.person.id!), l.person.name.withTitles, l.firmName, l.person.function ?? "",
                          l.person.email?.value ?? "", l.person.phone ?? l.person.mobile ?? "")
            }
            buffer.append(table.render() + "\n")
        }
    }

    static func firms(filter: RowFilter?, limit: Int?, json: Bool, schema: AttributeSchema, db: Database, into buffer: OutputBuffer) throws {
        if json {
            let writer = JSONWriter(output: buffer)
            try writer.array { try Firms.forEach(filter: filter, limit: limit, schema: schema, db: db) { try writer.firm($0) } }
            writer.newline()
        } else {
            var table = TextTable("id", "name", "ico", "roles", "city", "email")
            try Firms.forEach(filter: filter, limit: limit, schema: schema, db: db) { firm in
                table.add(String(firm.id!), firm.name, firm.ico?.digits ?? "", firm.roles.map(\.rawValue).joined(separator: ","),
                          firm.address.city ?? "", firm.email?.value ?? "")
            }
            buffer.append(table.render() + "\n")
        }
    }
}
