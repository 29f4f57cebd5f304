// Writers with bound statements and bulk loads with deferred indexes, on a real SQLite file.

import CRM
import GRDB
import Testing
@testable import Store

@Suite struct BulkWriteTests {
    func indexNames(_ database: KontaktDatabase) throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        }
    }

    @Test func deferredIndexesComeBackAfterTheLoad() throws {
        let database = try temporaryDatabase()
        let before = try indexNames(database)
        let insideLoad = try database.write { db in
            try BulkLoad.deferringIndexes(on: ["person", "person_values"], db: db) {
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person' AND sql IS NOT NULL")
            }
        }
        #expect(insideLoad.isEmpty)
        #expect(try indexNames(database) == before)
        #expect(before.contains("person_by_sort_key"))
    }

    @Test func aFailedLoadRollsBackWithItsIndexes() throws {
        let database = try temporaryDatabase()
        let before = try indexNames(database)
        struct Failure: Error {}
        #expect(throws: Failure.self) {
            try database.write { db in
                try BulkLoad.deferringIndexes(on: ["person"], db: db) {
                    try Firms.insert(Firm(name: "Alfa"), schema: try AttributeDefinitions.schema(db: db), db: db)
                    throw Failure()
                }
            }
        }
        #expect(try indexNames(database) == before)
        #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM firm") } == 0)
    }

    @Test func boundStatementsKeepEmptyTextApartFromNull() throws {
        let database = try temporaryDatabase()
        let stored = try database.write { db -> [String?] in
            let insert = try BoundStatement(db: db, sql: "INSERT INTO setting(key, value) VALUES (?, ?)")
            insert.bind(1, "empty"); insert.bind(2, "")
            try insert.execute()
            insert.bind(1, "czech"); insert.bind(2, "Žluťoučký kůň")
            try insert.execute()
            insert.bind(1, "czech"); insert.bind(2, "again")
            #expect(throws: DatabaseError.self) { try insert.execute() } // the key is unique
            return try String?.fetchAll(db, sql: "SELECT value FROM setting ORDER BY key")
        }
        #expect(stored == ["Žluťoučký kůň", ""])
    }

    @Test func writerStoresEveryAttributeOfEveryPerson() throws {
        let database = try temporaryDatabase()
        try database.write { db in
            try AttributeDefinitions.define(AttributeDefinition(name: "level", entity: .person, type: .number), db: db)
            let schema = try AttributeDefinitions.schema(db: db)
            let firmId = try Firms.insert(Firm(name: "Alfa"), schema: schema, db: db)
            let writer = try Persons.Writer(schema: schema, db: db)
            for index in 0..<10 {
                var attributes: [String: AttributeValue] = [:]
                if index % 2 == 0 { attributes["level"] = .number(Double(index)) }
                if index % 3 == 0 { attributes["since"] = .date(CivilDate(year: 2020, month: 1, day: index + 1)!) }
                try writer.insert(Person(firmId: firmId, name: PersonName(first: "P\(index)", last: "Novák"), attributes: attributes))
            }
            var seen: [String: [String: AttributeValue]] = [:]
            try Persons.forEach(schema: schema, db: db) { seen[$0.person.name.first] = $0.person.attributes }
            #expect(seen.count == 10)
            #expect(seen["P0"] == ["level": .number(0), "since": .date(CivilDate(year: 2020, month: 1, day: 1)!)])
            #expect(seen["P3"] == ["since": .date(CivilDate(year: 2020, month: 1, day: 4)!)])
            #expect(seen["P5"] == [:])
        }
    }

    @Test func groupedWriterWritesFullGroupsAndTheRemainderWithIdsInOrder() throws {
        let database = try temporaryDatabase()
        let ids = try database.write { db -> [Int64] in
            let schema = try AttributeDefinitions.schema(db: db)
            let firmId = try Firms.insert(Firm(name: "Alfa"), schema: schema, db: db)
            // One person written the ordinary way first, so grouped ids must continue after it.
            try Persons.insert(Person(firmId: firmId, name: PersonName(first: "První", last: "Osoba")), schema: schema, db: db)
            let writer = try Persons.Writer(schema: schema, db: db, groupSize: 4)
            var ids: [Int64] = []
            for index in 0..<10 {
                let since = AttributeValue.date(CivilDate(year: 2021, month: 3, day: index + 1)!)
                ids.append(try writer.insert(Person(firmId: firmId, name: PersonName(first: "P\(index)", last: "Dvořák"), attributes: ["since": since])))
            }
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person") == 9) // two groups of 4 written, 2 queued
            try writer.flush()
            return ids
        }
        #expect(ids == Array(2...11))
        let stored = try database.read { db in
            let since = try AttributeDefinitions.all(db: db).first { $0.name == "since" }!.id!
            return try Row.fetchAll(db, sql: "SELECT p.id, p.first, pv.a\(since) AS value FROM person p JOIN person_values pv ON pv.person_id = p.id WHERE p.id > 1 ORDER BY p.id")
        }
        #expect(stored.map { $0["id"] as Int64 } == ids)
        #expect(stored.map { $0["first"] as String } == (0..<10).map { "P\($0)" })
        #expect(stored.last?["value"] == "2021-03-10")
    }

    @Test func aGroupThatBreaksAConstraintFailsAsAWhole() throws {
        let database = try temporaryDatabase()
        try database.write { db in
            let rows = try BatchedInsert(db: db, table: "referent", columns: ["code", "name"], groupSize: 3)
            for code in ["a", "b", "a"] { rows.add([code.databaseValue, "Name".databaseValue]) }
            #expect(throws: DatabaseError.self) { try rows.flush() }
            // Counted inside the transaction: the statement failed whole, "a" and "b" did not land.
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM referent") == 1) // only novak
        }
    }
}
