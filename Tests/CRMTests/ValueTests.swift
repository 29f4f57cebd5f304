// Dates, numbers, the short-text limit, code lists and attribute values.

import Testing
@testable import CRM

@Suite struct ValueTests {
    @Test func datesInIsoAndCzechForm() throws {
        #expect(try CivilDate(parsing: "2026-11-29").iso == "2026-11-29")
        #expect(try CivilDate(parsing: "1.2.2026").iso == "2026-02-01")
        #expect(try CivilDate(parsing: "29. 11. 2026").iso == "2026-11-29")
        #expect(try CivilDate(parsing: "29.2.2024").iso == "2024-02-29")
        for bad in ["29.2.2026", "2026-13-01", "31.4.2026", "2026/11/29", "tomorrow", "2026-1-1"] {
            #expect(throws: ValidationError.self, "\(bad)") { try CivilDate(parsing: bad) }
        }
    }

    @Test func dayArithmeticCrossesMonthsAndYears() throws {
        let date = try CivilDate(parsing: "2026-12-30")
        #expect(date.adding(days: 3).iso == "2027-01-02")
        #expect(date.adding(days: -365).iso == "2025-12-30")
        #expect(CivilDate(dayNumber: 0).iso == "1970-01-01")
    }

    @Test func storedLookingButImpossibleDatesAreRefused() {
        for bad in ["2026-02-30", "2026-00-10", "2026-11-29T24:00", "2026-11-29T10:60", "2026-11-2xT10:00"] {
            #expect(throws: ValidationError.self, "\(bad)") { try ContactDate(parsing: bad) }
        }
    }

    @Test func contactDatesWithTime() throws {
        #expect(try ContactDate(parsing: "29.11.2026 14:30").iso == "2026-11-29T14:30")
        #expect(try ContactDate(parsing: "2026-11-29T08:05").iso == "2026-11-29T08:05")
        #expect(try ContactDate(parsing: "2026-11-29").iso == "2026-11-29")
        #expect(throws: ValidationError.self) { try ContactDate(parsing: "2026-11-29T25:00") }
    }

    @Test func trimmingRemovesUnicodeSpacesOnlyAtTheEnds() {
        #expect("Nováková".trimmingSpaces == "Nováková")
        #expect(" \tNováková\u{00A0}\r\n".trimmingSpaces == "Nováková")
        #expect("\u{3000}Jan  Novák\u{202F}".trimmingSpaces == "Jan  Novák")
        #expect(" \u{00A0}\t ".trimmingSpaces == "")
        #expect("".trimmingSpaces == "")
        #expect("x y".split(separator: " ")[1].trimmingSpaces == "y")
        #expect(Optional(" \u{00A0} ").nonBlank == nil)
    }

    @Test func numbersAsPeopleTypeThem() {
        #expect(NumberText.parse("1500") == 1500)
        #expect(NumberText.parse("1 500,5") == 1500.5)
        #expect(NumberText.parse("1500.5") == 1500.5)
        #expect(NumberText.parse("-3") == -3)
        #expect(NumberText.parse("12 ks") == nil)
        #expect(NumberText.parse("1\u{00A0}500") == 1500)
        #expect(NumberText.parse("   ") == nil)
        #expect(NumberText.plain(50) == "50")
        #expect(NumberText.plain(2.5) == "2.5")
    }

    @Test func shortTextAllowsExactly250Characters() throws {
        #expect(try ShortText.validate(String(repeating: "ž", count: 250)).count == 250)
        #expect(throws: ValidationError(field: "text", message: "the short text has 251 characters but at most 250 are allowed; put the rest into the note")) {
            try ShortText.validate(String(repeating: "a", count: 251))
        }
        #expect(throws: ValidationError.self) { try ShortText.validate("   ") }
    }

    static let book = CodeBook(values: DefaultCodeLists.values + [
        CodeValue(list: "industry", code: "automotive", label: "Automotive"),
        CodeValue(list: "industry", code: "strojirenstvi", label: "Strojírenství"),
    ])

    @Test func codeListAcceptsCodeOrLabelInAnyCase() throws {
        #expect(try Self.book.resolve("meeting", in: "kind").code == "meeting")
        #expect(try Self.book.resolve("Schůzka", in: "kind").code == "meeting")
        #expect(try Self.book.resolve("SCHUZKA", in: "kind").code == "meeting")
        #expect(try Self.book.resolve("strojírenství", in: "industry").code == "strojirenstvi")
        #expect(try Self.book.resolve("contract", in: "result").outcome == .success)
    }

    @Test func valueOutsideCodeListNamesAllowedAndNearest() {
        #expect(throws: ValidationError(field: "industry", message: "\"automotiv\" is not in the code list \"industry\": expected one of automotive, strojirenstvi (did you mean \"automotive\"?)")) {
            try Self.book.resolve("automotiv", in: "industry")
        }
    }

    static let schema = AttributeSchema(definitions: [
        AttributeDefinition(id: 1, name: "territory", entity: .firm, type: .text),
        AttributeDefinition(id: 2, name: "employees", entity: .firm, type: .number),
        AttributeDefinition(id: 3, name: "since", entity: .firm, type: .date),
        AttributeDefinition(id: 4, name: "industry", entity: .firm, type: .text, codeList: "industry"),
    ], codeBook: book)

    @Test func attributeValuesAreTyped() throws {
        var values: [String: AttributeValue] = [:]
        try AttributeAssignment.apply([.init(name: "employees", raw: "1 500"), .init(name: "since", raw: "31.1.2026"),
                                       .init(name: "industry", raw: "Strojírenství"), .init(name: "territory", raw: " Morava ")],
                                      on: .firm, schema: Self.schema, to: &values)
        #expect(values == ["employees": .number(1500), "since": .date(CivilDate(year: 2026, month: 1, day: 31)!),
                           "industry": .text("strojirenstvi"), "territory": .text("Morava")])
        try AttributeAssignment.apply([.init(name: "territory", raw: "")], on: .firm, schema: Self.schema, to: &values)
        #expect(values["territory"] == nil)
    }

    @Test func attributeErrorsAreCollectedAndSuggestNames() {
        var values: [String: AttributeValue] = [:]
        do {
            try AttributeAssignment.apply([.init(name: "employes", raw: "5"), .init(name: "employees", raw: "many"),
                                           .init(name: "since", raw: "soon")], on: .firm, schema: Self.schema, to: &values)
            Issue.record("invalid values were accepted")
        } catch let error as ValidationErrors {
            #expect(error.errors.map(\.field) == ["employes", "employees", "since"])
            #expect(error.errors[0].message.contains("did you mean \"employees\"?"))
            #expect(error.errors[1].message.contains("is not a number"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func assignmentParsing() throws {
        #expect(try AttributeAssignment(parsing: "territory=Morava") == AttributeAssignment(name: "territory", raw: "Morava"))
        #expect(try AttributeAssignment(parsing: "note=a=b").raw == "a=b")
        #expect(throws: ValidationError.self) { try AttributeAssignment(parsing: "territory") }
    }

    @Test func rolesParseFromListsInEnglishOrCzech() throws {
        #expect(try Role.parseList("customer|supplier") == [.customer, .supplier])
        #expect(try Role.parseList("zájemce, zákazník") == [.customer, .prospect])
        #expect(throws: ValidationError.self) { try Role.parseList("customr") }
    }

    @Test func nearestMatchIgnoresDiacriticsAndRefusesFarGuesses() {
        #expect(NearestMatch.nearest(to: "teritory", among: ["territory", "industry"]) == "territory")
        #expect(NearestMatch.nearest(to: "strojirenstvi", among: ["Strojírenství"]) == "Strojírenství")
        #expect(NearestMatch.nearest(to: "xyz", among: ["territory"]) == nil)
    }

    /// Contact dates order as their stored text does: by day, a day without a time first.
    @Test func contactDatesOrderAsTheirStoredText() throws {
        let texts = ["2026-11-29T14:30", "2026-11-29", "2026-11-28T23:59", "2026-11-29T00:00", "2025-12-31", "2026-11-29T09:05", "2027-01-01"]
        let dates = try texts.map { try ContactDate(parsing: $0) }
        #expect(dates.sorted().map(\.iso) == texts.sorted())
        for a in dates { for b in dates { #expect((a < b) == (a.iso < b.iso)) } }
    }
}
