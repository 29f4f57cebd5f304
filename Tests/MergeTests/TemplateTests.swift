// Templates: front matter, merge fields checked with their positions, rendering of the text and
// HTML parts for one recipient.

import CRM
import Foundation
import Testing
@testable import Merge

@Suite struct TemplateTests {
    let schema = MergeSchema(attributes: [
        AttributeDefinition(id: 1, name: "territory", entity: .firm, type: .text),
        AttributeDefinition(id: 2, name: "turnover", entity: .firm, type: .number),
        AttributeDefinition(id: 3, name: "trained", entity: .person, type: .date),
    ])

    let offer = """
        ---
        subject: "Nabídka pro {{firm.name}}"
        from: "{{referent.name}} <{{referent.email}}>"
        list-unsubscribe: "mailto:odhlasit@kontakt-demo.cz?subject={{person.email}}"
        required: [person.last, person.email]
        ---
        {{salutation}},

        posíláme **nabídku** servisu pro firmu _{{firm.name}}_ (obrat {{money(turnover)}}).
        Školení jste absolvoval(a) {{short(person.trained)}}.

        - první bod
        - druhý bod

        Více na [našem webu](https://kontakt-demo.cz/nabidka).

        S pozdravem
        {{referent.name}}
        """

    var recipient: MergeContext {
        let firm = Firm(id: 1, name: "Alfa & <Beta> s.r.o.", address: PostalAddress(street: "Dlouhá 12", city: "Praha 1", zip: "110 00"),
                        attributes: ["territory": .text("praha"), "turnover": .number(1_234_567.5)])
        let person = Person(id: 7, firmId: 1, name: PersonName(titleBefore: "Ing.", first: "Zdeněk", last: "Němec"), gender: .male,
                            email: try? EmailAddress("zdenek@alfa.cz"), attributes: ["trained": .date(CivilDate(year: 2026, month: 3, day: 5)!)])
        return MergeContext(person: person, firm: firm, referent: Referent(code: "novak", name: "Jan Novák", email: try? EmailAddress("jan@kontakt-demo.cz")),
                            campaign: "Podzim 2026", today: CivilDate(year: 2026, month: 11, day: 29)!)
    }

    @Test func rendersSubjectTextAndHTML() throws {
        let template = try Template(path: "offer.md", source: offer, schema: schema)
        let merged = template.render(recipient)
        #expect(merged.subject == "Nabídka pro Alfa & <Beta> s.r.o.")
        #expect(merged.from == "Jan Novák <jan@kontakt-demo.cz>")
        #expect(merged.listUnsubscribe == ["mailto:odhlasit@kontakt-demo.cz?subject=zdenek@alfa.cz"])
        #expect(merged.missing.isEmpty)
        #expect(merged.text.hasPrefix("Vážený pane inženýre,\n\nposíláme nabídku servisu pro firmu Alfa & <Beta> s.r.o. (obrat 1\u{A0}234\u{A0}567,50\u{A0}Kč)."))
        #expect(merged.text.contains("Školení jste absolvoval(a) 5.\u{A0}3.\u{A0}2026."))
        #expect(merged.text.contains("Více na našem webu (https://kontakt-demo.cz/nabidka)."))
        #expect(merged.text.contains("- první bod"))
        #expect(merged.html.contains("<strong>nabídku</strong>"))
        #expect(merged.html.contains("<em>Alfa &amp; &lt;Beta&gt; s.r.o.</em>"))
        #expect(merged.html.contains("href=\"https://kontakt-demo.cz/nabidka\""))
        #expect(merged.html.contains("<li>první bod</li>"))
        #expect(!merged.html.contains("{{"))
    }

    @Test func aRecipientWithoutARequiredFieldIsMarkedNotBlanked() throws {
        let template = try Template(path: "offer.md", source: offer, schema: schema)
        let firm = Firm(id: 2, name: "Gama")
        let merged = template.render(MergeContext(person: Person(firmId: 2, name: PersonName(first: "Eva", last: "Malá")), firm: firm,
                                                  referent: nil, campaign: "x", today: CivilDate(year: 2026, month: 1, day: 1)!))
        #expect(merged.missing == ["person.email"])
    }

    @Test func unknownFieldsAreReportedAtTheirPosition() {
        let typo = offer.replacingOccurrences(of: "pro firmu _{{firm.name}}_", with: "pro firmu {{firm.nmae}}")
        #expect(throws: MergeError(file: "offer.md", line: 9, column: 40, "there is no merge field \"firm.nmae\" (did you mean \"firm.name\"?); fields are person.*, firm.*, referent.*, campaign.name, unsubscribe.token, unsubscribe.url, channel.email, channel.letter, today, salutation, salutationInformal, vocative.first, vocative.last and the attributes")) {
            try Template(path: "offer.md", source: typo, schema: schema)
        }
        let inHeader = offer.replacingOccurrences(of: "{{referent.email}}", with: "{{referent.mail}}")
        #expect(throws: MergeError.self) { try Template(path: "offer.md", source: inHeader, schema: schema) }
        let badTransform = offer.replacingOccurrences(of: "money(turnover)", with: "mony(turnover)")
        let error = (try? Template(path: "offer.md", source: badTransform, schema: schema)) == nil
        #expect(error)
        let badRequired = offer.replacingOccurrences(of: "[person.last, person.email]", with: "[person.lastname]")
        #expect(throws: MergeError(file: "offer.md", "required lists \"person.lastname\", which is not a merge field (did you mean \"person.last\"?)")) {
            try Template(path: "offer.md", source: badRequired, schema: schema)
        }
        #expect(throws: MergeError(file: "x.md", line: 1, "a template starts with front matter between two lines of ---, with at least subject: …")) {
            try Template(path: "x.md", source: "Dobrý den", schema: schema)
        }
        #expect(throws: MergeError(file: "x.md", line: 2, "the front matter has no subject: (every template needs one)")) {
            try Template(path: "x.md", source: "---\nfrom: a@b.cz\n---\nx", schema: schema)
        }
    }

    func failure(_ source: String) -> MergeError? {
        do { _ = try Template(path: "x.md", source: source, schema: schema); return nil } catch let error as MergeError { return error } catch { return nil }
    }

    @Test func frontMatterProblemsAreSentencesAtTheirLineAndColumn() throws {
        let syntax = failure("---\nsubject: Nabídka\nfrom: [a@b.cz\n---\nx")
        #expect(syntax?.line == 4 && syntax?.column != nil && syntax?.message.hasPrefix("the front matter is not valid YAML: ") == true, "\(String(describing: syntax))")
        #expect(!"\(syntax.map { "\($0)" } ?? "")".contains("yaml:"), "no libyaml dump")
        let unknown = failure("---\nsubject: Nabídka\nreplyto: a@b.cz\n---\nx")
        #expect(unknown?.line == 3 && unknown?.column == 1 && unknown?.message.contains("no key \"replyto\" (did you mean \"reply-to\"?)") == true, "\(String(describing: unknown))")
        let wrongType = failure("---\nsubject:\n  - a\n  - b\n---\nx")
        #expect(wrongType?.line == 3 && wrongType?.message == "subject must be one text, not a list or a mapping", "\(String(describing: wrongType))")
        let twice = failure("---\nsubject: a\nsubject: b\n---\nx")
        #expect(twice?.message == "the front matter gives subject more than once", "\(String(describing: twice))")
        #expect(failure("---\nsubject: a\nfold-marks: možná\n---\nx")?.message.contains("yes or no") == true)
        #expect(failure("---\n- a\n---\nx")?.message.contains("key: value") == true)
        let header = try TemplateHeader.parse("subject: a\ncc: [x@y.cz, z@y.cz]\nbcc: archiv@y.cz\nfold-marks: yes", file: "x.md")
        #expect(header.cc == ["x@y.cz", "z@y.cz"] && header.bcc == ["archiv@y.cz"] && header.foldMarks)
    }

    @Test func sectionsMustPairUpAndTheContextItselfIsNeverPrinted() {
        let dot = failure("---\nsubject: a\n---\nAhoj {{.}}")
        #expect(dot?.line == 4 && dot?.column == 6 && dot?.message.contains("{{.}} would print the merge context") == true)
        let unclosed = failure("---\nsubject: a\n---\n{{#person.first}}\nAhoj")
        #expect(unclosed?.line == 4 && unclosed?.column == 1 && unclosed?.message.contains("never closed") == true)
        let crossed = failure("---\nsubject: a\n---\n{{#person.first}}{{#firm.name}}x{{/person.first}}{{/firm.name}}")
        #expect(crossed?.message.contains("closes {{#firm.name}} from 4:18") == true, "\(String(describing: crossed))")
        #expect(failure("---\nsubject: a\n---\nx{{/firm.name}}")?.message.contains("closes no section") == true)
        let deep = String(repeating: "{{#person.first}}", count: 17) + "x" + String(repeating: "{{/person.first}}", count: 17)
        #expect(failure("---\nsubject: a\n---\n" + deep)?.message.contains("nest more than 16") == true)
    }

    @Test func templatesThatWouldBurnACPUAreBoundedOrLinear() throws {
        let tooMany = failure("---\nsubject: a\n---\n" + String(repeating: "{{person.first}} ", count: Template.maxTags + 1))
        #expect(tooMany?.message == "the template has \(Template.maxTags + 1) merge fields: at most \(Template.maxTags)")
        #expect(failure("---\nsubject: a\n---\n" + String(repeating: "slovo ", count: Template.maxBytes / 6 + 10))?.message.contains("at most 128 KiB") == true)
        // Unclosed brackets (exponential in Markdown parsers that backtrack) pass through as text.
        for count in [23, 50, 10_000] {
            let source = "---\nsubject: a\n---\nAhoj " + String(repeating: "[a ", count: count) + "a [web](https://kontakt-demo.cz) [b]"
            let merged = try Template(path: "x.md", source: source, schema: schema).render(recipient)
            #expect(merged.html.components(separatedBy: "[a ").count == count + 1 && merged.html.contains("<a ") && merged.html.contains("[b]"))
            #expect(merged.text.contains("web (https://kontakt-demo.cz) [b]"))
        }
    }

    @Test func theShippedTemplatesCheckAgainstTheDemoAttributes() throws {
        let firmAttributes: [(String, AttributeType)] = [("territory", .text), ("industry", .text), ("employees", .number), ("source", .text)]
        let personAttributes: [(String, AttributeType)] = [("department", .text), ("seniority", .number), ("trained", .date), ("interest", .text)]
        var definitions: [AttributeDefinition] = []
        for (index, (name, type)) in firmAttributes.enumerated() {
            definitions.append(AttributeDefinition(id: Int64(index + 1), name: name, entity: .firm, type: type))
        }
        for (index, (name, type)) in personAttributes.enumerated() {
            definitions.append(AttributeDefinition(id: Int64(index + 10), name: name, entity: .person, type: type))
        }
        let demo = MergeSchema(attributes: definitions)
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") && $0 != "README.md" }
        #expect(files.count >= 3)
        for file in files {
            let template = try Template.load(path: folder.appendingPathComponent(file).path, schema: demo)
            let merged = template.render(recipient)
            #expect(!merged.subject.isEmpty)
            #expect(!merged.text.contains("{{"))
        }
    }

    @Test func linkTargetsAMergedValueBeginsKeepOnlyWebAndMailSchemes() throws {
        let source = """
            ---
            subject: Odkaz
            ---
            [Smlouva]({{person.function}}) a [web](https://kontakt-demo.cz/?f={{firm.name}}) a ![logo]({{person.mobile}})
            """
        let template = try Template(path: "odkaz.md", source: source, schema: schema)
        func html(function: String, note: String = "https://kontakt-demo.cz/logo.png") -> String {
            let person = Person(id: 7, firmId: 1, name: PersonName(first: "Eva", last: "Malá"), gender: .female, function: function, mobile: note)
            let firm = Firm(id: 1, name: "Alfa", address: PostalAddress(street: "", city: "Praha", zip: "110 00"))
            return template.render(MergeContext(person: person, firm: firm, referent: nil, campaign: "", today: CivilDate(year: 2026, month: 12, day: 1)!)).html
        }
        for hostile in ["javascript:alert(1)", "JavaScript:alert(1)", " java\tscript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x"] {
            let page = html(function: hostile, note: hostile)
            #expect(!page.lowercased().contains("script:") && !page.contains("data:"), "\(hostile) kept: \(page)")
            #expect(page.contains("href=\"#\"") && page.contains("src=\"#\""))
        }
        let fine = html(function: "https://kontakt-demo.cz/smlouva.pdf")
        #expect(fine.contains("href=\"https://kontakt-demo.cz/smlouva.pdf\"") && fine.contains("href=\"https://kontakt-demo.cz/?f=Alfa\""))
        #expect(html(function: "mailto:eva@alfa.cz").contains("href=\"mailto:eva@alfa.cz\""))
        #expect(!fine.contains(LinkGuard.marker))
    }
}
