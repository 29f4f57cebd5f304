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

    /// The firm as its header in `firm show`: labels of roles, attributes and their values.
    static func firmCard(_ firm: Firm, schema: AttributeSchema) -> String {
        var lines = ["\(firm.name)  (firm \(firm.id!))"]
        func add(_ label: String, _ value: String?) { if let value, !value.isEmpty { lines.append("  \(label.padding(11))\(value)") } }
        add("IČO", firm.ico?.digits)
        add("DIČ", firm.dic?.value)
        add("roles", schema.codeBook.roleLabels(firm.roles))
        add("address", AddressBlock(firmName: nil, address: firm.address).lines.joined(separator: ", "))
        add("e-mail", firm.email?.value)
        add("phone", firm.phone)
        add("web", firm.web)
        add("note", firm.note)
        for (label, value) in schema.displayed(firm.attributes, of: .firm) { add(label, value) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func contactTable() -> TextTable { TextTable("id", "date", "kind", "status", "referent", "person", "result", "text", "next") }

    /// A contact's row; with `book`, its kind and result show as their labels ("Schůzka").
    static func addContact(_ listing: ContactListing, to table: inout TextTable, book: CodeBook? = nil) {
        let c = listing.contact
        func label(_ code: String?, in list: String) -> String {
            guard let code else { return "" }
            return book?.values(of: list).first { $0.code == code }?.label ?? code
        }
        let status = c.status == .task ? (c.doneAt == nil ? "task (open)" : "task (done)") : "contact"
        let next = c.next.map { "\($0.date.iso) \($0.referent): \($0.task)" } ?? ""
        table.add(cells: [String(c.id!), c.date.iso, label(c.kind, in: CodeListName.kind), status, c.referent, listing.personName?.withTitles ?? "",
                          label(c.result, in: CodeListName.result), c.text, next])
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
