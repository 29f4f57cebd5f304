// The store on a real SQLite file: migrations, round trips, constraints, transactions.

import CRM
import Foundation
import GRDB
import Testing
@testable import Store

/// A database in memory: the same schema and rules, nothing left on disk.
func temporaryDatabase() throws -> KontaktDatabase {
    let database = try KontaktDatabase(path: ":memory:", create: true)
    try database.write { db in
        try CodeLists.seedDefaults(db: db)
        try Referents.add(Referent(code: "novak", name: "Jan Novák"), db: db)
        try AttributeDefinitions.define(AttributeDefinition(name: "employees", entity: .firm, type: .number), db: db)
        try AttributeDefinitions.define(AttributeDefinition(name: "since", entity: .person, type: .date), db: db)
    }
    return database
}

@Suite struct StoreTests {
    @Test func migrationsRunFromEmptyAndReopenKeepsData() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try KontaktDatabase(path: path, create: true)
        #expect(try database.appliedMigrations() == ["v1-crm-core", "v2-segments", "v3-attribute-columns", "v4-campaigns", "v5-delivery", "v6-campaign-channels", "v7-report-summaries", "v8-delivery-safety", "v9-secrets-labels-referents", "v10-users-audit-search", "v11-record-pages-and-search", "v12-deliverability"])
        try database.write { db in
            _ = try Firms.insert(Firm(name: "Alfa"), schema: try AttributeDefinitions.schema(db: db), db: db)
        }
        let reopened = try KontaktDatabase(path: database.path)
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM firm") } == 1)
        #expect(try reopened.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try reopened.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") } == true)
    }

    /// A file written before attribute columns existed keeps every value when it is opened.
    @Test func attributeRowsMoveIntoColumnsOnUpgrade() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v1-crm-core")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO attribute_definition(id, name, entity, type) VALUES (1, 'employees', 'firm', 'number'), (2, 'since', 'person', 'date');
                INSERT INTO firm(id, name, sort_key, created_at, updated_at) VALUES (1, 'Alfa', 'a', 'x', 'x'), (2, 'Beta', 'b', 'x', 'x');
                INSERT INTO person(id, firm_id, last, sort_key, created_at, updated_at) VALUES (7, 1, 'Nová', 'n', 'x', 'x');
                INSERT INTO firm_attribute VALUES (1, 1, 250);
                INSERT INTO person_attribute VALUES (7, 2, '2020-02-29');
                """)
        }
        try queue.close()
        let database = try KontaktDatabase(path: path)
        let (firms, person) = try database.read { db in
            let schema = try AttributeDefinitions.schema(db: db)
            return (try Firms.fetch(id: 1, schema: schema, db: db).attributes.merging(try Firms.fetch(id: 2, schema: schema, db: db).attributes) { a, _ in a },
                    try Persons.fetch(id: 7, schema: schema, db: db).person.attributes)
        }
        #expect(firms == ["employees": .number(250)])
        #expect(person == ["since": .date(CivilDate(year: 2020, month: 2, day: 29)!)])
        #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM firm_values") } == 2)
        #expect(try database.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE name = 'firm_attribute'") } == nil)
    }

    @Test func missingDatabaseSaysHowToCreateOne() {
        #expect(throws: StoreError.noDatabase(path: "/nonexistent/k.sqlite")) { try KontaktDatabase(path: "/nonexistent/k.sqlite") }
    }

    @Test func firmAndPersonRoundTripWithAttributes() throws {
        let database = try temporaryDatabase()
        let (firm, listing) = try database.write { db in
            let schema = try AttributeDefinitions.schema(db: db)
            let firm = Firm(name: "Žluťoučký kůň s.r.o.", ico: try ICO("25596641"), roles: [.customer, .supplier],
                            address: PostalAddress(street: "Dlouhá 1", city: "Praha 1", zip: "110 00"), attributes: ["employees": .number(1500)])
            let firmId = try Firms.insert(firm, schema: schema, db: db)
            let person = Person(firmId: firmId, name: PersonName(titleBefore: "Ing.", first: "Jana", last: "Nováková"), gender: .female,
                                email: try EmailAddress("jana@kun.cz"), emailConsent: false,
                                attributes: ["since": .date(CivilDate(year: 2020, month: 2, day: 29)!)])
            let personId = try Persons.insert(person, schema: schema, db: db)
            return (try Firms.fetch(id: firmId, schema: schema, db: db), try Persons.fetch(id: personId, schema: schema, db: db))
        }
        #expect(firm.name == "Žluťoučký kůň s.r.o.")
        #expect(firm.ico?.digits == "25596641")
        #expect(firm.roles == [.customer, .supplier])
        #expect(firm.attributes == ["employees": .number(1500)])
        #expect(listing.firmName == firm.name)
        #expect(listing.person.name.titleBefore == "Ing.")
        #expect(listing.person.emailConsent == false)
        #expect(listing.person.attributes["since"] == .date(CivilDate(year: 2020, month: 2, day: 29)!))
        // Whole numbers are stored as INTEGER, so SQL compares them numerically.
        #expect(try database.read { db in try String.fetchOne(db, sql: "SELECT typeof(fv.a\(try AttributeDefinitions.all(db: db).first { $0.name == "employees" }!.id!)) FROM firm_values fv") } == "integer")
    }

    @Test func duplicateIcoNamesTheFirmThatHasIt() throws {
        let database = try temporaryDatabase()
        #expect(throws: ValidationError(field: "ico", message: "the IČO 25596641 belongs to firm 1 \"Alfa\" already")) {
            try database.write { db in
                let schema = try AttributeDefinitions.schema(db: db)
                try Firms.insert(Firm(name: "Alfa", ico: try ICO("25596641")), schema: schema, db: db)
                try Firms.insert(Firm(name: "Beta", ico: try ICO("25596641")), schema: schema, db: db)
            }
        }
        // The failed command wrote nothing, not even the first firm.
        #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM firm") } == 0)
    }

    @Test func contactWithNextContactCreatesTheTaskAndDoneClosesIt() throws {
        let database = try temporaryDatabase()
        try database.write { db in
            let firmId = try Firms.insert(Firm(name: "Alfa"), schema: try AttributeDefinitions.schema(db: db), db: db)
            let contact = Contact(firmId: firmId, date: try ContactDate(parsing: "2026-11-29T10:00"), kind: "meeting", referent: "novak",
                                  result: "promise", text: "Schůzka",
                                  next: NextContact(date: try ContactDate(parsing: "2026-12-05"), task: "Poslat nabídku", referent: "novak"))
            let ids = try Contacts.record(contact, db: db)
            let taskId = try #require(ids.taskId)
            var open: [Int64] = []
            try Contacts.forEach(ContactFilter(openTasksOnly: true), db: db) { open.append($0.contact.id!) }
            #expect(open == [taskId])
            #expect(try Contacts.fetch(id: taskId, db: db).contact.originContactId == ids.contactId)
            try Contacts.markDone(id: taskId, at: try ContactDate(parsing: "2026-12-04"), db: db)
            open = []
            try Contacts.forEach(ContactFilter(openTasksOnly: true), db: db) { open.append($0.contact.id!) }
            #expect(open.isEmpty)
            #expect(throws: StoreError.self) { try Contacts.markDone(id: ids.contactId, at: try ContactDate(parsing: "2026-12-04"), db: db) }
        }
    }

    @Test func personMustBelongToTheContactsFirm() throws {
        let database = try temporaryDatabase()
        try database.write { db in
            let schema = try AttributeDefinitions.schema(db: db)
            let alfa = try Firms.insert(Firm(name: "Alfa"), schema: schema, db: db)
            let beta = try Firms.insert(Firm(name: "Beta"), schema: schema, db: db)
            let person = try Persons.insert(Person(firmId: beta, name: PersonName(first: "Jan", last: "Novák")), schema: schema, db: db)
            let contact = Contact(firmId: alfa, personId: person, date: try ContactDate(parsing: "2026-11-29"), kind: "call", referent: "novak", text: "x")
            #expect(throws: ValidationError(field: "person", message: "person \(person) belongs to firm \(beta), not to firm \(alfa)")) {
                try Contacts.record(contact, db: db)
            }
        }
    }

    @Test func removingHistoryNeedsForceAndLeavesASnapshot() throws {
        let database = try temporaryDatabase()
        let firmId = try database.write { db in
            let firmId = try Firms.insert(Firm(name: "Alfa"), schema: try AttributeDefinitions.schema(db: db), db: db)
            try Contacts.record(Contact(firmId: firmId, date: try ContactDate(parsing: "2026-11-29"), kind: "call", referent: "novak", text: "Telefonát"), db: db)
            return firmId
        }
        #expect(throws: StoreError.self) { try database.write { db in try Firms.remove(id: firmId, force: false, reason: nil, db: db) } }
        try database.write { db in try Firms.remove(id: firmId, force: true, reason: "duplicate", db: db) }
        let snapshot = try database.read { db in try Row.fetchOne(db, sql: "SELECT reason, json_extract(snapshot, '$.text') AS text FROM contact_removal") }
        #expect(snapshot?["reason"] == "duplicate")
        #expect(snapshot?["text"] == "Telefonát")
        #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contact") } == 0)
    }

    @Test func firmsStreamInCzechOrderWithTheirAttributes() throws {
        let database = try temporaryDatabase()
        var names: [String] = []
        var employees: [AttributeValue?] = []
        try database.write { db in
            let schema = try AttributeDefinitions.schema(db: db)
            for (name, count) in [("Žák", 1.0), ("Chmel", 2), ("Čáp", 3), ("Hora", 4), ("Cukr", 5)] {
                try Firms.insert(Firm(name: name, attributes: ["employees": .number(count)]), schema: schema, db: db)
            }
            try Firms.forEach(schema: schema, db: db) { names.append($0.name); employees.append($0.attributes["employees"]) }
        }
        #expect(names == ["Cukr", "Čáp", "Hora", "Chmel", "Žák"])
        #expect(employees == [.number(5), .number(3), .number(4), .number(2), .number(1)])
    }
}
