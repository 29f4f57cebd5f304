// Every word a page shows is in the Czech table: a key a template ({{t.KEY}}) or a route
// (text["KEY"]) uses and the table lacks would show as the bare key.

import Foundation
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
