// Firms, persons and contacts built from typed input; address blocks; Czech order.

import Testing
@testable import CRM

@Suite struct RecordTests {
    let schema = AttributeSchema(definitions: [AttributeDefinition(id: 1, name: "territory", entity: .firm, type: .text)],
                                 codeBook: CodeBook(values: DefaultCodeLists.values))

    @Test func firmInputReportsEveryInvalidField() {
        do {
            _ = try Firm.create(FirmInput(name: "Alfa", ico: "12345678", zip: "1100", email: "alfa@", attributes: [.init(name: "teritory", raw: "x")]), schema: schema)
            Issue.record("an invalid firm was accepted")
        } catch let error as ValidationErrors {
            #expect(error.errors.map(\.field) == ["ico", "zip", "email", "teritory"])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func editingKeepsWhatIsNotGivenAndClearsBlanks() throws {
        var firm = try Firm.create(FirmInput(name: "Alfa", email: "info@alfa.cz", phone: "602123456"), schema: schema)
        try firm.apply(FirmInput(city: "Brno", email: ""), schema: schema)
        #expect(firm.email == nil)
        #expect(firm.phone == "+420 602 123 456")
        #expect(firm.address.city == "Brno")
        #expect(firm.name == "Alfa")
    }

    let references = ContactReferences(codeBook: CodeBook(values: DefaultCodeLists.values), referents: [Referent(code: "novak", name: "Jan Novák")])

    @Test func nextContactBecomesAnOpenTaskForTheNextReferent() throws {
        var contact = Contact(id: 7, firmId: 1, personId: 2, date: try ContactDate(parsing: "2026-11-29"), kind: "", referent: "", text: "")
        try contact.apply(ContactInput(kind: "Schůzka", referent: "novak", result: "příslib dalšího jednání", text: "Představení",
                                       nextDate: "5.12.2026", nextTask: "Poslat nabídku"), references: references)
        #expect(contact.kind == "meeting")
        #expect(contact.result == "promise")
        let task = try #require(contact.followUpTask(taskKind: "task"))
        #expect(task.status == .task && task.isOpenTask)
        #expect(task.date.iso == "2026-12-05")
        #expect(task.referent == "novak")
        #expect(task.text == "Poslat nabídku")
        #expect(task.originContactId == 7)
        #expect(task.personId == 2)
    }

    @Test func nextContactWithoutTaskAndUnknownReferentAreErrors() {
        var contact = Contact(firmId: 1, date: ContactDate(date: CivilDate(year: 2026, month: 1, day: 1)!), kind: "", referent: "", text: "")
        do {
            try contact.apply(ContactInput(kind: "call", referent: "novk", text: "x", nextDate: "2026-12-05"), references: references)
            Issue.record("accepted")
        } catch let error as ValidationErrors {
            #expect(error.errors.map(\.field) == ["referent", "nextTask"])
            #expect(error.errors[0].message.contains("did you mean \"novak\"?"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func czechAddressBlockForAFirmsPerson() {
        let block = AddressBlock(firmName: "Alfa s.r.o.", person: PersonName(titleBefore: "Ing.", first: "Jan", last: "Novák", titleAfter: "Ph.D."),
                                 address: PostalAddress(street: "ul. Dlouhá 12", city: "Praha 1", zip: "110 00"))
        #expect(block.lines == ["Alfa s.r.o.", "Ing. Jan Novák, Ph.D.", "Dlouhá 12", "110 00  PRAHA 1"])
    }

    @Test func foreignAddressEndsWithTheCountryInCapitals() {
        let berlin = AddressBlock(firmName: "Beta GmbH", address: PostalAddress(street: "Unter den Linden 5", city: "Berlin", zip: "10117", country: Country("DE")))
        #expect(berlin.lines == ["Beta GmbH", "Unter den Linden 5", "10117 BERLIN", "NĚMECKO"])
        let london = AddressBlock(firmName: "Gamma Ltd", address: PostalAddress(street: "1 High Street", city: "London", zip: "SW1A 1AA", country: Country("GB")))
        #expect(london.lines == ["Gamma Ltd", "1 High Street", "LONDON SW1A 1AA", "SPOJENÉ KRÁLOVSTVÍ"])
        let bratislava = AddressBlock(firmName: "Delta s.r.o.", address: PostalAddress(city: "Bratislava 1", zip: "811 01", country: Country("SK")))
        #expect(bratislava.lines == ["Delta s.r.o.", "811 01  BRATISLAVA 1", "SLOVENSKO"])
    }

    @Test func privatePersonGetsTheCourtesyLine() {
        let block = AddressBlock(firmName: nil, person: PersonName(first: "Jana", last: "Nováková"), gender: .female, courtesy: true,
                                 address: PostalAddress(street: "Na Příkopě 1", city: "Brno", zip: "602 00"))
        #expect(block.lines == ["Paní", "Jana Nováková", "Na Příkopě 1", "602 00  BRNO"])
    }

    @Test func czechAlphabeticalOrder() {
        let expected = ["Adam", "Ádám", "Cibulka", "Čech", "Dvořák", "Hora", "Chrudim", "Ivan", "Rybář", "Řezník", "Sova", "Šafář", "Zeman", "Žák"]
        let sorted = expected.reversed().sorted { CzechCollation.sortKey($0) < CzechCollation.sortKey($1) }
        #expect(sorted == expected)
    }

    @Test func collationPutsLowerBeforeUpperAndWordsBeforeLongerWords() {
        #expect(CzechCollation.sortKey("nová") < CzechCollation.sortKey("Nová"))
        #expect(CzechCollation.sortKey("Nová Firma") < CzechCollation.sortKey("Novák"))
        #expect(CzechCollation.sortKey("Chata") > CzechCollation.sortKey("Hrad"))
        #expect(CzechCollation.sortKey("Cyril") < CzechCollation.sortKey("Čapek"))
    }

    @Test func foldingIgnoresCaseAndDiacritics() {
        #expect(Folding.fold(" Strojírenství ") == "strojirenstvi")
        #expect(Folding.fold("ŽLUŤOUČKÝ KŮŇ") == "zlutoucky kun")
        #expect(Folding.fold("Nova\u{0301}k") == "novak") // decomposed á
    }
}
