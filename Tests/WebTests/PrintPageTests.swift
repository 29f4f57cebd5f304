// Labels and envelopes of any view, in the browser: real PDFs read back by pypdf — the right
// people on them — an empty view refused with the sentence of the command line, and no view
// at all refused rather than printing everyone.

import Foundation
import HTTPTypes
import Testing
import TestSupport
import Web
import Workspace
import WorkspaceFixtures

@Suite struct PrintPageTests {
    static let sheets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates/labels").path

    func text(_ pdf: [UInt8]) throws -> [String: String] {
        try Python.strings("""
            import io, json, sys
            from pypdf import PdfReader
            reader = PdfReader(io.BytesIO(sys.stdin.buffer.read()))
            print(json.dumps({"pages": str(len(reader.pages)), "text": " ".join(p.extract_text() for p in reader.pages)}))
            """, input: Data(pdf))
    }

    @Test func lettersOfAViewArePrintedAndLoggedBySigningReferent() async throws {
        let office = try Office()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-letters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "---\nsubject: \"Nabídka pro {{firm.name}}\"\nwindow: right\n---\nposíláme nabídku.\n"
            .write(to: folder.appendingPathComponent("dopis.md"), atomically: true, encoding: .utf8)
        let configuration = ServerConfiguration(allowedOrigins: [Browser.origin], templateFolders: [folder.path],
                                                ownTemplateFolder: folder.appendingPathComponent("own").path)
        try await withSite(office, configuration: configuration) { client in
            let jan = Browser(client)
            try await jan.logIn("jan")
            let form = try await jan.get("/print?where=" + Browser.escape("city = Brno"))
            #expect(form.body.contains(#"<option value="dopis" selected>dopis</option>"#))
            #expect(!form.body.contains(#"<option value="mk""#), "a sales user signs as its own referent only")
            let letters = try await jan.post("/print/letters.pdf", [("template", "dopis"), ("where", "city = Brno"), ("referent", "jn"), ("log", "1")])
            #expect(letters.status == .ok && letters.headers[.contentType] == "application/pdf", "\(letters.status) \(letters.body.components(separatedBy: "role=\"alert\">").dropFirst().first?.prefix(400) ?? "")")
            let read = try text(letters.bytes)
            #expect(read["text"]?.contains("Dvořák") == true && read["text"]?.contains("Vážený pane") == true)
            #expect(try office.values("SELECT referent || ' ' || kind FROM contact WHERE person_id = \(office.petr)") == ["jn letter"])
            try await jan.get("/print")
            #expect(try await jan.post("/print/letters.pdf", [("template", "dopis"), ("where", "city = Brno"), ("referent", "mk"), ("log", "1")]).status == .forbidden)
            #expect(try await jan.post("/print/letters.pdf", [("template", "../../etc/passwd"), ("where", "city = Brno"), ("referent", "jn")]).status
                    == .unprocessableContent)
            #expect(try office.count("contact", "kind = 'letter'") == 1)
        }
    }

    @Test func labelsAndEnvelopesOfAViewArePDFsOfThoseInIt() async throws {
        let office = try Office()
        try await withSite(office, configuration: ServerConfiguration(allowedOrigins: [Browser.origin], labelSheetFolders: [Self.sheets])) { client in
            let jan = Browser(client)
            try await jan.logIn("jan")
            let form = try await jan.get("/print?where=" + Browser.escape("city = Brno"))
            #expect(form.status == .ok && form.body.contains(#"<option value="3x8-70x37" selected>"#) && form.body.contains("city = Brno"))

            let labels = try await jan.get("/print/labels.pdf?sheet=3x8-70x37&skip=2&where=" + Browser.escape("city = Brno"))
            #expect(labels.status == .ok && labels.headers[.contentType] == "application/pdf")
            let read = try text(labels.bytes)
            #expect(read["pages"] == "1" && read["text"]?.contains("Dvořák") == true && read["text"]?.contains("Nováková") == false)

            let envelopes = try await jan.get("/print/envelopes.pdf?format=c5&segment=&where=" + Browser.escape("city = Brno or last = Nováková"))
            let pages = try text(envelopes.bytes)
            #expect(pages["pages"] == "2" && pages["text"]?.contains("Škoda Auto a.s.") == true)

            let nobody = try await jan.get("/print/labels.pdf?where=" + Browser.escape("city = Ostrava"))
            #expect(nobody.status == .conflict && nobody.body.contains("no labels to print: the segment selects no one"))
            #expect(try await jan.get("/print/labels.pdf").status == .unprocessableContent, "no view, no labels of everyone")
            #expect(try await jan.get("/print/labels.pdf?skip=24&where=id%20%3E%200").status == .unprocessableContent)
            #expect(try await jan.get("/print/envelopes.pdf?format=b4&where=id%20%3E%200").status == .unprocessableContent)
        }
    }
}
