// Every word a page shows is in the Czech table: a key a template ({{t.KEY}}) or a route
// (text["KEY"]) uses and the table lacks would show as the bare key.

import Foundation
import Mustache
import Store
import Testing
@testable import Web

@Suite struct UITextTests {
    static func keys(in text: String, pattern: String) -> Set<String> {
        let expression = try! NSRegularExpression(pattern: pattern)
        return Set(expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) })
    }

    @Test func everyKeyTheTemplatesAndRoutesUseIsInTheCzechTable() throws {
        var used = Set<String>()
        for template in Templates.all.values { used.formUnion(Self.keys(in: template, pattern: #"\{\{t\.([A-Za-z0-9_.]+)\}\}"#)) }
        let web = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Web")
        let files = FileManager.default.enumerator(at: web, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 20)
        for file in files { used.formUnion(Self.keys(in: try String(contentsOf: file, encoding: .utf8), pattern: #"text\["([A-Za-z0-9_.]+)"\]"#)) }
        #expect(used.count > 100)
        let missing = used.filter { UIText.czech.entries[$0] == nil }.sorted()
        #expect(missing.isEmpty, "\(missing)")
        #expect(!Templates.withWords("{{t.log.title}} {{name}}", .czech).contains("{{t."), "the words are put in, the values stay")
        #expect(Templates.withWords("<{{t.x}}>", UIText(language: "x", entries: ["x": "a<b"])) == "<a&lt;b>", "the words are escaped too")
    }
}

@Suite struct TemplateEscapingTests {
    /// Every value is escaped; the only unescaped ones are parts of pages that Kontakt's own
    /// templates rendered (RenderedHTML), and a RenderedHTML given to {{…}} is escaped again.
    @Test func onlyRenderedPartsAreUnescaped() throws {
        var unescaped = Set<String>()
        for template in Templates.all.values {
            unescaped.formUnion(UITextTests.keys(in: template, pattern: #"\{\{\{\s*([^}]*?)\s*\}\}\}"#))
            #expect(!template.contains("{{&"), "no {{& name}} either")
        }
        #expect(unescaped == ["timelineHTML", "highlightHTML", "chartsHTML"])
        let library = MustacheLibrary(templates: ["t": try MustacheTemplate(string: "{{{partHTML}}}|{{partHTML}}")])
        #expect(library.render(["partHTML": RenderedHTML(html: "<b>x</b>")], withTemplate: "t") == "<b>x</b>|&lt;b&gt;x&lt;/b&gt;")
    }

    @Test func aPartIsRenderedAgainWhenTheRecordsChange() {
        let cache = FragmentCache(capacity: 2)
        var renders = 0
        let first = StoreVersion(data: 1, catalog: 1)
        for _ in 0 ..< 3 { _ = cache.fragment("a", at: first) { renders += 1; return "A\(renders)" } }
        #expect(renders == 1)
        #expect(cache.fragment("a", at: StoreVersion(data: 2, catalog: 1)) { renders += 1; return "A\(renders)" }.html == "A2")
        #expect(cache.fragment("a", at: StoreVersion(data: 2, catalog: 2)) { renders += 1; return "A\(renders)" }.html == "A3", "a catalog change counts too")
        for key in ["b", "c", "d"] { _ = cache.fragment(key, at: first) { key } }
        #expect(cache.fragment("a", at: StoreVersion(data: 2, catalog: 2)) { "again" }.html == "again", "past the capacity parts are dropped")
    }
}
