// Segments run on a real SQLite file against hand-computed expectations (see Fixture).

import CRM
import GRDB
import Store
import Testing
@testable import Segmentation

@Suite(.serialized) struct QueryTests {
    let fixture: Fixture

    init() throws { fixture = try Fixture() }

    @Test func theExamplesOfTheSpecification() throws {
        #expect(try fixture.set(#"territory = "Morava" and employees >= 50"#) == [1, 2])
        #expect(try fixture.set(#"territory = "Morava" and employees >= 50"#, .firm) == [1])
        #expect(try fixture.set(#"industry in ("automotive", "strojírenství") and not role = supplier"#) == [1, 2, 5])
        #expect(try fixture.set(#"industry in ("automotive", "strojírenství") and not role = supplier"#, .firm) == [1, 4])
        #expect(try fixture.set("has contact where kind = meeting and date >= today - 90d and result = contract") == [1])
        #expect(try fixture.set("has contact where kind = meeting and date >= today - 90d and result = contract", .firm) == [1, 2])
        #expect(try fixture.set("no contact since today - 180d and role = customer") == [2])
        #expect(try fixture.set("no contact since today - 180d and role = customer", .firm) == [])
        #expect(try fixture.set("email is not empty and emailConsent") == [1, 4, 5, 6])
    }

    @Test func hostileExpressionsGetAnErrorAtTheirPositionAndLongPastesWork() throws {
        // A 20-digit part of a date: an error, not a crash.
        #expect(throws: SegmentError.self) { try fixture.set("founded < 2026-01-12345678901234567890") }
        // Nesting beyond the bound: the checker's sentence at the first part too deep.
        for deep in [String(repeating: "not ", count: 10_000) + "role = customer",
                     String(repeating: "(", count: 9_500) + "role = customer" + String(repeating: ")", count: 9_500)] {
            do {
                _ = try fixture.set(deep)
                Issue.record("nesting 10,000 deep was accepted")
            } catch let error as SegmentError {
                #expect(error.message.contains("more than \(Parser.maxNesting) deep") && error.range?.lowerBound ?? 0 > 0)
                #expect(error.description.count < 400, "the error quotes a window of the line, not all of it")
            }
        }
        let nested = String(repeating: "not (", count: Parser.maxNesting / 2) + "role = customer" + String(repeating: ")", count: Parser.maxNesting / 2)
        #expect(try fixture.set(nested) == (try fixture.set("role = customer")))
        // Long chains and lists, as pasted from a spreadsheet, run (SQLite's limits are not reached).
        let addresses = (0..<1_000).map { "\"p\($0)@example.cz\"" } + ["\"PETR@alfa.cz\""]
        #expect(try fixture.set("email in (\(addresses.joined(separator: ", ")))") == [1])
        let chain = (0..<3_000).map { "email = \"p\($0)@example.cz\"" }.joined(separator: " or ") + " or email = \"petr@alfa.cz\""
        #expect(try fixture.set(chain) == [1])
        let negations = (0..<3_000).map { "not email = \"p\($0)@example.cz\"" }.joined(separator: " and ")
        #expect(try fixture.set(negations + " and role = customer") == (try fixture.set("role = customer")))
        let values = (0...Parser.maxValues).map(String.init).joined(separator: ", ")
        #expect(throws: SegmentError.self) { try fixture.set("employees in (\(values))") }
    }

    @Test func listsComeInCzechOrder() throws {
        // Černý, Hruška, Chalupová (ch after h), Novák, Nováková.
        #expect(try fixture.ids("role in (customer, prospect)") == [5, 3, 4, 1, 2])
        // Alfa, Beta, Čechy (č after c), Delta, Echo.
        #expect(try fixture.ids("id > 0", .firm) == [1, 2, 3, 4, 5])
    }

    @Test func textFollowsCzechCollationAndMatchesWithoutCaseOrDiacritics() throws {
        #expect(try fixture.set(#"last < "Chalupová""#) == [3, 5, 6])
        #expect(try fixture.set(#"last between "Č" and "H""#) == [5, 6])
        #expect(try fixture.set("last contains novak") == [1, 2])
        #expect(try fixture.set(#"last starts with "NOVÁKO""#) == [2])
        #expect(try fixture.set("last = NOVAK") == [1])
        #expect(try fixture.set("city contains plzen") == [4])
        #expect(try fixture.set("function contains jednatel") == [6])
        #expect(try fixture.set(#"region = "olomoucky KRAJ""#) == [3])
        #expect(try fixture.set("region contains 'morav'", .firm) == [1])
    }

    @Test func attributesByCodeLabelNumberAndDate() throws {
        #expect(try fixture.set("territory = Morava") == [1, 2, 3])
        #expect(try fixture.set(#"territory = "Čechy""#) == [4])
        #expect(try fixture.set("territory != morava") == [4, 5, 6])
        #expect(try fixture.set("territory not in (morava, praha)") == [4, 6])
        #expect(try fixture.set("territory is empty") == [6])
        #expect(try fixture.set("territory is not empty") == [1, 2, 3, 4, 5])
        #expect(try fixture.set("employees between 40 and 120") == [1, 2, 3, 5])
        #expect(try fixture.set("employees > 1 000") == [])
        #expect(try fixture.set("firm.rating = 2,5") == [4])
        #expect(try fixture.set("firm.rating < 3", .firm) == [3])
        #expect(try fixture.set("person.rating >= 5") == [1])
        #expect(try fixture.set("founded < 2000-01-01") == [1, 2])
        #expect(try fixture.set("founded >= 1.1.2010") == [3])
        #expect(try fixture.set("interest = servis or seniority >= 3") == [1, 3])
        #expect(try fixture.set("not interest = servis") == [2, 3, 4, 5, 6])
    }

    @Test func builtInFieldsRolesAndFlags() throws {
        #expect(try fixture.set("role in (customer, prospect)") == [1, 2, 3, 4, 5])
        #expect(try fixture.set("role = zákazník", .firm) == [1, 2])
        #expect(try fixture.set("role is empty", .firm) == [])
        #expect(try fixture.set("gender = f") == [2, 4, 6])
        #expect(try fixture.set("gender = žena and not emailConsent = no") == [2, 4, 6])
        #expect(try fixture.set("not emailConsent") == [3])
        #expect(try fixture.set("email is empty") == [2])
        #expect(try fixture.set("id in (1, 5)", .firm) == [1, 5])
        #expect(try fixture.set("country = 'Česká republika'") == [1, 2, 3, 4, 5, 6])
        #expect(try fixture.set("role = supplier or seniority >= 10") == [1, 3, 6])
        #expect(try fixture.set("not (territory = morava or email is empty)") == [4, 5, 6])
    }

    @Test func historyOfPersonsAndFirms() throws {
        #expect(try fixture.set("has contact") == [1, 2, 3, 4, 5])
        #expect(try fixture.set("has open task") == [4])
        #expect(try fixture.set("has open task", .firm) == [3])
        #expect(try fixture.set("has open task where referent = svobodova") == [])
        #expect(try fixture.set("has contact where status = task") == [1, 4])
        #expect(try fixture.set("no contact since today - 180d", .firm) == [3, 5])
        #expect(try fixture.set("last contact.result = contract") == [1, 5])
        #expect(try fixture.set("last contact.result = contract", .firm) == [1, 2, 4])
        #expect(try fixture.set("last contact.result != contract") == [2, 3, 4])
        #expect(try fixture.set("last contact.kind = call and last contact.referent = novak") == [2, 4])
        #expect(try fixture.set("first contact.date < 2025-06-01") == [2, 4])
        #expect(try fixture.set("contacts where kind = meeting >= 3") == [5])
        #expect(try fixture.set("contacts where kind = meeting >= 3", .firm) == [4])
        #expect(try fixture.set("contacts >= 2") == [5])
        #expect(try fixture.set("contacts = 0") == [6])
        #expect(try fixture.set("has contact where outcome = failure") == [3])
        #expect(try fixture.set("has contact where outcome = failure", .firm) == [2])
        #expect(try fixture.set(#"has contact where referent = NOVAK and kind = "Telefonát""#) == [2, 4])
        // A firm's history includes its persons' contacts.
        #expect(try fixture.set("has contact where kind = call", .firm) == [1, 3])
        // `firm.` on a person segment looks at the whole firm's history.
        #expect(try fixture.set("firm.has contact where result = contract and kind = meeting") == [1, 2, 3, 5])
        #expect(try fixture.set("firm.no contact since today - 180d") == [4, 6])
    }

    @Test func contactSearchesWithinRestrictedFirms() throws {
        // A conjunction of firm conditions and `has contact` shares the firms as a common table.
        let shared = try fixture.segment("territory = morava and has contact where kind = meeting").filter
        #expect(shared.prelude.hasPrefix("WITH segment_firms"))
        #expect(try fixture.set("territory = morava and has contact where kind = meeting") == [1, 3])
        #expect(try fixture.set("territory = morava and has contact where kind = meeting", .firm) == [1, 2])
        #expect(try fixture.set("seniority >= 3 and territory = morava and has contact") == [1, 3])
        #expect(try fixture.set("role = prospect and has open task and has contact where kind = call") == [4])
        #expect(try fixture.set("role = prospect and has open task", .firm) == [3])
        // Contacts without a person never make `not has contact` unknown.
        #expect(try fixture.set("not has contact where kind = meeting") == [2, 4, 6])
        #expect(try fixture.set("not has contact where kind = meeting", .firm) == [3, 5])
    }

    @Test func contactDatesCompareByDayWhateverTheTime() throws {
        #expect(try fixture.set("has contact where date = 2026-06-03") == [5])
        #expect(try fixture.set("has contact where date <= 2026-06-02 and date > 2026-06-01") == [5])
        #expect(try fixture.set("has contact where kind = meeting and date <= 2026-10-01 and date >= 2026-10-01") == [1])
        #expect(try fixture.set("has contact where date between 1.6.2026 and 1.6.2026") == [5])
        #expect(try fixture.set("has contact where date != 2026-10-01 and kind = meeting") == [3, 5])
    }

    @Test func personFieldsOnAFirmSegmentMeanAnyPerson() throws {
        #expect(try fixture.set("person.function contains jednatel", .firm) == [5])
        #expect(try fixture.set("person.email is empty", .firm) == [1])
        #expect(try fixture.set("person.seniority >= 3 and territory = morava", .firm) == [1, 2])
    }

    @Test func aSegmentSelectsTheOtherEntity() throws {
        let persons = try fixture.segment("seniority >= 3")
        let firms = try fixture.segment("role = prospect", .firm)
        let (firmIds, personIds) = try fixture.database.read { db in
            (try Int64.fetchAll(db, sql: "SELECT id FROM (\(Selection.firms(filter: persons.filter(selecting: .firm), limit: nil).sql))",
                                arguments: StatementArguments(persons.filter(selecting: .firm).arguments)),
             try Int64.fetchAll(db, sql: "SELECT id FROM (\(Selection.persons(filter: firms.filter(selecting: .person), limit: nil).sql))",
                                arguments: StatementArguments(firms.filter(selecting: .person).arguments)))
        }
        #expect(firmIds == [1, 2])
        #expect(personIds == [5, 4])
        // The same through a segment that carries a common table.
        #expect(try selected(fixture.segment("territory = morava and has contact where kind = meeting"), .firm) == [1, 2])
        #expect(try selected(fixture.segment("territory = morava and has contact where kind = call", .firm), .person) == [1, 2])
    }

    private func selected(_ segment: Segment, _ entity: EntityKind) throws -> [Int64] {
        let filter = segment.filter(selecting: entity)
        let selection = entity == .firm ? Selection.firms(filter: filter, limit: nil) : Selection.persons(filter: filter, limit: nil)
        return try fixture.database.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM (\(selection.sql))", arguments: StatementArguments(selection.arguments))
        }
    }

    @Test func valuesNeverBecomeSQL() throws {
        let hostile = #"name = "x'); DROP TABLE firm; --" or city contains "'""#
        let filter = try fixture.segment(hostile, .firm).filter
        #expect(!filter.condition.contains("DROP"))
        #expect(!filter.condition.contains("'"))
        #expect(filter.arguments.contains("x'); drop table firm; --".databaseValue))
        #expect(try fixture.set(hostile, .firm) == [])
        #expect(try fixture.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM firm") } == 5)
    }

    @Test func savedSegmentsAreCheckedAgainAfterTheAttributesChange() throws {
        try fixture.database.write { db in
            try SavedSegments.save(SavedSegment(name: "morava", target: .firm, expression: "territory = morava"), replace: false, db: db)
            #expect(throws: StoreError.self) {
                try SavedSegments.save(SavedSegment(name: "MORAVA", target: .firm, expression: "x"), replace: false, db: db)
            }
            try CodeLists.addValue(CodeValue(list: "territory", code: "slezsko", label: "Slezsko"), db: db)
        }
        let saved = try fixture.database.read { db in try SavedSegments.fetch(name: "Morava", db: db) }
        #expect(saved.expression == "territory = morava")
        #expect(try fixture.set(saved.expression, saved.target) == [1, 2])
        // A value that was not in the code list when the fixture's vocabulary was read checks
        // against the vocabulary read now.
        #expect(fixture.checkError("territory = slezsko") != nil)
        let current = try fixture.database.read { db in try Vocabulary.load(db: db) }
        #expect(try Segment("territory = slezsko", target: .firm, vocabulary: current, today: Fixture.today).target == .firm)
        let missing = try fixture.database.read { db in Result { try SavedSegments.fetch(name: "morve", db: db) } }
        #expect(throws: StoreError.unknownName("there is no segment \"morve\": saved: morava (did you mean \"morava\"?)")) { try missing.get() }
    }
}
