// Human-readable renderings shared by several commands.

import CRM
import Store

enum Printing {
    static func created(_ entity: String, id: Int64, json: Bool) {
        let buffer = OutputBuffer()
        if json {
            let writer = JSONWriter(output: buffer)
            writer.object { writer.field("id", id) }
            writer.newline()
        } else {
            buffer.append("Added \(entity) \(id).\n")
        }
    }

    static func addressBlock(_ block: AddressBlock, json: Bool) {
        let buffer = OutputBuffer()
        if json {
            let writer = JSONWriter(output: buffer)
            writer.object { writer.field("lines", strings: block.lines) }
            writer.newline()
        } else {
            buffer.append(block.text + "\n")
        }
    }

    static func firmCard(_ firm: Firm) -> String {
        var lines = ["\(firm.name)  (firm \(firm.id!))"]
        func add(_ label: String, _ value: String?) { if let value, !value.isEmpty { lines.append("  \(label.padding(11))\(value)") } }
        add("IČO", firm.ico?.digits)
        add("DIČ", firm.dic?.value)
        add("roles", firm.roles.map(\.rawValue).joined(separator: ", "))
        add("address", AddressBlock(firmName: nil, address: firm.address).lines.joined(separator: ", "))
        add("e-mail", firm.email?.value)
        add("phone", firm.phone)
        add("web", firm.web)
        add("note", firm.note)
        for name in firm.attributes.keys.sorted() { add(name, firm.attributes[name]!.description) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func contactTable() -> TextTable { TextTable("id", "date", "kind", "status", "referent", "person", "result", "text", "next") }

    static func addContact(_ listing: ContactListing, to table: inout TextTable) {
        let c = listing.contact
        let status = c.status == .task ? (c.doneAt == nil ? "task (open)" : "task (done)") : "contact"
        let next = c.next.map { "\($0.date.iso) \($0.referent): \($0.task)" } ?? ""
        table.add(cells: [String(c.id!), c.date.iso, c.kind, status, c.referent, listing.personName?.withTitles ?? "", c.result ?? "", c.text, next])
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
