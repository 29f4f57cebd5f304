// Turning one CSV row into a firm, person or contact, with the look-ups rows refer to.

import CRM
import GRDB
import Store

struct RowImporter {
    let target: ImportTarget
    let schema: AttributeSchema
    private var firmIdsByIco: [String: Int64] = [:]
    private var firmIdsByName: [String: [Int64]] = [:]
    private var persons = PersonLookup()
    private var references: ContactReferences?
    private(set) var tasksCreated = 0

    init(target: ImportTarget, schema: AttributeSchema, db: Database) throws {
        self.target = target
        self.schema = schema
        if target != .firms {
            firmIdsByIco = try Firms.idsByIco(db: db)
            firmIdsByName = try Firms.idsByName(db: db)
        }
        if target == .contacts {
            persons = try Persons.lookup(db: db)
            references = ContactReferences(codeBook: schema.codeBook, referents: try Referents.all(db: db))
        }
    }

    mutating func importRow(_ row: ImportRow, db: Database) throws {
        switch target {
        case .firms:
            let input = FirmInput(name: row["name"], ico: row["ico"], dic: row["dic"], roles: row["roles"].map { [$0] },
                                  street: row["street"], city: row["city"], zip: row["zip"], country: row["country"],
                                  email: row["email"], phone: row["phone"], web: row["web"], note: row["note"], attributes: row.attributes)
            try Firms.insert(try Firm.create(input, schema: schema), schema: schema, db: db)
        case .persons:
            var errors = ValidationErrors()
            var firmId: Int64?
            errors.capture { firmId = try resolveFirm(row["firm"]) }
            let input = PersonInput(first: row["first"], last: row["last"] ?? "", titleBefore: row["titleBefore"], titleAfter: row["titleAfter"],
                                    gender: row["gender"], function: row["function"], email: row["email"], phone: row["phone"],
                                    mobile: row["mobile"], note: row["note"], emailConsent: row["emailConsent"], attributes: row.attributes)
            var person: Person?
            errors.capture { person = try Person.create(firmId: firmId ?? 0, input, schema: schema) }
            try errors.throwIfAny()
            try Persons.insert(person!, schema: schema, db: db)
        case .contacts:
            try importContact(row, db: db)
        }
    }

    private mutating func importContact(_ row: ImportRow, db: Database) throws {
        var errors = ValidationErrors()
        var firmId: Int64?
        var personId: Int64?
        errors.capture { firmId = try resolveFirm(row["firm"]) }
        if let firmId, let reference = row["person"] {
            errors.capture { personId = try resolvePerson(reference, firmId: firmId) }
        }
        var contact = Contact(firmId: firmId ?? 0, personId: personId, date: ContactDate(date: CivilDate(dayNumber: 0)), kind: "", referent: "", text: "")
        errors.capture {
            let input = ContactInput(date: row["date"] ?? "", status: row["status"], kind: row["kind"] ?? "", referent: row["referent"] ?? "",
                                     result: row["result"], text: row["text"] ?? "", note: row["note"], nextDate: row["nextDate"],
                                     nextTask: row["nextTask"], nextReferent: row["nextReferent"])
            try contact.apply(input, references: references!)
        }
        errors.capture {
            if let done = row["doneAt"] {
                guard contact.status == .task else { throw ValidationError(field: "doneAt", message: "only a task can be done; set status to task or leave doneAt empty") }
                contact.doneAt = try ContactDate(parsing: done, field: "doneAt")
            }
        }
        try errors.throwIfAny()
        if try Contacts.record(contact, db: db).taskId != nil { tasksCreated += 1 }
    }

    /// A firm by IČO (digits) or by exact name.
    private func resolveFirm(_ reference: String?) throws -> Int64 {
        guard let reference else { throw ValidationError(field: "firm", message: "the firm is missing: give its IČO or exact name") }
        if let id = firmIdsByIco[reference] { return id }
        let compact = reference.filter { !$0.isWhitespace }
        if compact.allSatisfy(\.isNumber), let ico = try? ICO(compact), let id = firmIdsByIco[ico.digits] { return id }
        let ids = firmIdsByName[reference] ?? []
        if ids.count == 1 { return ids[0] }
        if ids.count > 1 {
            throw ValidationError(field: "firm", message: "\(ids.count) firms are named \"\(reference)\" (ids \(ids.map(String.init).joined(separator: ", "))): use the IČO")
        }
        let hint = firmIdsByName.count <= 5_000 ? NearestMatch.hint(for: reference, among: Array(firmIdsByName.keys)) : ""
        throw ValidationError(field: "firm", message: "no firm has the IČO or name \"\(reference)\"\(hint)")
    }

    private func resolvePerson(_ reference: String, firmId: Int64) throws -> Int64 {
        let ids = persons.find(reference, firmId: firmId)
        if ids.count == 1 { return ids[0] }
        if ids.isEmpty {
            throw ValidationError(field: "person", message: "firm \(firmId) has no person with the e-mail or name \"\(reference)\"")
        }
        throw ValidationError(field: "person", message: "firm \(firmId) has \(ids.count) persons matching \"\(reference)\": use the e-mail")
    }
}
