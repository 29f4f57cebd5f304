// The SMTP transport against a real server on 127.0.0.1 (aiosmtpd): plain, STARTTLS with
// AUTH, XOAUTH2, and each fault the server can be told to make.

import Foundation
import Mail
import TestSupport
import Testing

@Suite(.serialized) struct SMTPConnectionTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-smtp-tls-\(UUID().uuidString)")

    func message(to recipient: String, subject: String = "Zkouška – žluťoučký kůň") throws -> [UInt8] {
        var message = MailMessage(from: try MailAddress("novak@kontakt-demo.cz", name: "Jan Novák"), to: [try MailAddress(recipient, name: "Eva Malá")],
                                  subject: subject, text: "Dobrý den,\n.tečka na začátku\nFrom nás\n", html: nil)
        message.date = MailDate.now()
        return try MessageWriter.render(message).bytes
    }

    @Test func sendsManyMessagesOverOneConnection() throws {
        let server = try SMTPTestServer()
        let connection = try SMTPConnection(settings: SMTPSettings(url: "smtp://127.0.0.1:\(server.port)", startTLS: .off))
        for number in 1...3 {
            let outcome = try connection.send(from: "novak@kontakt-demo.cz", to: ["eva\(number)@firma.cz"], message: message(to: "eva\(number)@firma.cz"))
            #expect(outcome == .accepted(reply: "250 2.0.0 Ok: queued as K00000\(number)"))
        }
        let captured = try server.captured()
        #expect(captured.map(\.to) == [["eva1@firma.cz"], ["eva2@firma.cz"], ["eva3@firma.cz"]])
        #expect(captured.allSatisfy { $0.from == "novak@kontakt-demo.cz" })
        // The lines that start with a dot or "From " arrive intact.
        let parsed = try Python.strings("""
            import sys, json, email
            from email import policy
            m = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
            print(json.dumps({"defects": str([d for p in m.walk() for d in p.defects] + list(m.defects)), "subject": str(m["subject"]),
                              "body": m.get_content()}))
            """, input: captured[0].bytes)
        #expect(parsed["defects"] == "[]")
        #expect(parsed["subject"] == "Zkouška – žluťoučký kůň")
        #expect(parsed["body"]?.replacingOccurrences(of: "\r\n", with: "\n") == "Dobrý den,\n.tečka na začátku\nFrom nás\n")
    }

    @Test func startTLSWithALoginAndAPrivateAuthority() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = try TestCertificate(in: folder)
        let server = try SMTPTestServer(["--tls", certificate.certificate, certificate.key, "--require-starttls", "--auth", "novak:tajne-heslo"])
        let url = "smtp://novak@127.0.0.1:\(server.port)"

        let trusted = try SMTPConnection(settings: SMTPSettings(url: url, secret: .password("tajne-heslo"), caFile: certificate.certificate))
        #expect(try trusted.send(from: "novak@kontakt-demo.cz", to: ["eva@firma.cz"], message: message(to: "eva@firma.cz"))
                == .accepted(reply: "250 2.0.0 Ok: queued as K000001"))

        let wrongPassword = try SMTPConnection(settings: SMTPSettings(url: url, secret: .password("spatne"), caFile: certificate.certificate))
        #expect(throws: SMTPError.self) { try wrongPassword.send(from: "novak@kontakt-demo.cz", to: ["eva@firma.cz"], message: message(to: "eva@firma.cz")) }
        do {
            _ = try wrongPassword.send(from: "novak@kontakt-demo.cz", to: ["eva@firma.cz"], message: message(to: "eva@firma.cz"))
        } catch let error as SMTPError {
            guard case .authentication(let reply) = error else { Issue.record("expected a refused login, got \(error)"); return }
            #expect(reply.contains("535"))
            #expect(!error.description.contains("spatne"))
        }

        // Without the authority the certificate is not trusted: verification is never skipped.
        let untrusted = try SMTPConnection(settings: SMTPSettings(url: url, secret: .password("tajne-heslo")))
        #expect {
            try untrusted.send(from: "novak@kontakt-demo.cz", to: ["eva@firma.cz"], message: message(to: "eva@firma.cz"))
        } throws: { error in
            guard case .tls(let text)? = error as? SMTPError else { return false }
            return text.contains("not trusted")
        }
        #expect(try server.captured().count == 1)
    }

    @Test func smtpsIsTLSFromTheFirstByte() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = try TestCertificate(in: folder)
        let server = try SMTPTestServer(["--tls", certificate.certificate, certificate.key, "--implicit-tls", "--auth", "novak:tajne"])
        let connection = try SMTPConnection(settings: SMTPSettings(url: "smtps://novak@127.0.0.1:\(server.port)", secret: .password("tajne"),
                                                                 caFile: certificate.certificate))
        #expect(try connection.send(from: "novak@kontakt-demo.cz", to: ["eva@firma.cz"], message: message(to: "eva@firma.cz"))
                == .accepted(reply: "250 2.0.0 Ok: queued as K000001"))
        let plain = try SMTPConnection(settings: SMTPSettings(url: "smtp://novak@127.0.0.1:\(server.port)", secret: .password("tajne"),
                                                            caFile: certificate.certificate, replyTimeout: 2))
        #expect(throws: (any Error).self) {
            guard case .accepted = try plain.send(from: "novak@kontakt-demo.cz", to: ["eva@firma.cz"], message: message(to: "eva@firma.cz")) else {
                throw SMTPError.configuration("not accepted")
            }
        }
        #expect(try server.captured().count == 1)
    }

    @Test func startTLSRequiredRefusesAServerWithoutIt() throws {
        let server = try SMTPTestServer()
        let connection = try SMTPConnection(settings: SMTPSettings(url: "smtp://127.0.0.1:\(server.port)", startTLS: .required))
        #expect {
            try connection.send(from: "novak@kontakt-demo.cz", to: ["eva@firma.cz"], message: message(to: "eva@firma.cz"))
        } throws: { error in
            guard case .tls(let text)? = error as? SMTPError else { return false }
            return text.contains("STARTTLS")
        }
        #expect(try server.captured().isEmpty)
    }

    @Test func xoauth2BearerToken() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = try TestCertificate(in: folder)
        let server = try SMTPTestServer(["--tls", certificate.certificate, certificate.key, "--require-starttls", "--xoauth2", "novak@kontakt-demo.cz:ya29.token"])
        let url = "smtp://novak%40kontakt-demo.cz@127.0.0.1:\(server.port)"
        let good = try SMTPConnection(settings: SMTPSettings(url: url, secret: .oauth2Token("ya29.token"), caFile: certificate.certificate))
        #expect(try good.send(from: "novak@kontakt-demo.cz", to: ["eva@firma.cz"], message: message(to: "eva@firma.cz"))
                == .accepted(reply: "250 2.0.0 Ok: queued as K000001"))
        let expired = try SMTPConnection(settings: SMTPSettings(url: url, secret: .oauth2Token("expired"), caFile: certificate.certificate))
        #expect(throws: SMTPError.self) { try expired.send(from: "novak@kontakt-demo.cz", to: ["eva@firma.cz"], message: message(to: "eva@firma.cz")) }
        #expect(try server.captured().count == 1)
    }

    @Test func eachFaultHasItsOutcomeAndTheConnectionRecovers() throws {
        let server = try SMTPTestServer(["--greeting-421", "1", "--slow", "0.2"])
        let connection = try SMTPConnection(settings: SMTPSettings(url: "smtp://127.0.0.1:\(server.port)", startTLS: .off))
        func send(_ to: String) throws -> SMTPDelivery { try connection.send(from: "novak@kontakt-demo.cz", to: [to], message: message(to: to)) }

        guard case .deferred(421, let busy, true) = try send("eva@firma.cz") else { Issue.record("421 at connect should defer"); return }
        #expect(busy.contains("Too busy"))
        #expect(try send("eva@firma.cz") == .accepted(reply: "250 2.0.0 Ok: queued as K000001"))
        let busyMailbox = try send("rcpt450-eva@firma.cz")
        #expect(busyMailbox == .deferred(code: 450, reply: "450 4.2.1 Mailbox busy, try later", connection: false))
        let noSuchUser = try send("rcpt550-eva@firma.cz")
        #expect(noSuchUser == .rejected(code: 550, reply: "550 5.1.1 No such user here"))
        #expect(try send("data451-eva@firma.cz") == .deferred(code: 451, reply: "451 4.3.0 Temporary failure, try later", connection: false))
        #expect(try send("data554-eva@firma.cz") == .rejected(code: 554, reply: "554 5.7.1 Message refused as spam"))
        let dropped = try send("drop-eva@firma.cz")
        guard case .deferred(0, _, true) = dropped else { Issue.record("a dropped connection should defer, not \(dropped)"); return }
        let droppedInData = try send("middrop-eva@firma.cz")
        guard case .deferred(0, _, true) = droppedInData else { Issue.record("a connection dropped mid-data should defer, not \(droppedInData)"); return }
        #expect(try send("slow-eva@firma.cz") == .accepted(reply: "250 2.0.0 Ok: queued as K000002"))
        #expect(try send("eva@firma.cz") == .accepted(reply: "250 2.0.0 Ok: queued as K000003"))
        #expect(try server.captured().map { $0.to } == [["eva@firma.cz"], ["slow-eva@firma.cz"], ["eva@firma.cz"]])
    }

    @Test func eachRecipientHasItsOwnVerdictAndTheFirstDecides() throws {
        let server = try SMTPTestServer()
        let connection = try SMTPConnection(settings: SMTPSettings(url: "smtp://127.0.0.1:\(server.port)", startTLS: .off))
        let copyRefused = try connection.send(from: "novak@kontakt-demo.cz", to: ["eva@firma.cz", "rcpt550-archiv@firma.cz", "rcpt450-sef@firma.cz"],
                                              message: message(to: "eva@firma.cz"))
        guard case .accepted(let reply) = copyRefused else { Issue.record("a refused copy failed the message: \(copyRefused)"); return }
        #expect(reply.hasPrefix("250 2.0.0 Ok: queued as K000001; refused copies: rcpt550-archiv@firma.cz: 550 5.1.1 No such user here; "
                                + "rcpt450-sef@firma.cz: 450 4.2.1 Mailbox busy"))
        let ownRefused = try connection.send(from: "novak@kontakt-demo.cz", to: ["rcpt550-eva@firma.cz", "sef@firma.cz"], message: message(to: "eva@firma.cz"))
        guard case .rejected(550, let text) = ownRefused else { Issue.record("the person's own refusal should reject: \(ownRefused)"); return }
        #expect(text.contains("550 5.1.1 No such user here (the copies to the other recipients were accepted"))
        #expect(try server.captured().map(\.to) == [["eva@firma.cz"], ["sef@firma.cz"]])
    }

    @Test func aConnectionClosedWhileIdleIsReopenedForTheNextMessage() throws {
        let server = try SMTPTestServer(["--idle-timeout", "0.2", "--idle-421"])
        let connection = try SMTPConnection(settings: SMTPSettings(url: "smtp://127.0.0.1:\(server.port)", startTLS: .off))
        for number in 1...3 {
            let outcome = try connection.send(from: "novak@kontakt-demo.cz", to: ["eva\(number)@firma.cz"], message: message(to: "eva\(number)@firma.cz"))
            #expect(outcome == .accepted(reply: "250 2.0.0 Ok: queued as K00000\(number)"), "message \(number)")
            Thread.sleep(forTimeInterval: 0.5)
        }
    }

    @Test func aPasswordInTheURLIsRefused() throws {
        #expect(throws: SMTPError.self) { try SMTPSettings(url: "smtp://novak:heslo@127.0.0.1:25") }
        #expect(throws: SMTPError.self) { try SMTPSettings(url: "http://127.0.0.1") }
        #expect(try SMTPSettings(url: "smtp://novak@127.0.0.1:25", secret: .password("x")).startTLS == .required)
        #expect(try SMTPSettings(url: "smtp://novak%40firma.cz@127.0.0.1:25").user == "novak@firma.cz")
    }

    @Test func credentialsNeverTravelWithoutTLSWhateverStartTLSSays() throws {
        // A server that offers no STARTTLS (as when an attacker strips it) but would take a login.
        let server = try SMTPTestServer(["--auth", "novak:Tajne-Heslo-42"])
        let settings = try SMTPSettings(url: "smtp://novak@127.0.0.1:\(server.port)", startTLS: .opportunistic, secret: .password("Tajne-Heslo-42"))
        #expect(settings.startTLS == .required)
        let connection = try SMTPConnection(settings: settings)
        #expect(throws: SMTPError.self) { try connection.send(from: "novak@kontakt-demo.cz", to: ["eva@firma.cz"], message: message(to: "eva@firma.cz")) }
        #expect(try server.captured().isEmpty)
        #expect(throws: SMTPError.self) {
            try SMTPSettings(url: "smtp://novak@127.0.0.1:25", startTLS: .off, secret: .oauth2Token("t"))
        }
        // Without a secret, a local relay may be plain.
        #expect(try SMTPSettings(url: "smtp://127.0.0.1:25", startTLS: .off).startTLS == .off)
    }
}
