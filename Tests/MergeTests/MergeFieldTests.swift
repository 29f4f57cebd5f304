// What the user sees is what the user typed: code-list values merge as their labels, ids and the
// unsubscribe token are fields, channel sections hold e-mail- or letter-only text, and short
// lines (a signature, an address) keep their breaks in every part.

import CRM
import Testing
@testable import Merge

@Suite struct MergeFieldTests {
    let definitions = [
        AttributeDefinition(id: 1, name: "territory", entity: .firm, type: .text, codeList: "territory", label: "Oblast"),
        AttributeDefinition(id: 2, name: "interest", entity: .person, type: .text, codeList: "interest", label: "Zájem"),
        AttributeDefinition(id: 3, name: "note", entity: .firm, type: .text),
    ]
    var labels: CodeLabels {
        CodeLabels(definitions: definitions, book: CodeBook(values: [
            CodeValue(list: "territory", code: "morava", label: "Morava"), CodeValue(list: "territory", code: "cechy", label: "Čechy"),
            CodeValue(list: "interest", code: "servis", label: "Servis & údržba"),
        ]))
    }

    func context(territory: String = "morava", channel: MergeChannel = .email, token: String = "") -> MergeContext {
        let firm = Firm(id: 42, name: "Alfa s.r.o.", attributes: ["territory": .text(territory), "note": .text("morava")])
        let person = Person(id: 7, firmId: 42, name: PersonName(first: "Jan", last: "Dvořák"), gender: .male, attributes: ["interest": .text("servis")])
        return MergeContext(person: person, firm: firm, referent: Referent(code: "novak", name: "Jan Novák"), campaign: "c",
                            today: CivilDate(year: 2026, month: 12, day: 1)!, codeLabels: labels, channel: channel, unsubscribeToken: token)
    }

    func render(_ body: String, _ context: MergeContext) throws -> MergedMessage {
        let template = try Template(path: "t.md", source: "---\nsubject: \"{{territory}}\"\n---\n" + body, schema: MergeSchema(attributes: definitions))
        return template.render(context)
    }

    @Test func codeListValuesMergeAsTheirLabelsAndGiveTheirCodes() throws {
        let merged = try render("{{territory}} {{territory.code}} {{firm.territory}} {{firm.territory.label}} {{interest}} {{uppercased(territory)}} {{note}}\n", context())
        #expect(merged.subject == "Morava")
        #expect(merged.text.trimmingSpaces == "Morava morava Morava Morava Servis & údržba MORAVA morava")
        // Escaped in HTML like any value.
        #expect(merged.html.contains("Servis &amp; údržba"))
        // A code the list no longer has prints as stored.
        #expect(try render("{{territory}}\n", context(territory: "slezsko")).text.trimmingSpaces == "slezsko")
        // Only a code-list attribute has .code.
        #expect(throws: MergeError.self) { try render("{{note.code}}\n", context()) }
    }

    @Test func idsAndTheUnsubscribeTokenAreFields() throws {
        let merged = try render("https://example.test/p/{{person.id}}/f/{{firm.id}}?t={{unsubscribe.token}}\n", context(token: "3.7.abc"))
        #expect(merged.text.contains("https://example.test/p/7/f/42?t=3.7.abc"))
    }

    @Test func channelSectionsHoldEmailOrLetterOnlyText() throws {
        let body = "Dobrý den,\n\n{{#channel.email}}Odpovězte na tento e-mail.{{/channel.email}}{{#channel.letter}}Odpovězte dopisem.{{/channel.letter}}\n"
        let email = try render(body, context(channel: .email)), letter = try render(body, context(channel: .letter))
        #expect(email.text.contains("Odpovězte na tento e-mail.") && !email.text.contains("dopisem"))
        #expect(letter.letter.contains("Odpovězte dopisem.") && !letter.letter.contains("e-mail."))
    }

    @Test func shortLinesKeepTheirBreaksAndProseStillFlows() throws {
        let body = """
            Toto je dlouhý odstavec textu, který editor zalomil na šířku okna, a proto jde dál
            na dalším řádku, jak je v Markdownu zvykem: čte se jako jeden odstavec.

            S pozdravem

            {{referent.name}}
            Kontakt Demo s.r.o.
            Vinohradská 12, Praha

            """
        let merged = try render(body, context())
        #expect(merged.html.contains("Jan Novák<br>\nKontakt Demo s.r.o.<br>\nVinohradská 12, Praha") || merged.html.contains("Jan Novák<br>Kontakt Demo s.r.o.<br>Vinohradská 12, Praha"), "\(merged.html)")
        #expect(!merged.html.contains("jde dál<br>"))
        #expect(merged.text.contains("Jan Novák\nKontakt Demo s.r.o.\nVinohradská 12, Praha\n"), "\(merged.text)")
        #expect(!merged.text.contains("KONTAKT"))
        #expect(merged.letter.contains("Jan Novák\nKontakt Demo s.r.o.\nVinohradská 12, Praha"), "\(merged.letter)")
        #expect(merged.letter.contains("jde dál na dalším řádku"))
    }

    @Test func aTemplateUsingCodesComposesTheAttribute() {
        let selection = FieldSelection(fields: ["territory.code", "firm.interest.label"])
        #expect(selection.firm.wants("territory") && selection.firm.wants("interest"))
    }
}
