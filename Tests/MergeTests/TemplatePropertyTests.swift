// 20,000 generated templates, well-formed and broken: each loads and renders, or is refused
// with a MergeError that names the file and a line inside it — never a crash, never a hang.

import CRM
import Foundation
import Testing
@testable import Merge

@Suite struct TemplatePropertyTests {
    let schema = MergeSchema(attributes: [AttributeDefinition(id: 1, name: "territory", entity: .firm, type: .text)])

    static let headerLines = [
        "subject: Nabídka", "subject: \"Novinky {{today}}\"", "subject: {{firm.name}}", "subject:", "subject: [a, b]", "from: \"{{referent.name}} <{{referent.email}}>\"",
        "reply-to: a@b.cz", "replyto: a@b.cz", "cc: [x@y.cz, {{person.email}}]", "bcc:\n  - a@b.cz\n  - {b}", "attachments: nabidka.pdf",
        "required: [person.last]", "required: person.nic", "fold-marks: yes", "fold-marks: možná", "window: left", "closing: S úctou",
        "our-reference: 12/2026", "subject: 'neuzavřené", "subject: \"a\": b", "  odsazení: x", "- položka", "? složitý klíč", "&kotva x",
        "*odkaz", "subject: !!binary AAAA", "{{#person.first}}: x", "list-unsubscribe: mailto:x@y.cz", "subject: a\nsubject: b", "\t", "",
    ]

    static let bodyFragments = [
        "{{salutation}}", "{{person.first}}", "{{firm.name}}", "{{money(territory)}}", "{{mony(territory)}}", "{{.}}", "{{person.nic}}",
        "{{#person.email}}", "{{/person.email}}", "{{^firm.ico}}", "{{/firm.ico}}", "{{#firm.name}}", "{{/person.first}}", "{{", "}}",
        "{{{person.last}}}", "{{! poznámka}}", "{{> partial}}", "{{=<% %>=}}", "[", "]", "(", ")", "[odkaz](https://x.cz)", "[a](", "![obr]({{person.mobile}})",
        "**tučně**", "_kurzíva_", "*", "# Nadpis", "- bod", "1. bod", "> citát", "`kód`", "<b>html</b>", "&amp;", "\n", "\n\n", " ",
        "Dobrý den", "žluťoučký kůň", "KONTAKTTAG0X", "KONTAKTBRACKET", "<kontakt-link>", "\u{0}", "\u{1B}", "😀", "=?UTF-8?B?x?=", "\\",
    ]

    static let wellFormed = [
        "{{salutation}}", "{{person.first}}", "{{firm.name}}", "{{#person.email}}e-mail{{/person.email}}", "{{^firm.ico}}bez IČO{{/firm.ico}}",
        "[", "]", "(", ")", "[odkaz](https://x.cz)", "![obr]({{person.mobile}})", "[smlouva]({{person.function}})", "**tučně**", "_kurzíva_",
        "# Nadpis", "- bod", "> citát", "`kód`", "<b>html</b>", "&amp;", "\n", "\n\n", " ", "Dobrý den", "žluťoučký kůň", "<kontakt-link>",
        "😀", "KONTAKTBRACKET", "\\",
    ]

    @Test func generatedTemplatesLoadOrAreRefusedWithTheirPlace() throws {
        var random = SeededRandom(seed: 20261201)
        var loaded = 0, refused = 0
        var slowest = 0.0
        let recipient = MergeContext(person: Person(id: 1, firmId: 1, name: PersonName(first: "Eva", last: "Malá"), gender: .female),
                                     firm: Firm(id: 1, name: "Alfa"), referent: Referent(code: "novak", name: "Jan Novák"),
                                     campaign: "x", today: CivilDate(year: 2026, month: 12, day: 1)!)
        for _ in 0..<20_000 {
            var lines = (0..<random.below(4)).map { _ in random.pick(TemplatePropertyTests.headerLines) }
            if random.chance(80) { lines.insert(random.pick(Array(TemplatePropertyTests.headerLines.prefix(3))), at: 0) }
            // Most fragments are well-formed (text, known fields, Markdown); a few break something.
            let body = (0..<random.below(30)).map { _ in
                random.chance(4) ? random.pick(TemplatePropertyTests.bodyFragments) : random.pick(TemplatePropertyTests.wellFormed)
            }.joined(separator: random.chance(50) ? " " : "")
            var source = (random.chance(95) ? "---\n" : "") + lines.joined(separator: "\n") + (random.chance(95) ? "\n---\n" : "\n") + body
            if random.chance(3) { source = String(repeating: "[a ", count: random.number(20...3_000)) + source }
            let started = Date()
            do {
                let template = try Template(path: "t.md", source: source, schema: schema)
                let merged = template.render(recipient)
                _ = merged.html.count + merged.text.count + merged.letter.count
                #expect(!merged.html.contains(LinkGuard.marker), "\(source.debugDescription)")
                loaded += 1
            } catch let error as MergeError {
                refused += 1
                let lineCount = source.split(separator: "\n", omittingEmptySubsequences: false).count
                #expect(error.file == "t.md" && (error.line ?? 1) >= 1 && (error.line ?? 1) <= lineCount + 1, "\(source.debugDescription): \(error)")
                #expect(!error.message.contains("DecodingError") && !error.message.contains("ParserError"), "\(error)")
            } catch {
                Issue.record("not a MergeError: \(error) for \(source.debugDescription)")
            }
            slowest = max(slowest, Date().timeIntervalSince(started))
        }
        #expect(loaded > 1_000 && refused > 1_000, "loaded \(loaded), refused \(refused)")
        #expect(slowest < 2, "a template took \(slowest) s")
    }
}
