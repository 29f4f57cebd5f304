// Delivery through the built binary against aiosmtpd on 127.0.0.1: a one-off e-mail, remembered
// settings, a pause from another process, a burst of 421s, a server too slow to answer.

import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct DeliverySessionTests {
    /// One firm with eight persons who consent; person 8's mailbox does not exist (550).
    func database(persons: Int = 8) throws -> Session {
        let s = try Session()
        try s.ok("init")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák", "--email", "jan@kontakt-demo.cz")
        try s.ok("firm", "add", "Strojírny Brno", "--role", "customer")
        for number in 1...persons {
            let local = number == persons ? "rcpt550-p\(number)" : "p\(number)"
            try s.ok("person", "add", "--firm", "1", "--first", "Petr", "--last", "Novák \(number)", "--email", "\(local)@brno.cz")
        }
        return s
    }

    func campaign(_ s: Session, where expression: String = "role = customer") throws {
        let template = try s.write("novinky.md", """
            ---
            subject: "Novinky {{today}}"
            ---
            {{salutation}},

            novinky.
            """)
        try s.ok("campaign", "create", "novinky", "--template", template, "--where", expression, "--referent", "novak")
        try s.ok("campaign", "render", "novinky")
    }

    func status(_ s: Session) throws -> [String: Any] {
        try s.json("campaign", "status", "novinky") as? [String: Any] ?? [:]
    }

    @Test func aOneOffMailIsSentOverTLSAndLoggedAndTheSecretNeverShows() throws {
        let s = try database()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        let certificate = try TestCertificate(in: s.folder)
        let server = try SMTPTestServer(["--tls", certificate.certificate, certificate.key, "--require-starttls", "--auth", "novak:Tajne-Heslo-42"])
        try s.ok("config", "set", "smtp.url", "smtp://novak@127.0.0.1:\(server.port)")
        try s.ok("config", "set", "smtp.cacert", certificate.certificate)
        let refused = try s.run(arguments: ["config", "set", "smtp.url", "smtp://novak:heslo@127.0.0.1:25"])
        #expect(refused.status != 0 && refused.stderr.contains("carries a password"))
        #expect(!(try s.ok("config", "list")).contains("heslo"))

        let body = try s.write("telo.txt", "Dobrý den,\npotvrzuji schůzku v úterý.\n")
        let attachment = try s.write("nabídka – září.txt", "příloha")
        let wrong = try s.run(arguments: ["mail", "--person", "1", "--subject", "Schůzka", "--body-file", body],
                              environment: ["KONTAKT_SMTP_PASSWORD": "Spatne-Heslo-13"])
        #expect(wrong.status != 0 && wrong.stderr.contains("refused the login"))
        #expect(!(wrong.stdout + wrong.stderr).contains("Spatne-Heslo-13"))

        let sent = try s.run(arguments: ["mail", "--person", "1", "--subject", "Schůzka v úterý", "--body-file", body, "--attach", attachment],
                             environment: ["KONTAKT_SMTP_PASSWORD": "Tajne-Heslo-42"])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(!(sent.stdout + sent.stderr).contains("Tajne-Heslo-42"))
        let captured = try server.captured()
        #expect(captured.count == 1 && captured.first?.to == ["p1@brno.cz"])
        let contacts = try s.json("contact", "list", "--person", "1") as? [[String: Any]] ?? []
        #expect(contacts.count == 1 && contacts.first?["kind"] as? String == "email" && contacts.first?["text"] as? String == "Schůzka v úterý")
        let id = contacts.first?["id"] as? Int ?? 0
        #expect(try s.ok("contact", "show", String(id), "--eml") == String(decoding: captured[0].bytes, as: UTF8.self))
        let parsed = try Python.strings("""
            import sys, json, email
            from email import policy
            m = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
            files = [p.get_filename() for p in m.iter_attachments()]
            print(json.dumps({"defects": str([d for p in m.walk() for d in p.defects]), "files": "|".join(files), "subject": str(m["subject"])}))
            """, input: captured[0].bytes)
        #expect(parsed["defects"] == "[]" && parsed["files"] == "nabídka – září.txt" && parsed["subject"] == "Schůzka v úterý")

        // A refused message is an error and logs nothing.
        let bounced = try s.run(arguments: ["mail", "--person", "8", "--subject", "Ahoj", "--body-file", body],
                                environment: ["KONTAKT_SMTP_PASSWORD": "Tajne-Heslo-42"])
        #expect(bounced.status != 0 && bounced.stderr.contains("550 5.1.1"))
        #expect((try s.json("contact", "list", "--person", "8") as? [Any])?.isEmpty == true)
    }

    @Test func pauseFromAnotherProcessStopsAfterTheMessagesInFlightAndSendResumes() throws {
        let s = try database(persons: 60)
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try campaign(s)
        let server = try SMTPTestServer()
        let process = Process()
        process.executableURL = Session.binaryFolder.appendingPathComponent("kontakt")
        process.arguments = ["--db", s.database, "--outbox", s.folder.appendingPathComponent("Outbox").path, "campaign", "send", "novinky",
                             "--smtp", "smtp://127.0.0.1:\(server.port)", "--starttls", "off", "--rate", "20/s"]
        process.currentDirectoryURL = s.folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1)
        try s.ok("campaign", "pause", "novinky")
        let summary = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 75, "a paused run ends early: exit status 75")
        #expect(summary.contains("Stopped: paused") && summary.contains("remain to be sent"))
        let paused = try status(s)["recipients"] as? [String: Int] ?? [:]
        #expect(paused["sending"] == 0 && (paused["sent"] ?? 0) > 0 && (paused["rendered"] ?? 0) > 0)
        #expect(try server.captured().count == paused["sent"])

        try s.ok("--outbox", s.folder.appendingPathComponent("Outbox").path, "campaign", "send", "novinky", "--smtp", "smtp://127.0.0.1:\(server.port)", "--starttls", "off")
        let done = try status(s)
        #expect((done["recipients"] as? [String: Int])?["sent"] == 59 && (done["recipients"] as? [String: Int])?["failed"] == 1)
        let failures = done["failures"] as? [[String: Any]] ?? []
        #expect(failures.count == 1 && (failures.first?["reply"] as? String)?.hasPrefix("550 5.1.1") == true)
        #expect(Set(try server.captured().flatMap(\.to)).count == 59)
    }

    @Test func aBurstOf421sBacksOffAndASlowServerDefers() throws {
        let s = try database()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try s.ok("person", "edit", "3", "--email", "slow-p3@brno.cz")
        try campaign(s)
        let server = try SMTPTestServer(["--greeting-421", "3", "--slow", "4"])
        let outbox = s.folder.appendingPathComponent("Outbox").path
        let first = try s.ok("--outbox", outbox, "campaign", "send", "novinky", "--smtp", "smtp://127.0.0.1:\(server.port)", "--starttls", "off",
                             "--concurrency", "2", "--timeout", "1", "--retry-delay", "0.2", "--max-attempts", "2", "--wait", "10")
        #expect(first.contains("Sent 6 message(s)"))
        let state = try status(s)
        #expect((state["recipients"] as? [String: Int])?["sent"] == 6)
        let failures = state["failures"] as? [[String: Any]] ?? []
        #expect(failures.map { $0["person"] as? Int } == [3, 8])
        // The slow one timed out twice and gave up: without the server's reply it is not marked
        // sent, and it has no contact (whatever the server did with the data afterwards).
        #expect((failures.first?["reply"] as? String)?.contains("gave up after 2 attempts") == true)
        let slowReply = failures.first?["reply"] as? String ?? ""
        #expect(slowReply.hasSuffix("server response timeout"), "\(slowReply)")
        #expect((try s.json("contact", "list", "--person", "3") as? [Any])?.isEmpty == true)
    }

    @Test func testToSendsCopiesOnlyAndRateAndSecretFilesApply() throws {
        let s = try database()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try campaign(s)
        let certificate = try TestCertificate(in: s.folder)
        let server = try SMTPTestServer(["--tls", certificate.certificate, certificate.key, "--require-starttls",
                                         "--auth", "novak:heslo-ze-souboru", "--xoauth2", "novak:ya29.token-ze-souboru"])
        try s.ok("config", "set", "smtp.url", "smtp://novak@127.0.0.1:\(server.port)")
        try s.ok("config", "set", "smtp.cacert", certificate.certificate)
        let outbox = s.folder.appendingPathComponent("Outbox").path
        let passwordFile = try s.write("heslo.txt", "heslo-ze-souboru\n")
        let tokenFile = try s.write("token.txt", "ya29.token-ze-souboru\n")

        // --test-to: the first two messages, to one address; nothing recorded.
        let test = try s.ok("--outbox", outbox, "campaign", "send", "novinky", "--test-to", "Tester <tester@kontakt-demo.cz>", "--limit", "2",
                            "--password-file", passwordFile)
        #expect(test.split(separator: "\n").count == 2 && test.contains("accepted"))
        #expect(try server.captured().map(\.to) == [["tester@kontakt-demo.cz"], ["tester@kontakt-demo.cz"]])
        #expect((try status(s)["recipients"] as? [String: Int])?["rendered"] == 8)
        #expect((try s.json("contact", "list", "--kind", "email") as? [Any])?.isEmpty == true)

        // The real send, by XOAUTH2 from a file, at 4 messages a second after a burst of four.
        let started = Date()
        let sent = try s.ok("--outbox", outbox, "campaign", "send", "novinky", "--oauth2-token-file", tokenFile, "--rate", "4/s")
        #expect(sent.contains("Sent 7 message(s), deferred 0, failed 1"))
        #expect(Date().timeIntervalSince(started) >= 0.9)
        #expect(try server.captured().count == 9)
    }
}
