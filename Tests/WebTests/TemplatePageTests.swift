// Templates in the browser: the shipped ones read only, the office's own checked against the
// merge fields before they are saved (the error at file:line:column, the text kept), offered to
// a new campaign once saved; only the owner or an admin replaces or removes one; a name can
// never reach outside the folder; an uploaded file is shown to be checked, not saved unseen.

import CRM
import Foundation
import HTTPTypes
import NIOCore
import Testing
import Web
import Workspace
import WorkspaceFixtures

@Suite(.serialized) struct TemplatePageTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-templates-\(UUID().uuidString)")
    var own: URL { folder.appendingPathComponent("own") }

    func configuration() throws -> ServerConfiguration {
        let shipped = folder.appendingPathComponent("shipped")
        try FileManager.default.createDirectory(at: shipped, withIntermediateDirectories: true)
        try "---\nsubject: \"Nabídka pro {{firm.name}}\"\n---\n{{salutation}},\n\nnabídka.\n".write(to: shipped.appendingPathComponent("nabidka.md"), atomically: true, encoding: .utf8)
        return ServerConfiguration(allowedOrigins: [Browser.origin], templateFolders: [shipped.path], uploadFolder: folder.appendingPathComponent("up").path,
                                   ownTemplateFolder: own.path)
    }

    var ownFiles: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: own.path)) ?? []).sorted() }

    @Test func ownTemplatesAreCheckedSavedOfferedAndGuarded() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let office = try Office()
        try await withSite(office, configuration: try configuration()) { client in
            let jan = Browser(client)
            try await jan.logIn("jan")
            let list = try await jan.get("/templates")
            #expect(list.body.contains(#"href="/templates/nabidka""#) && list.body.contains("dodaná"))
            let shipped = try await jan.get("/templates/nabidka")
            #expect(shipped.body.contains("Dodaná šablona se needituje") && !shipped.body.contains(#"id="template-form""#))

            // A merge field that does not exist: refused at its line and column, the text kept.
            try await jan.get("/templates/new")
            let typo = "---\nsubject: \"Novinky\"\n---\n{{salutation}},\n\npro {{firm.nmae}}.\n"
            let bad = try await jan.post("/templates", [("name", "moje-novinky"), ("text", typo)])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("moje-novinky.md:6:") && bad.body.contains("did you mean &quot;firm.name&quot;"))
            #expect(bad.body.contains("pro {{firm.nmae}}."), "the text stays in the editor")
            #expect(ownFiles.isEmpty)

            let good = typo.replacingOccurrences(of: "nmae", with: "name")
            let saved = try await jan.post("/templates", [("name", "moje-novinky"), ("text", good)])
            #expect(saved.status == .seeOther && saved.location == "/templates/moje-novinky?saved=1")
            #expect(try String(contentsOf: own.appendingPathComponent("moje-novinky.md"), encoding: .utf8) == good)
            try await jan.get("/campaigns/new")
            #expect(try await jan.get("/campaigns/new").body.contains(#"<option value="moje-novinky">moje-novinky</option>"#))

            // Marie may read it, not replace or remove it; an admin may.
            let marie = Browser(client)
            try await marie.logIn("marie")
            try await marie.get("/templates/new")
            #expect(try await marie.post("/templates", [("name", "moje-novinky"), ("original", "moje-novinky"), ("text", good + "x\n")]).status == .forbidden)
            #expect(try await marie.post("/templates/moje-novinky/remove", []).status == .forbidden)
            let admin = Browser(client)
            try await admin.logIn("admin")
            try await admin.get("/templates/moje-novinky")
            #expect(try await admin.post("/templates", [("name", "moje-novinky"), ("original", "moje-novinky"), ("text", good + "Doplněno.\n")]).status == .seeOther)
            #expect(try String(contentsOf: own.appendingPathComponent("moje-novinky.md"), encoding: .utf8).hasSuffix("Doplněno.\n"))

            // A name is a file name inside the folder, or nothing.
            for name in ["../../etc/passwd", "a/b", ".skryta", "x.md", ""] {
                let refused = try await jan.post("/templates", [("name", name), ("text", good)])
                #expect(refused.status == .unprocessableContent, "\(name)")
            }
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("etc").path))

            // An uploaded file is shown for checking; nothing is saved until Save.
            try await jan.get("/templates")
            let boundary = "----kontakt-template"
            var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(jan.csrf)\r\n".utf8)
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pozvanka.md\"\r\nContent-Type: text/markdown\r\n\r\n".utf8)
            body += Data("---\nsubject: \"Pozvánka\"\n---\n{{salutation}},\n\nzveme Vás.\n".utf8)
            body += Data("\r\n--\(boundary)--\r\n".utf8)
            let uploaded = try await jan.send("/templates/upload", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)", .origin: Browser.origin],
                                              body: ByteBuffer(bytes: body))
            #expect(uploaded.status == .ok && uploaded.body.contains(#"value="pozvanka""#) && uploaded.body.contains("zveme Vás."))
            #expect(ownFiles == [".moje-novinky.owner", "moje-novinky.md"])

            try await jan.get("/templates/moje-novinky")
            #expect(try await jan.post("/templates/moje-novinky/remove", []).status == .seeOther)
            #expect(ownFiles.isEmpty)
            #expect(try office.values("SELECT actor || ' ' || action FROM audit_entry WHERE entity = 'template' ORDER BY id") == ["web:jan add", "web:admin save", "web:jan remove"])
        }
    }
}
