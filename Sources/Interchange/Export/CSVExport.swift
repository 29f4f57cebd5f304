// Firms, persons and contacts as CSV with the columns the importer reads back (and one column
// per attribute), in UTF-8 (with a BOM for Excel, on request) or Windows-1250. No id column:
// a file imported elsewhere matches firms by IČO or name, as the importer does.

import CRM

public enum CSVExport {
    public static func firmHeader(attributes: [String]) -> [String] {
        ["name", "ico", "dic", "roles", "street", "city", "zip", "country", "email", "phone", "web", "note"] + attributes
    }

    public static func firmRow(_ firm: Firm, attributes: [String]) -> [String] {
        [firm.name, firm.ico?.digits ?? "", firm.dic?.value ?? "", firm.roles.map(\.rawValue).joined(separator: ","),
         firm.address.street ?? "", firm.address.city ?? "", firm.address.zip ?? "", firm.address.country.code, firm.email?.value ?? "",
         firm.phone ?? "", firm.web ?? "", firm.note ?? ""] + attributes.map { firm.attributes[$0]?.description ?? "" }
    }

    public static func personHeader(attributes: [String]) -> [String] {
        ["firm", "titleBefore", "first", "last", "titleAfter", "gender", "function", "email", "phone", "mobile", "note", "emailConsent"] + attributes
    }

    /// `firm` names the person's firm by IČO where it has one (as the importer matches it), else by name.
    public static func personRow(_ person: Person, firm: Firm, attributes: [String]) -> [String] {
        [firm.ico?.digits ?? firm.name, person.name.titleBefore ?? "", person.name.first, person.name.last,
         person.name.titleAfter ?? "", person.gender == .unknown ? "" : person.gender.rawValue, person.function ?? "", person.email?.value ?? "",
         person.phone ?? "", person.mobile ?? "", person.note ?? "", person.emailConsent ? "yes" : "no"]
            + attributes.map { person.attributes[$0]?.description ?? "" }
    }

    public static let contactHeader = ["firm", "person", "date", "kind", "status", "referent", "result", "text", "note",
                                       "nextDate", "nextTask", "nextReferent", "doneAt"]

    public static func contactRow(_ contact: Contact, firm: String, person: String) -> [String] {
        [firm, person, contact.date.iso, contact.kind, contact.status.rawValue, contact.referent, contact.result ?? "",
         contact.text, contact.note ?? "", contact.next?.date.iso ?? "", contact.next?.task ?? "", contact.next?.referent ?? "",
         contact.doneAt?.iso ?? ""]
    }
}
