// A large, deterministic sales database written straight into SQLite, for the segmentation
// benchmark: 200,000 firms, a million persons, two million contacts.

import CRM
import Foundation
import GRDB
import Logging
import Store

/// Writes firms with 10 attributes, persons with 3, and contacts over the last three years.
/// Person `i` belongs to firm `(i - 1) % firms + 1`, so every firm has persons ÷ firms of them.
struct BenchmarkDatabase {
    let firms: Int
    let persons: Int
    let contacts: Int
    var random: SeededRandom

    static let today = CivilDate(year: 2026, month: 11, day: 29)!

    /// Code lists beyond the defaults, with their codes.
    static let codeLists: [(name: String, codes: [String])] = [
        ("territory", ["praha", "cechy", "morava", "slezsko"]),
        ("industry", SampleData.industries),
        ("source", SampleData.sources),
        ("size", ["micro", "small", "medium", "large"]),
        ("language", ["cs", "sk", "en", "de"]),
        ("interest", SampleData.interests),
    ]

    /// The firm attributes, in the order their values are generated.
    static let firmAttributes: [AttributeDefinition] = [
        AttributeDefinition(name: "territory", entity: .firm, type: .text, codeList: "territory", label: "Teritorium"),
        AttributeDefinition(name: "industry", entity: .firm, type: .text, codeList: "industry", label: "Obor"),
        AttributeDefinition(name: "employees", entity: .firm, type: .number, label: "Počet zaměstnanců"),
        AttributeDefinition(name: "source", entity: .firm, type: .text, codeList: "source", label: "Zdroj informace"),
        AttributeDefinition(name: "turnover", entity: .firm, type: .number, label: "Obrat (tis. Kč)"),
        AttributeDefinition(name: "founded", entity: .firm, type: .date, label: "Založeno"),
        AttributeDefinition(name: "rating", entity: .firm, type: .number, label: "Hodnocení 1–5"),
        AttributeDefinition(name: "size", entity: .firm, type: .text, codeList: "size", label: "Velikost"),
        AttributeDefinition(name: "language", entity: .firm, type: .text, codeList: "language", label: "Jazyk"),
        AttributeDefinition(name: "region", entity: .firm, type: .text, label: "Kraj"),
    ]

    static let personAttributes: [AttributeDefinition] = [
        AttributeDefinition(name: "department", entity: .person, type: .text, label: "Oddělení"),
        AttributeDefinition(name: "seniority", entity: .person, type: .number, label: "Roky ve firmě"),
        AttributeDefinition(name: "interest", entity: .person, type: .text, codeList: "interest", label: "Zájem"),
    ]

    static let regions = ["Hlavní město Praha", "Středočeský", "Jihočeský", "Plzeňský", "Karlovarský", "Ústecký", "Liberecký",
                          "Královéhradecký", "Pardubický", "Vysočina", "Jihomoravský", "Olomoucký", "Zlínský", "Moravskoslezský"]


    mutating func write(to path: String) throws {
        var logger = Logger(label: "kontakt-sample")
        logger.logLevel = .warning
        let database = try KontaktDatabase(path: path, create: true, logger: logger)
        try database.write { db in
            try CodeLists.seedDefaults(db: db)
            for referent in ["novak", "svobodova", "dvorak", "cerna", "kral"] {
                try Referents.add(Referent(code: referent, name: referent.capitalized), db: db)
            }
            for list in BenchmarkDatabase.codeLists {
                try CodeLists.addList(name: list.name, label: list.name, db: db)
                for code in list.codes { try CodeLists.addValue(CodeValue(list: list.name, code: code, label: code.capitalized), db: db) }
            }
            let firmAttributeIds = try BenchmarkDatabase.firmAttributes.map { try AttributeDefinitions.define($0, db: db) }
            let personAttributeIds = try BenchmarkDatabase.personAttributes.map { try AttributeDefinitions.define($0, db: db) }
            try BulkLoad.deferringIndexes(on: ["firm", "person", "contact"], db: db) {
                try writeFirms(attributeIds: firmAttributeIds, db: db)
                try writePersons(attributeIds: personAttributeIds, db: db)
                try writeContacts(db: db)
            }
        }
        // As a database in use would have: statistics for the query planner.
        try database.write { db in try db.execute(sql: "ANALYZE") }
    }

    private mutating func writeFirms(attributeIds: [Int64], db: Database) throws {
        let rows = try BatchedInsert(db: db, table: "firm", columns: ["id", "name", "sort_key", "ico", "is_customer", "is_prospect", "is_supplier",
                                                                      "street", "city", "zip", "country", "email", "created_at", "updated_at"], groupSize: 64)
        let attributes = try BatchedInsert(db: db, table: "firm_values", columns: ["firm_id"] + attributeIds.map { "a\($0)" }, groupSize: 64)
        let now = "2026-11-29T08:00:00Z".databaseValue
        for id in 1...firms {
            let owner = random.pick(SampleData.surnames).0
            let name = "\(random.pick(SampleData.firmWords)) \(owner) \(random.pick(SampleData.legalForms))"
            let place = random.pick(SampleData.cities)
            let customer = random.chance(45), prospect = !customer || random.chance(10), supplier = random.chance(8)
            let street = "\(random.pick(SampleData.streets)) \(random.number(1...250))"
            var row: [DatabaseValue] = [id.databaseValue, name.databaseValue, CzechCollation.sortKey(name).databaseValue, String(10_000_000 + id).databaseValue]
            row += [customer.databaseValue, prospect.databaseValue, supplier.databaseValue]
            row += [street.databaseValue, place.city.databaseValue, place.zip.databaseValue, "CZ".databaseValue, "info@firma\(id).cz".databaseValue, now, now]
            rows.add(row)
            let founded = CivilDate(year: random.number(1990...2025), month: random.number(1...12), day: random.number(1...28))!
            var values: [DatabaseValue] = [place.territory.databaseValue, random.pick(SampleData.industries).databaseValue]
            values.append(random.pick([3, 8, 15, 25, 40, 60, 120, 250, 600, 1500]).databaseValue)
            values.append(random.pick(SampleData.sources).databaseValue)
            values.append((random.number(1...500) * 1000).databaseValue)
            values.append(founded.iso.databaseValue)
            values.append(random.number(1...5).databaseValue)
            values.append(random.pick(["micro", "small", "medium", "large"]).databaseValue)
            values.append(random.pick(["cs", "cs", "cs", "sk", "en", "de"]).databaseValue)
            values.append(random.pick(BenchmarkDatabase.regions).databaseValue)
            attributes.add([id.databaseValue] + values)
            if rows.pendingRows >= 64 { try rows.flush(); try attributes.flush() }
        }
        try rows.flush(); try attributes.flush()
    }

    private mutating func writePersons(attributeIds: [Int64], db: Database) throws {
        let rows = try BatchedInsert(db: db, table: "person", columns: ["id", "firm_id", "title_before", "first", "last", "sort_key", "gender",
                                                                        "function", "email", "phone", "email_consent", "created_at", "updated_at"], groupSize: 64)
        let attributes = try BatchedInsert(db: db, table: "person_values", columns: ["person_id"] + attributeIds.map { "a\($0)" }, groupSize: 64)
        let now = "2026-11-29T08:00:00Z".databaseValue
        for id in 1...persons {
            let firm = (id - 1) % firms + 1
            let female = random.chance(45)
            let surname = random.pick(SampleData.surnames)
            let first = female ? random.pick(SampleData.women) : random.pick(SampleData.men)
            let last = female ? surname.1 : surname.0
            let title: String? = random.chance(20) ? random.pick(["Ing.", "Mgr.", "JUDr.", "doc. Ing."]) : nil
            let email: String? = random.chance(85) ? "\(SampleData.ascii(first)).\(SampleData.ascii(last))\(id)@firma\(firm).cz" : nil
            let sortKey = Persons.sortKey(for: PersonName(first: first, last: last))
            let phone = "+420 6\(random.number(10...99)) \(random.number(100...999)) \(random.number(100...999))"
            var row: [DatabaseValue] = [id.databaseValue, firm.databaseValue, title.databaseValue, first.databaseValue, last.databaseValue]
            row += [sortKey.databaseValue, (female ? "f" : "m").databaseValue, random.pick(SampleData.functions).databaseValue, email.databaseValue]
            row += [phone.databaseValue, random.chance(90).databaseValue, now, now]
            rows.add(row)
            let values: [DatabaseValue] = [random.pick(SampleData.departments).databaseValue, random.number(0...30).databaseValue, random.pick(SampleData.interests).databaseValue]
            attributes.add([id.databaseValue] + values)
            if rows.pendingRows >= 64 { try rows.flush(); try attributes.flush() }
        }
        try rows.flush(); try attributes.flush()
    }

    private mutating func writeContacts(db: Database) throws {
        let rows = try BatchedInsert(db: db, table: "contact", columns: ["id", "firm_id", "person_id", "date", "status", "done_at", "kind", "referent",
                                                                         "result", "text", "created_at", "updated_at"], groupSize: 64)
        let kinds = ["call", "call", "call", "call", "meeting", "meeting", "meeting", "email", "email", "negotiation", "letter", "event"]
        let referents = ["novak", "svobodova", "dvorak", "cerna", "kral"]
        let personsPerFirm = max(1, persons / firms)
        let now = "2026-11-29T08:00:00Z".databaseValue
        for id in 1...max(contacts, 1) where contacts > 0 {
            let firm = random.number(1...firms)
            let slot = random.number(0...(personsPerFirm - 1))
            let person: Int? = random.chance(80) && firm + slot * firms <= persons ? firm + slot * firms : nil
            let kind = random.pick(kinds)
            let date = BenchmarkDatabase.today.adding(days: -random.number(0...1095))
            let task = random.chance(3)
            var result: String?
            if !task, kind == "meeting" || kind == "negotiation" {
                result = random.pick(["promise", "promise", "offer", "contract", "contract", "no-interest", "price", "competitor", "no-budget"])
            }
            let doneAt: String? = task && random.chance(50) ? date.iso : nil
            let stamp = "\(date.iso)T\(random.number(10...17)):00"
            let text = random.pick(SampleData.texts[kind] ?? ["Kontakt"])
            var row: [DatabaseValue] = [id.databaseValue, firm.databaseValue, person.databaseValue, stamp.databaseValue]
            row += [(task ? "task" : "contact").databaseValue, doneAt.databaseValue, (task ? "task" : kind).databaseValue]
            row += [random.pick(referents).databaseValue, result.databaseValue, text.databaseValue, now, now]
            rows.add(row)
            if rows.pendingRows >= 64 { try rows.flush() }
        }
        try rows.flush()
    }
}
