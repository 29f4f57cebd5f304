// Type checking against the attribute definitions, code lists and referents: every message.

import CRM
import Testing
@testable import Segmentation

@Suite(.serialized) struct CheckerTests {
    let fixture: Fixture

    init() throws { fixture = try Fixture() }

    @Test(arguments: [
        ("teritory = morava", EntityKind.person, 0..<8,
         "there is no field or attribute \"teritory\" (did you mean \"territory\"?); attributes: employees, founded, industry, interest, rating, region, seniority, territory"),
        ("territory = Morva", .person, 12..<17,
         "\"Morva\" is not in the code list \"territory\": expected one of praha, morava, cechy (did you mean \"morava\"?)"),
        ("employees >= \"50\"", .person, 13..<17, "employees is a number, but \"50\" is text: write the number without quotes"),
        ("employees = padesát", .person, 12..<19, "employees is a number, but padesát is not: expected e.g. 50, 1 500 or 1500,5"),
        ("employees contains 5", .person, 0..<9, "contains and starts with look into text, and employees is a number: use = or in"),
        ("territory > morava", .person, 12..<18, "territory is a code of the list \"territory\", which has no order: use =, !=, in or not in"),
        ("rating = 5", .person, 0..<6, "\"rating\" is both a person attribute and a firm attribute: write person.rating or firm.rating"),
        ("seniority >= 3", .firm, 0..<9,
         "\"seniority\" is a field of persons; on a firm segment write person.seniority (true when any of the firm's persons matches)"),
        ("kind = meeting", .person, 0..<4, "\"kind\" is a field of a contact: test it inside a history predicate, e.g. has contact where kind …"),
        ("has contact where city = Brno", .person, 18..<22,
         "\"city\" is not a field of a contact: a contact has kind, status, result, outcome, referent, date, text, note"),
        ("has contact where referent = novakk", .person, 29..<35,
         "\"novakk\" is not a referent: expected one of novak, svobodova (did you mean \"novak\"?)"),
        ("has contact where kind = schuzky", .person, 25..<32,
         "\"schuzky\" is not in the code list \"kind\": expected one of call, meeting, negotiation, letter, email, event, task (did you mean \"Schůzka\"?)"),
        ("emailConsent = maybe", .person, 15..<20, "emailConsent is yes/no, but maybe is neither: expected yes or no (true/false, ano/ne)"),
        ("emailConsent > yes", .person, 15..<18, "emailConsent is yes/no, which has no order: use = or !="),
        ("emailConsent in (yes)", .person, 0..<12, "emailConsent is yes/no: write emailConsent or not emailConsent"),
        ("email", .person, 0..<5, "email is text, not yes/no: compare it with a value (email = …) or test email is not empty"),
        ("gender is empty", .person, 0..<6, "gender always has a value, so it cannot be empty"),
        ("gender = x", .person, 9..<10, "\"x\" is not a gender: expected m, f or unknown"),
        ("role = boss", .person, 7..<11, "\"boss\" is not a role: expected customer, prospect or supplier"),
        ("has contact where date >= \"2026-01-01\"", .person, 26..<38,
         "date is a date, but \"2026-01-01\" is not: expected e.g. 2026-01-31, 31.1.2026, today or today - 90d"),
        ("founded >= today - 9000y", .person, 11..<24, "today - 9000y falls outside the years 1 to 9999"),
        ("name = today", .firm, 7..<12, "name is not a date, so today cannot be compared with it"),
        ("contacts >= 2.5", .person, 12..<15, "the number of contacts is a whole number, not 2.5"),
        ("x.y.z = 1", .person, 0..<5, "\"x.y.z\" is not a field: a name is NAME, firm.NAME or person.NAME"),
        ("firm.seniority = 1", .person, 0..<14,
         "there is no firm field or attribute \"seniority\"; attributes: employees, founded, industry, rating, region, territory"),
        ("person.has contact", .firm, 0..<6,
         "on a firm segment the history already includes the contacts of the firm's persons: leave out \"person.\""),
        ("has contact where (has contact)", .person, 19..<30, "a history predicate cannot stand inside the conditions on a contact"),
    ] as [(String, EntityKind, Range<Int>, String)])
    func everyCheckError(expression: String, target: EntityKind, range: Range<Int>, message: String) {
        let error = fixture.checkError(expression, target)
        #expect(error?.message == message)
        #expect(error?.range == range)
    }

    @Test func aCheckErrorShowsTheLineWithACaretUnderTheValue() {
        let error = fixture.checkError("role = customer and\nterritory = Morva")
        #expect(error?.description == """
            2:13: "Morva" is not in the code list "territory": expected one of praha, morava, cechy (did you mean "morava"?)
              territory = Morva
                          ^~~~~
            """)
    }

    @Test func labelsAndCodesResolveToTheStoredCode() throws {
        let byLabel = try fixture.segment("industry = 'IT a software'").filter
        let byCode = try fixture.segment("industry = it").filter
        #expect(byLabel.arguments == byCode.arguments)
        #expect(byCode.arguments.contains("it".databaseValue))
    }

    @Test func todayMovesByDaysWeeksMonthsAndYears() {
        let day = CivilDate(year: 2026, month: 3, day: 31)!
        #expect(day.shifted(by: DateOffset(sign: -1, amount: 1, unit: .months)) == CivilDate(year: 2026, month: 2, day: 28))
        #expect(day.shifted(by: DateOffset(sign: 1, amount: 11, unit: .months)) == CivilDate(year: 2027, month: 2, day: 28))
        #expect(day.shifted(by: DateOffset(sign: -1, amount: 90, unit: .days)) == CivilDate(year: 2025, month: 12, day: 31))
        #expect(day.shifted(by: DateOffset(sign: 1, amount: 2, unit: .weeks)) == CivilDate(year: 2026, month: 4, day: 14))
        #expect(CivilDate(year: 2024, month: 2, day: 29)!.shifted(by: DateOffset(sign: 1, amount: 1, unit: .years)) == CivilDate(year: 2025, month: 2, day: 28))
        #expect(day.shifted(by: DateOffset(sign: -1, amount: 3000, unit: .years)) == nil)
    }
}
