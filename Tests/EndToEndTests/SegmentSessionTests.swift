// The segment commands and --where/--segment on the lists, through the built binary.

import Foundation
import Testing

@Suite struct SegmentSessionTests {
    /// Three firms and four persons, with territory and employees attributes.
    func salesDatabase() throws -> Session {
        let s = try Session()
        try s.ok("init")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák")
        try s.ok("codelist", "add", "territory")
        try s.ok("codelist", "value", "add", "territory", "morava", "--label", "Morava")
        try s.ok("codelist", "value", "add", "territory", "cechy", "--label", "Čechy")
        try s.ok("attr", "define", "territory", "--on", "firm", "--type", "text", "--codelist", "territory")
        try s.ok("attr", "define", "employees", "--on", "firm", "--type", "number")
        try s.ok("firm", "add", "Strojírny Brno", "--role", "customer", "--set", "territory=Morava", "--set", "employees=120")
        try s.ok("firm", "add", "Autodíly Plzeň", "--role", "prospect", "--set", "territory=cechy", "--set", "employees=30")
        try s.ok("firm", "add", "Dodavatel Zlín", "--role", "supplier", "--set", "territory=morava", "--set", "employees=10")
        try s.ok("person", "add", "--firm", "1", "--first", "Petr", "--last", "Novák", "--email", "petr@brno.cz")
        try s.ok("person", "add", "--firm", "1", "--first", "Jana", "--last", "Černá", "--no-email-consent", "--email", "jana@brno.cz")
        try s.ok("person", "add", "--firm", "2", "--first", "Eva", "--last", "Chalupová", "--email", "eva@plzen.cz")
        try s.ok("person", "add", "--firm", "3", "--first", "Karel", "--last", "Hruška")
        try s.ok("contact", "add", "--person", "1", "--kind", "meeting", "--referent", "novak", "--result", "contract", "--date", "2026-11-02", "--text", "Smlouva")
        return s
    }

    func ids(_ json: Any) -> [Int] { (json as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int } }

    @Test func previewCountsListsAndExplainsErrors() throws {
        let s = try salesDatabase()
        #expect(try s.ok("segment", "preview", "territory = Morava and employees >= 50", "--count") == "2 persons match\n")
        #expect(try s.json("segment", "preview", "territory = morava", "--firms", "--count") as? [String: Int] == ["count": 2])
        #expect(ids(try s.json("segment", "preview", "territory = morava")) == [2, 4, 1]) // Černá, Hruška, Novák
        let table = try s.ok("segment", "preview", "territory = morava", "--limit", "1")
        #expect(table.contains("Jana Černá"))
        #expect(table.contains("1 of 3 persons shown"))
        #expect(ids(try s.json("segment", "preview", "has contact where kind = meeting and result = contract")) == [1])
        #expect(ids(try s.json("segment", "preview", "email is not empty and emailConsent")) == [3, 1])

        let failure = try s.run("segment", "preview", "teritory = morava")
        #expect(failure.status == 1)
        #expect(failure.stderr == """
            error: 1:1: there is no field or attribute "teritory" (did you mean "territory"?); attributes: employees, territory
              teritory = morava
              ^~~~~~~~

            """)
        let badValue = try s.run("segment", "preview", "employees >= 'many'")
        #expect(badValue.stderr.hasPrefix("error: 1:14: employees is a number, but 'many' is text"))
    }

    @Test func savedSegmentsAreListedShownUsedAndRemoved() throws {
        let s = try salesDatabase()
        #expect(try s.ok("segment", "save", "morava-big", "territory = morava and employees >= 50") == "Saved segment morava-big: 2 persons match today.\n")
        try s.ok("segment", "save", "suppliers", "role = supplier", "--firms")
        let again = try s.run("segment", "save", "suppliers", "role = customer", "--firms")
        #expect(again.status == 1)
        #expect(again.stderr.contains("exists already; repeat with --replace"))
        let invalid = try s.run("segment", "save", "broken", "territory = slezsko")
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("\"slezsko\" is not in the code list \"territory\""))

        let list = try s.json("segment", "list") as? [[String: Any]] ?? []
        #expect(list.compactMap { $0["name"] as? String } == ["morava-big", "suppliers"])
        #expect(list.first?["target"] as? String == "person")
        let shown = try s.json("segment", "show", "morava-big", "--sql") as? [String: Any] ?? [:]
        #expect(shown["count"] as? Int == 2)
        #expect((shown["sql"] as? String)?.contains("?") == true)

        #expect(ids(try s.json("person", "list", "--segment", "morava-big")) == [2, 1])
        #expect(ids(try s.json("firm", "list", "--segment", "suppliers")) == [3])
        // A firm segment lists the persons of its firms; a person segment the firms of its persons.
        #expect(ids(try s.json("person", "list", "--segment", "suppliers")) == [4])
        #expect(ids(try s.json("firm", "list", "--segment", "morava-big")) == [1])
        #expect(ids(try s.json("firm", "list", "--where", "employees < 100")) == [2, 3])
        #expect(ids(try s.json("person", "list", "--where", "firm.name contains 'plzen'")) == [3])

        try s.ok("segment", "remove", "suppliers")
        let gone = try s.run("firm", "list", "--segment", "suppliers")
        #expect(gone.status == 1)
        #expect(gone.stderr == "error: there is no segment \"suppliers\": saved: morava-big\n")
        let both = try s.run("person", "list", "--where", "id = 1", "--segment", "morava-big")
        #expect(both.status != 0)
        #expect(both.stderr.contains("give --where or --segment, not both"))
    }
}
