// DKIM and the suppression list through the built binary: `dkim keygen` writes a key only its
// owner may read and prints the record that dkimpy then verifies a one-off e-mail against;
// `suppression add|list|remove` edits what campaigns skip.

import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct DKIMSessionTests {
    @Test(arguments: ["rsa", "ed25519"])
    func keygenThenEveryMessageIsSigned(_ type: String) throws {
        let s = try Session()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try s.ok("init")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák", "--email", "jan@firma.cz")
        try s.ok("firm", "add", "Strojírny Brno", "--role", "customer")
        try s.ok("person", "add", "--firm", "1", "--first", "Petr", "--last", "Novák", "--email", "petr@brno.cz")

        let keyFile = s.folder.appendingPathComponent("keys-\(type).pem").path
        // No database: a key is a file of its own.
        let generated = try s.run(arguments: ["dkim", "keygen", "--domain", "Firma.cz", "--selector", "k2026", "--key-file", keyFile, "--type", type],
                                  withDatabase: false)
        #expect(generated.status == 0, "\(generated.stderr)")
        let printed = generated.stdout
        var status = stat()
        #expect(stat(keyFile, &status) == 0 && status.st_mode & 0o777 == 0o600)
        let pem = try String(contentsOfFile: keyFile, encoding: .utf8)
        #expect(pem.contains("PRIVATE KEY") && !printed.contains(pem.split(separator: "\n")[1]))
        // The record, joined from its quoted strings.
        let line = try #require(printed.split(separator: "\n").first { $0.hasPrefix("k2026._domainkey.firma.cz. IN TXT") })
        let record = line.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map(\.element).joined()
        #expect(record.hasPrefix("v=DKIM1; k=\(type); p="))
        // A key is never overwritten.
        let again = try s.run(arguments: ["dkim", "keygen", "--domain", "firma.cz", "--selector", "k2027", "--key-file", keyFile], withDatabase: false)
        #expect(again.status == 1 && again.stderr.contains("exists already"))
        #expect(try String(contentsOfFile: keyFile, encoding: .utf8) == pem)

        for (key, value) in [("dkim.domain", "firma.cz"), ("dkim.selector", "k2026"), ("dkim.key-file", keyFile)] {
            try s.ok("config", "set", key, value)
        }
        let bad = try s.run(arguments: ["config", "set", "dkim.domain", "firma cz"])
        #expect(bad.status != 0 && bad.stderr.contains("is not a domain name"))
        let badBounce = try s.run(arguments: ["config", "set", "mail.bounce-address", "vrácené pošta@firma.cz"])
        #expect(badBounce.status != 0 && badBounce.stderr.contains("mail.bounce-address"))

        let server = try SMTPTestServer()
        try s.ok("config", "set", "smtp.url", "smtp://127.0.0.1:\(server.port)")
        try s.ok("config", "set", "smtp.starttls", "off")
        let body = try s.write("telo.txt", "Dobrý den,\npotvrzuji schůzku.\n")
        try s.ok("mail", "--person", "1", "--subject", "Schůzka", "--body-file", body)
        let captured = try server.captured()
        #expect(captured.count == 1)
        let verdicts = try DKIMVerifier.verify(captured.map { Array($0.bytes) }, records: ["k2026._domainkey.firma.cz.": record])
        #expect(verdicts.first?.ok == true, "\(verdicts.first?.error ?? "")")
        // The logged copy is the signed one.
        let contacts = try s.json("contact", "list", "--person", "1") as? [[String: Any]] ?? []
        let id = contacts.first?["id"] as? Int ?? 0
        #expect(try s.ok("contact", "show", String(id), "--eml") == String(decoding: captured[0].bytes, as: UTF8.self))
    }

    @Test func theSuppressionListIsEditedAndListed() throws {
        let s = try Session()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try s.ok("init")
        try s.ok("firm", "add", "Strojírny Brno", "--role", "customer")
        try s.ok("person", "add", "--firm", "1", "--first", "Petr", "--last", "Novák", "--email", "Petr@Brno.cz")
        #expect(try s.ok("suppression", "add", "PETR@brno.cz", "--note", "asked by phone").contains("Suppressed petr@brno.cz"))
        #expect(try s.ok("suppression", "add", "petr@brno.cz").contains("was suppressed already"))
        let bad = try s.run(arguments: ["suppression", "add", "not an address"])
        #expect(bad.status == 1 && bad.stderr.contains("not an address"))
        let listed = try s.json("suppression", "list") as? [[String: Any]] ?? []
        #expect(listed.count == 1)
        #expect(listed.first?["address"] as? String == "petr@brno.cz" && listed.first?["reason"] as? String == "manual")
        #expect(listed.first?["person"] as? Int == 1 && listed.first?["detail"] as? String == "asked by phone")
        #expect(try s.ok("suppression", "list", "--reason", "manual").contains("asked by phone"))
        #expect((try s.json("suppression", "list", "--reason", "complaint") as? [Any])?.isEmpty == true)
        let wrongReason = try s.run(arguments: ["suppression", "list", "--reason", "bounced"])
        #expect(wrongReason.status == 64 && wrongReason.stderr.contains("hard-bounce"))
        #expect(try s.ok("suppression", "remove", "petr@BRNO.cz").contains("no longer suppressed"))
        let gone = try s.run(arguments: ["suppression", "remove", "petr@brno.cz"])
        #expect(gone.status == 1 && gone.stderr.contains("is not on the suppression list"))
        #expect(try s.sqlite("SELECT action || ' ' || new_value FROM audit_entry WHERE entity = 'address' ORDER BY id")
            == "suppress petr@brno.cz\nunsuppress petr@brno.cz")
    }
}
