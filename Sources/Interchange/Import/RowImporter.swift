// Turning CSV rows into firms, persons or contacts: a pure, thread-safe preparation (parsing,
// validation, look-ups in memory) and the insertion that follows it in the transaction.

import CRM
import GRDB
import Store

/// A row that passed every check and is ready to be written.
enum PreparedRow: Sendable {
    /// With the firm already in the CRM under its IČO (or, without one, its name and town).
    case firm(Firm, existing: Int64?)
    /// A firm in the CRM updated from the row's cells (`--on-duplicate update`).
    case updateFirm(Int64, input: FirmInput)
    /// With its sort key, computed while preparing so the writing thread need not, and the
    /// person already in the CRM with its e-mail, if any.
    case person(Person, sortKey: String, existing: Int64?)
    /// A person in the CRM updated from the row's cells (`--on-duplicate update`).
    case update(Int64, firmId: Int64, input: PersonInput)
    case contact(Contact)
}

/// Checks rows against the schema and the records they refer to. It only reads what it loaded
/// at the start, so many rows can be prepared at once on several cores.
struct RowPreparer: Sendable {
    let target: ImportTarget
    let schema: AttributeSchema
    let mapping: ColumnMapping
    private var firmIdsByIco: [String: Int64] = [:]
    private var firmIdsByName: [String: [Int64]] = [:]
    private var persons = PersonLookup()
    private var references: ContactReferences?
    /// Persons by lower-cased e-mail, and (for rows without one) by firm and name, for
    /// spotting a row that is already in the CRM.
    private var personsByEmail: [String: Int64] = [:]
    private var personsByNameInFirm: [String: Int64] = [:]
    /// Firms by IČO and by folded name and town, for spotting a firm row already in the CRM.
    private var firmsByIco: [String: Int64] = [:]
    private var firmsByNameAndTown: [String: Int64] = [:]

    init(target: ImportTarget, schema: AttributeSchema, mapping: ColumnMapping, db: Database) throws {
        self.target = target
        self.schema = schema
        self.mapping = mapping
        if target != .firms {
            firmIdsByIco = try Firms.idsByIco(db: db)
            firmIdsByName = try Firms.idsByName(db: db)
        } else {
            firmsByIco = try Firms.idsByIco(db: db)
            firmsByNameAndTown = try Firms.idsByNameAndTown(db: db)
        }
        if target == .persons {
            personsByEmail = try Persons.idsByEmail(db: db)
            personsByNameInFirm = try Persons.idsByNameInFirm(db: db)
        }
        if target == .contacts {
            persons = try Persons.lookup(db: db)
            references = ContactReferences(codeBook: schema.codeBook, referents: try Referents.all(db: db), allowsInactive: true)
        }
    }

    func prepare(_ record: CSVRecord) throws -> PreparedRow {
        guard record.fields.count == mapping.header.count else {
            throw ValidationError(field: "record", message: "expected \(mapping.header.count) fields as in the header, found \(record.fields.count)")
        }
        let row = ImportRow(mapping: mapping, fields: record.fields)
        switch target {
        case .firms:
            let input = FirmInput(name: row["name"], ico: row["ico"], dic: row["dic"], roles: row["roles"].map { [$0] },
                                  street: row["street"], city: row["city"], zip: row["zip"], country: row["country"],
                                  email: row["email"], phone: row["phone"], web: row["web"], note: row["note"], attributes: row.attributes)
            let firm = try Firm.create(input, schema: schema)
            let existing = firm.ico.flatMap { firmsByIco[$0.digits] } ?? (firm.ico == nil ? firmsByNameAndTown[Firms.nameAndTownKey(firm)] : nil)
            return .firm(firm, existing: existing)
        case .persons:
            var errors = ValidationErrors()
            var firmId: Int64?
            errors.capture { firmId = try resolveFirm(row["firm"]) }
            var person: Person?
            errors.capture { person = try Person.create(firmId: firmId ?? 0, personInput(row), schema: schema) }
            try errors.throwIfAny()
            let existing = person!.email.map { personsByEmail[$0.value.lowercased()] }
                ?? personsByNameInFirm[Persons.nameInFirmKey(firmId: person!.firmId, first: person!.name.first, last: person!.name.last)]
            return .person(person!, sortKey: Persons.sortKey(for: person!.name), existing: existing)
        case .contacts:
            return .contact(try prepareContact(row))
        }
    }

    /// The person cells of a row as typed input: blank cells are nil, so an update keeps them.
    func input(_ record: CSVRecord) -> PersonInput { personInput(ImportRow(mapping: mapping, fields: record.fields)) }

    /// The firm cells of a row the same way.
    func firmInput(_ record: CSVRecord) -> FirmInput {
        let row = ImportRow(mapping: mapping, fields: record.fields)
        return FirmInput(name: row["name"], ico: row["ico"], dic: row["dic"], roles: row["roles"].map { [$0] },
                         street: row["street"], city: row["city"], zip: row["zip"], country: row["country"],
                         email: row["email"], phone: row["phone"], web: row["web"], note: row["note"], attributes: row.attributes)
    }

    private func personInput(_ row: ImportRow) -> PersonInput {
        PersonInput(first: row["first"], last: row["last"] ?? "", titleBefore: row["titleBefore"], titleAfter: row["titleAfter"],
                    gender: row["gender"], function: row["function"], email: row["email"], phone: row["phone"],
                    mobile: row["mobile"], note: row["note"], emailConsent: row["emailConsent"], attributes: row.attributes,
                    street: row["street"], city: row["city"], zip: row["zip"], country: row["country"])
    }

    private func prepareContact(_ row: ImportRow) throws -> Contact {
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
        return contact
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

/// Writes prepared rows with statements prepared once for the whole file.
struct RowWriter {
    private let firms: Firms.Writer
    private let persons: Persons.Writer
    private let schema: AttributeSchema
    private let db: Database

    /// - Parameter groupSize: persons written per statement; 1 when each row must succeed or
    ///   fail on its own (--skip-invalid).
    init(schema: AttributeSchema, db: Database, groupSize: Int) throws {
        firms = try Firms.Writer(schema: schema, db: db)
        persons = try Persons.Writer(schema: schema, db: db, groupSize: groupSize)
        self.schema = schema
        self.db = db
    }

    /// Writes rows still queued.
    func finish() throws {
        try persons.flush()
    }

    /// Writes the row; returns whether it also created a follow-up task.
    func insert(_ row: PreparedRow) throws -> Bool {
        switch row {
        case .firm(let firm, existing: _): try firms.insert(firm)
        case .updateFirm(let id, let input):
            var firm = try Firms.fetch(id: id, schema: schema, db: db)
            try firm.apply(input, schema: schema)
            try Firms.update(firm, schema: schema, db: db)
        case .person(let person, let sortKey, existing: _): try persons.insert(person, sortKey: sortKey)
        case .update(let id, let firmId, var input):
            var person = try Persons.fetch(id: id, schema: schema, db: db).person
            person.firmId = firmId
            // An absent last-name cell keeps the stored name.
            if input.last?.isEmpty == true { input.last = nil }
            try person.apply(input, schema: schema)
            try Persons.update(person, schema: schema, db: db)
        case .contact(let contact): return try Contacts.record(contact, db: db).taskId != nil
        }
        return false
    }
}
