// Importing a spreadsheet in the browser: a Windows-1250 file with two bad rows uploaded as
// multipart/form-data, its encoding and delimiter detected, both errors in the table with
// their lines, the valid rows imported and the upload gone; a column mapped or left out; the
// size limit, CSRF, the role and the upload names that could reach outside the folder refused.

import CRM
import Foundation
import HTTPTypes
import NIOCore
import Testing
import Web
import Workspace
import WorkspaceFixtures

@Suite(.serialized) struct ImportPageTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-uploads-\(UUID().uuidString)")

    func configuration(limit: Int = 1024 * 1024) -> ServerConfiguration {
        ServerConfiguration(allowedOrigins: [Browser.origin], uploadFolder: folder.path, uploadLimit: limit)
    }

    /// POSTs a multipart form with the page's CSRF token (unless `csrf` says otherwise).
    func upload(_ browser: Browser, _ file: Data, name: String = "firmy.csv", target: String = "firms", csrf: String? = nil) async throws -> Reply {
        let boundary = "----kontakt-test-boundary"
        var body = Data()
        func field(_ name: String, _ value: String) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        field("_csrf", csrf ?? browser.csrf)
        field("target", target)
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        body += file
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        return try await browser.send("/import", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)", .origin: Browser.origin],
                                      body: ByteBuffer(bytes: body))
    }

    var leftInFolder: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() }

    @Test func aWindows1250FileWithTwoBadRowsIsCheckedThenItsValidRowsImported() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let office = try Office()
        let csv = "Název;IČO;Město;Poznámka\r\nŽluťoučký kůň s.r.o.;;Brno;první\r\nÚpěl a.s.;12345;Olomouc;špatné IČO\r\n;;Praha;bez názvu\r\nĎábelské ódy v.o.s.;;Ostrava;\r\n"
        let bytes = try #require(csv.data(using: .windowsCP1250))
        try await withSite(office, configuration: configuration()) { client in
            let admin = Browser(client)
            try await admin.logIn("admin")
            let form = try await admin.get("/import")
            #expect(form.status == .ok && form.body.contains(#"enctype="multipart/form-data""#))
            let uploaded = try await upload(admin, bytes, name: "C:\\Users\\kancelar\\firmy 2026.csv")
            #expect(uploaded.status == .seeOther)
            let location = try #require(uploaded.location)
            #expect(location.hasPrefix("/import/") && location.hasSuffix("?target=firms"))
            #expect(leftInFolder.count == 2, "the file and its name, nothing else: \(leftInFolder)")

            let check = try await admin.get(location)
            #expect(check.status == .ok)
            #expect(check.body.contains("firmy 2026.csv") && !check.body.contains("Users"), "the user's own file name, without its folders")
            #expect(check.body.contains(#"<dd id="import-encoding">windows-1250</dd>"#) && check.body.contains(#"<dd id="import-delimiter">;</dd>"#))
            #expect(check.body.contains("Žluťoučký kůň s.r.o."), "the first rows, decoded")
            let problems = check.body.components(separatedBy: #"<table class="list" id="import-problems">"#).last ?? ""
            #expect(problems.contains("<td>3</td><td>ico</td>") || problems.contains("<td>3</td><td>IČO</td>"), "line 3's IČO")
            #expect(problems.contains("<td>4</td>"), "line 4 has no name")
            #expect(check.body.contains("Platných řádků: <strong>2</strong> · Chybných řádků: <strong>2</strong>"))
            #expect(try office.count("firm") == 2, "a check writes nothing")
            #expect(!check.body.contains("Importovat vše"), "all or nothing is not offered while rows are invalid")

            try await admin.get(location)
            let done = try await admin.post(String(location.split(separator: "?")[0]), [("target", "firms"), ("mode", "valid")])
            #expect(done.status == .ok && done.body.contains("Importováno 2 / 4"))
            #expect(try office.values("SELECT name FROM firm ORDER BY id").suffix(2) == ["Žluťoučký kůň s.r.o.", "Ďábelské ódy v.o.s."])
            #expect(leftInFolder.isEmpty, "the upload is removed once imported")
            #expect(try office.values("SELECT actor || ' ' || action FROM audit_entry WHERE entity = 'firms'") == ["web:admin import"])
        }
    }

    @Test func aColumnIsMappedOrLeftOut() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let office = try Office()
        try await withSite(office, configuration: configuration()) { client in
            let admin = Browser(client)
            try await admin.logIn("admin")
            try await admin.get("/import")
            let uploaded = try await upload(admin, Data("Firma,Interní číslo\nGama s.r.o.,A-17\n".utf8))
            let location = try #require(uploaded.location)
            let unknown = try await admin.get(location)
            #expect(unknown.body.contains("Interní číslo") && unknown.body.contains("neither a field nor a defined attribute"))
            #expect(!unknown.body.contains("Importovat"), "nothing to import while a column means nothing")
            let leftOut = try await admin.get(location + "&col1=-")
            #expect(leftOut.body.contains("Platných řádků: <strong>1</strong>"))
            try await admin.get(location + "&col1=-")
            let done = try await admin.post(String(location.split(separator: "?")[0]), [("target", "firms"), ("col1", "-"), ("mode", "all")])
            #expect(done.body.contains("Importováno 1 / 1"))
            #expect(try office.values("SELECT name || '|' || coalesce(note, '') FROM firm WHERE name = 'Gama s.r.o.'") == ["Gama s.r.o.|"])
        }
    }

    @Test func limitsRolesTokensAndNamesAreEnforced() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let office = try Office()
        try await withSite(office, configuration: configuration(limit: 2048)) { client in
            let admin = Browser(client)
            try await admin.logIn("admin")
            try await admin.get("/import")
            let large = try await upload(admin, Data(repeating: 0x41, count: 10_000))
            #expect(large.status == .contentTooLarge && large.body.contains("larger than"))
            #expect(leftInFolder.isEmpty, "nothing of a refused upload stays")
            let forged = try await upload(admin, Data("Název\nX\n".utf8), csrf: "nope")
            #expect(forged.status == .forbidden)
            #expect(leftInFolder.isEmpty)
            for path in ["/import/..%2F..%2Fetc%2Fpasswd", "/import/AAAAAAAAAAAAAAAAAAAAAA", "/import/a.csv"] {
                #expect(try await admin.get(path).status == .notFound, "\(path)")
            }
            let marie = Browser(client)
            try await marie.logIn("marie")
            #expect(try await marie.get("/import").status == .forbidden)
            try await marie.get("/day")
            #expect(try await upload(marie, Data("Název\nX\n".utf8)).status == .forbidden)
            #expect(leftInFolder.isEmpty)
        }
    }
}
