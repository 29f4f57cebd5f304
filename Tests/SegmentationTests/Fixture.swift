// A small sales database on a real SQLite file, with every expected segment computed by hand.

import CRM
import Foundation
import GRDB
import Store
@testable import Segmentation

/// Five firms, six persons, ten contacts. The comments give what each record is there to test.
///
///     firm 1 Alfa Morava s.r.o.      morava  automotive     120  customer            Brno
///     firm 2 Beta Strojírny a.s.     morava  strojirenstvi   40  customer, supplier  Olomouc
///     firm 3 Čechy IT s.r.o.         cechy   it             300  prospect            Plzeň
///     firm 4 Delta Praha             praha   automotive      50  prospect            Praha
///     firm 5 Echo bez atributů       —       —               —   supplier            —
///
///     person 1 Petr Novák        firm 1  petr@alfa.cz  consent  seniority 10  interest servis  rating 5
///     person 2 Jana Nováková     firm 1  —             consent
///     person 3 Karel Hruška      firm 2  karel@beta.cz no consent  seniority 3
///     person 4 Eva Chalupová     firm 3  eva@cechy.cz  consent  interest akce
///     person 5 Tomáš Černý       firm 4  tomas@delta.cz consent
///     person 6 Marie Dvořáková   firm 5  marie@echo.cz consent  function "Jednatelka"
final class Fixture: Sendable {
    static let today = CivilDate(year: 2026, month: 11, day: 29)!
    let database: KontaktDatabase
    let vocabulary: Vocabulary

    init() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-segments-\(UUID().uuidString).sqlite").path
        database = try KontaktDatabase(path: path, create: true)
        try database.write { db in
            try CodeLists.seedDefaults(db: db)
            try Referents.add(Referent(code: "novak", name: "Jan Novák"), db: db)
            try Referents.add(Referent(code: "svobodova", name: "Eva Svobodová"), db: db)
            for (list, values) in [("territory", [("praha", "Praha"), ("morava", "Morava"), ("cechy", "Čechy")]),
                                   ("industry", [("automotive", "Automotive"), ("strojirenstvi", "Strojírenství"), ("it", "IT a software")]),
                                   ("interest", [("servis", "Servis"), ("akce", "Akce")])] {
                try CodeLists.addList(name: list, label: list, db: db)
                for (code, label) in values { try CodeLists.addValue(CodeValue(list: list, code: code, label: label), db: db) }
            }
            for definition in [
                AttributeDefinition(name: "territory", entity: .firm, type: .text, codeList: "territory"),
                AttributeDefinition(name: "industry", entity: .firm, type: .text, codeList: "industry"),
                AttributeDefinition(name: "employees", entity: .firm, type: .number),
                AttributeDefinition(name: "founded", entity: .firm, type: .date),
                AttributeDefinition(name: "region", entity: .firm, type: .text),
                AttributeDefinition(name: "rating", entity: .firm, type: .number),
                AttributeDefinition(name: "seniority", entity: .person, type: .number),
                AttributeDefinition(name: "interest", entity: .person, type: .text, codeList: "interest"),
                AttributeDefinition(name: "rating", entity: .person, type: .number),
            ] { try AttributeDefinitions.define(definition, db: db) }
            let schema = try AttributeDefinitions.schema(db: db)
            func firm(_ name: String, _ roles: [Role], city: String?, _ attributes: [String: AttributeValue]) throws {
                try Firms.insert(Firm(name: name, roles: roles, address: PostalAddress(city: city), attributes: attributes), schema: schema, db: db)
            }
            try firm("Alfa Morava s.r.o.", [.customer], city: "Brno", ["territory": .text("morava"), "industry": .text("automotive"), "employees": .number(120),
                                                                       "founded": .date(CivilDate(year: 1995, month: 5, day: 1)!), "region": .text("Jihomoravský kraj")])
            try firm("Beta Strojírny a.s.", [.customer, .supplier], city: "Olomouc", ["territory": .text("morava"), "industry": .text("strojirenstvi"), "employees": .number(40),
                                                                                      "founded": .date(CivilDate(year: 2010, month: 1, day: 15)!), "region": .text("Olomoucký kraj")])
            try firm("Čechy IT s.r.o.", [.prospect], city: "Plzeň", ["territory": .text("cechy"), "industry": .text("it"), "employees": .number(300), "rating": .number(2.5)])
            try firm("Delta Praha", [.prospect], city: "Praha", ["territory": .text("praha"), "industry": .text("automotive"), "employees": .number(50)])
            try firm("Echo bez atributů", [.supplier], city: nil, [:])
            func person(_ firm: Int64, _ first: String, _ last: String, _ gender: Gender, email: String?, consent: Bool = true,
                        function: String? = nil, _ attributes: [String: AttributeValue] = [:]) throws {
                try Persons.insert(Person(firmId: firm, name: PersonName(first: first, last: last), gender: gender, function: function,
                                          email: try email.map { try EmailAddress($0) }, emailConsent: consent, attributes: attributes), schema: schema, db: db)
            }
            try person(1, "Petr", "Novák", .male, email: "petr@alfa.cz", ["seniority": .number(10), "interest": .text("servis"), "rating": .number(5)])
            try person(1, "Jana", "Nováková", .female, email: nil)
            try person(2, "Karel", "Hruška", .male, email: "karel@beta.cz", consent: false, ["seniority": .number(3)])
            try person(3, "Eva", "Chalupová", .female, email: "eva@cechy.cz", ["interest": .text("akce")])
            try person(4, "Tomáš", "Černý", .male, email: "tomas@delta.cz")
            try person(5, "Marie", "Dvořáková", .female, email: "marie@echo.cz", function: "Jednatelka")
            // Contacts, written as stored: id, firm, person, date, status, done, kind, referent, result.
            let contacts: [(Int, Int, Int?, String, String, String?, String, String, String?)] = [
                (1, 1, 1, "2026-10-01T10:00", "contact", nil, "meeting", "novak", "contract"),
                (2, 1, 2, "2025-01-10", "contact", nil, "call", "novak", "promise"),
                (3, 2, 3, "2026-09-15T09:30", "contact", nil, "meeting", "svobodova", "no-interest"),
                (4, 2, nil, "2026-11-01", "contact", nil, "meeting", "svobodova", "contract"),
                (5, 3, 4, "2024-05-05", "contact", nil, "call", "novak", nil),
                (6, 3, 4, "2026-11-20", "task", nil, "task", "novak", nil),
                (7, 4, 5, "2026-06-01", "contact", nil, "meeting", "novak", "offer"),
                (8, 4, 5, "2026-06-02", "contact", nil, "meeting", "novak", "offer"),
                (9, 4, 5, "2026-06-03T16:00", "contact", nil, "meeting", "novak", "contract"),
                (10, 1, 1, "2026-11-29T08:00", "task", "2026-11-29", "task", "svobodova", nil),
            ]
            for c in contacts {
                try db.execute(sql: """
                    INSERT INTO contact(id, firm_id, person_id, date, status, done_at, kind, referent, result, text, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'text', 'x', 'x')
                    """, arguments: [c.0, c.1, c.2, c.3, c.4, c.5, c.6, c.7, c.8])
            }
        }
        vocabulary = try database.read { db in try Vocabulary.load(db: db) }
    }

    func segment(_ expression: String, _ target: EntityKind = .person) throws -> Segment {
        try Segment(expression, target: target, vocabulary: vocabulary, today: Fixture.today)
    }

    /// The ids an expression selects, in list order.
    func ids(_ expression: String, _ target: EntityKind = .person) throws -> [Int64] {
        let filter = try segment(expression, target).filter
        return try database.read { db in
            let selection = target == .person ? Selection.persons(filter: filter, limit: nil) : Selection.firms(filter: filter, limit: nil)
            return try Int64.fetchAll(db, sql: "SELECT id FROM (\(selection.sql))", arguments: StatementArguments(selection.arguments))
        }
    }

    /// The ids as a sorted set, for comparing with hand-computed expectations.
    func set(_ expression: String, _ target: EntityKind = .person) throws -> [Int64] {
        let ids = try ids(expression, target)
        let count = try database.read { db in try segment(expression, target).count(db: db) }
        precondition(count == ids.count, "count and listing disagree for \(expression)")
        return ids.sorted()
    }

    func checkError(_ expression: String, _ target: EntityKind = .person) -> SegmentError? {
        do { _ = try segment(expression, target); return nil } catch let error as SegmentError { return error } catch { return nil }
    }

    /// Each test has its own file; it goes when the test's fixture does.
    deinit {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
    }
}
