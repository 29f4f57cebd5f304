// The exactly-once promise the way an office works, through the built binary against aiosmtpd
// on 127.0.0.1: data changed between render and send, files changed in the Outbox, two senders
// at once, a shared daily cap, a writer holding the database, signals, a server that closes
// idle connections and one that refuses a copy.

import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct OfficeDeliveryTests {
    /// One firm with `persons` persons who consent, p1@brno.cz …; a campaign to all of them,
    /// rendered.
    func rendered(persons: Int = 8, template: String? = nil) throws -> Session {
        let s = try Session()
        try s.ok("init")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák", "--email", "jan@kontakt-demo.cz")
        try s.ok("firm", "add", "Strojírny Brno", "--role", "customer")
        if persons > 20 {
            var csv = "firm;first;last;email\n"
            for number in 1...persons { csv += "Strojírny Brno;Petr;Novák \(number);p\(number)@brno.cz\n" }
            try s.ok("import", "persons", try s.write("lide.csv", csv))
        } else {
            for number in 1...persons {
                try s.ok("person", "add", "--firm", "1", "--first", "Petr", "--last", "Novák \(number)", "--email", "p\(number)@brno.cz")
            }
        }
        let path = try s.write("novinky.md", template ?? """
            ---
            subject: "Novinky"
            ---
            {{salutation}},

            novinky.
            """)
        try s.ok("campaign", "create", "novinky", "--template", path, "--where", "role = customer", "--referent", "novak")
        try s.ok("campaign", "render", "novinky")
        return s
    }

    /// `campaign send novinky` to the test server, with `extra` options.
    func sendArguments(_ server: SMTPTestServer, _ extra: [String] = []) -> [String] {
        ["campaign", "send", "novinky", "--smtp", "smtp://127.0.0.1:\(server.port)", "--starttls", "off"] + extra
    }

    func send(_ s: Session, _ server: SMTPTestServer, _ extra: String...) throws -> Outcome {
        try s.run(arguments: sendArguments(server, extra))
    }


    /// How many copies each address received.
    func copies(_ server: SMTPTestServer) throws -> [String: Int] {
        var copies: [String: Int] = [:]
        for message in try server.captured() { for address in message.to { copies[address.lowercased(), default: 0] += 1 } }
        return copies
    }

    func failures(_ s: Session) throws -> [Int: String] {
        let status = try s.json("campaign", "status", "novinky") as? [String: Any] ?? [:]
        var reasons: [Int: String] = [:]
        for failure in status["failures"] as? [[String: Any]] ?? [] {
            reasons[failure["person"] as? Int ?? 0] = (failure["state"] as? String ?? "") + ": " + (failure["reply"] as? String ?? "")
        }
        return reasons
    }

    @Test func personsChangedAfterRenderingAreSkippedWithTheReasonAndTheCampaignFinishes() throws {
        let s = try rendered()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try s.ok("person", "remove", "2", "--force")
        try s.ok("person", "edit", "3", "--no-email-consent")
        try s.ok("person", "edit", "4", "--email", "novy4@brno.cz")
        try s.ok("person", "edit", "5", "--email", "")
        let server = try SMTPTestServer()
        let first = try send(s, server)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Skipped 4 recipient(s)"), "\(first.stdout)")
        let received = try copies(server)
        #expect(Set(received.keys) == ["p1@brno.cz", "p6@brno.cz", "p7@brno.cz", "p8@brno.cz"])
        #expect(received.values.allSatisfy { $0 == 1 })
        let reasons = try failures(s)
        #expect(reasons[2]?.contains("skipped: person 2 was removed") == true, "\(reasons)")
        #expect(reasons[3]?.contains("withdrew e-mail consent") == true)
        #expect(reasons[4]?.contains("changed from p4@brno.cz to novy4@brno.cz") == true)
        #expect(reasons[5]?.contains("p5@brno.cz was removed") == true)
        // Finished: a second run sends nobody.
        let again = try send(s, server)
        #expect(again.status == 0 && again.stdout.contains("Sent 0 message(s)"), "\(again.stdout)")
        #expect(try server.captured().count == 4)
        #expect(try s.sqlite("SELECT COUNT(*) FROM contact WHERE kind = 'email'") == "4")
    }

    @Test func aPersonRemovedWhileTheirMessageIsInFlightIsLoggedForTheFirmAndNeverSentAgain() throws {
        // p3's message is answered after 3 s; the person is removed meanwhile.
        let s = try Session()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try s.ok("init")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák", "--email", "jan@kontakt-demo.cz")
        try s.ok("firm", "add", "Strojírny Brno", "--role", "customer")
        try s.ok("firm", "add", "Slévárna Zlín", "--role", "customer")
        try s.ok("person", "add", "--firm", "1", "--last", "Novák", "--email", "slow-novak@brno.cz")
        try s.ok("person", "add", "--firm", "2", "--last", "Dvořák", "--email", "slow-dvorak@zlin.cz")
        try s.ok("person", "add", "--firm", "1", "--last", "Malý", "--email", "maly@brno.cz")
        let path = try s.write("n.md", "---\nsubject: Novinky\n---\n{{salutation}},\n\nnovinky.\n")
        try s.ok("campaign", "create", "novinky", "--template", path, "--where", "role = customer", "--referent", "novak")
        try s.ok("campaign", "render", "novinky")
        let server = try SMTPTestServer(["--slow", "3"])
        let sender = try s.start(sendArguments(server, ["--concurrency", "2"]), name: "send")
        Thread.sleep(forTimeInterval: 1)
        try s.ok("person", "remove", "1", "--force")
        try s.ok("firm", "remove", "2", "--force")
        sender.waitUntilExit()
        #expect(sender.terminationStatus == 0, "\(s.output("send"))")
        #expect(try s.sqlite("SELECT person_id || ' ' || state FROM campaign_recipient ORDER BY person_id") == "1 sent\n2 sent\n3 sent")
        // Person 1's contact belongs to the firm now; firm 2 is gone, so person 2's has none.
        #expect(try s.sqlite("SELECT firm_id || ' ' || COALESCE(person_id, '-') FROM contact WHERE kind = 'email' ORDER BY id") == "1 -\n1 3")
        #expect(try s.sqlite("SELECT reason FROM campaign_recipient WHERE person_id = 2").contains("no contact was logged"))
        let again = try send(s, server)
        #expect(again.status == 0 && again.stdout.contains("Sent 0 message(s)"), "\(again.stdout) \(again.stderr)")
        #expect(try server.captured().count == 3)
    }

    @Test func renderedFilesThatChangedAreNeverSentAndTheRestGoOut() throws {
        let s = try rendered()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        let folder = s.folder.appendingPathComponent("Outbox/novinky")
        func file(_ person: Int) -> URL { folder.appendingPathComponent("\(person).eml") }
        try Data().write(to: file(1))
        let original = try String(contentsOf: file(2), encoding: .utf8)
        try ("Bcc: thief@example.org\r\n" + original).write(to: file(2), atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(at: file(3))
        try FileManager.default.createSymbolicLink(atPath: file(3).path, withDestinationPath: "/etc/passwd")
        try FileManager.default.removeItem(at: file(4))
        try FileManager.default.createDirectory(at: file(4), withIntermediateDirectories: false)
        try FileManager.default.removeItem(at: file(5))
        let server = try SMTPTestServer()
        let outcome = try send(s, server)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let received = try copies(server)
        #expect(Set(received.keys) == ["p6@brno.cz", "p7@brno.cz", "p8@brno.cz"], "\(received)")
        #expect(try server.captured().allSatisfy { !String(decoding: $0.bytes, as: UTF8.self).contains("root:") })
        let reasons = try failures(s)
        #expect(reasons[1]?.contains("failed: the rendered file is empty") == true, "\(reasons)")
        #expect(reasons[2]?.contains("changed after rendering") == true)
        #expect(reasons[3]?.contains("symbolic link") == true)
        #expect(reasons[4]?.contains("not a regular file") == true)
        #expect(reasons[5]?.contains("missing") == true)
        #expect(try s.sqlite("SELECT COUNT(*) FROM contact") == "3")
    }

    @Test func aKilledRenderingLeavesTheJournalAndItsFilesInAgreement() throws {
        let s = try rendered(persons: 1500)
        defer { try? FileManager.default.removeItem(at: s.folder) }
        let folder = s.folder.appendingPathComponent("Outbox/novinky")
        // What a sender reads: a rendering killed while moving its files into place is completed
        // from its staging folder (the one the journal's rendering id names) before anything goes.
        func hashesAgree() throws -> Bool {
            let rows = try s.sqlite("SELECT file || ' ' || file_hash FROM campaign_recipient WHERE file IS NOT NULL").split(separator: "\n")
            let staged = folder.appendingPathComponent(".rendering-" + (try s.sqlite("SELECT render_id FROM campaign"))).path
            let script = """
                import hashlib, sys, os
                folder, staged = sys.argv[1], sys.argv[2]
                def path(name):
                    return os.path.join(staged, name) if os.path.exists(os.path.join(staged, name)) else os.path.join(folder, name)
                bad = [l for l in sys.stdin.read().split("\\n") if l and hashlib.sha256(open(path(l.split()[0]), "rb").read()).hexdigest() != l.split()[1]]
                print(len(bad))
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, folder.path, staged]
            let input = Pipe(), out = Pipe()
            process.standardInput = input
            process.standardOutput = out
            try process.run()
            input.fileHandleForWriting.write(Data(rows.joined(separator: "\n").utf8))
            try input.fileHandleForWriting.close()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return rows.count == 1500 && text.trimmingCharacters(in: .whitespacesAndNewlines) == "0"
        }
        #expect(try hashesAgree())
        var killedMidway = 0
        for delay in [0.15, 0.3, 0.45, 0.6, 0.8, 1.0] {
            let render = try s.start(["campaign", "render", "novinky"], name: "render")
            Thread.sleep(forTimeInterval: delay)
            if render.isRunning { kill(render.processIdentifier, SIGKILL); killedMidway += 1 }
            render.waitUntilExit()
            #expect(try hashesAgree(), "after a kill at \(delay) s the journal names files it did not render")
        }
        #expect(killedMidway >= 2)
        // What a send delivers is what the journal knows.
        let server = try SMTPTestServer()
        let outcome = try send(s, server, "--concurrency", "4")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let ids = Set(try s.sqlite("SELECT message_id FROM campaign_recipient").split(separator: "\n").map(String.init))
        let sent = try server.captured().compactMap { message -> String? in
            String(decoding: message.bytes, as: UTF8.self).split(separator: "\r\n").first { $0.hasPrefix("Message-ID: ") }.map { String($0.dropFirst(12)) }
        }
        #expect(sent.count == 1500 && Set(sent) == ids)
        // No staging folder outlives the send.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func twoSendersOfOneCampaignNeverBothSend() throws {
        let s = try rendered(persons: 300)
        defer { try? FileManager.default.removeItem(at: s.folder) }
        let server = try SMTPTestServer()
        let arguments = sendArguments(server, ["--rate", "200/s"])
        let first = try s.start(arguments, name: "first")
        let second = try s.start(arguments, name: "second")
        first.waitUntilExit()
        second.waitUntilExit()
        let statuses = [first.terminationStatus, second.terminationStatus].sorted()
        #expect(statuses == [0, 1], "\(s.output("first")) \(s.output("second"))")
        let refused = first.terminationStatus == 0 ? s.output("second") : s.output("first")
        #expect(refused.contains("is being sent by process") && refused.contains("on "), "\(refused)")
        let received = try copies(server)
        #expect(received.count == 300 && received.values.allSatisfy { $0 == 1 })
        #expect(try s.sqlite("SELECT COUNT(*), COUNT(DISTINCT person_id) FROM contact WHERE kind = 'email'") == "300|300")
        // The lease was released: a later send runs (and has nothing left).
        #expect(try send(s, server).stdout.contains("Sent 0 message(s)"))
    }

    @Test func aKilledSendersLeaseIsTakenOverAtOnce() throws {
        let s = try rendered(persons: 400)
        defer { try? FileManager.default.removeItem(at: s.folder) }
        let server = try SMTPTestServer()
        let sender = try s.start(sendArguments(server, ["--rate", "50/s"]), name: "send")
        Thread.sleep(forTimeInterval: 1)
        #expect(sender.isRunning)
        let status = try s.json("campaign", "status", "novinky") as? [String: Any] ?? [:]
        #expect((status["lease"] as? [String: Any])?["process"] as? Int == Int(sender.processIdentifier))
        kill(sender.processIdentifier, SIGKILL)
        sender.waitUntilExit()
        let started = Date()
        let resumed = try send(s, server)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(Date().timeIntervalSince(started) < 30, "the resumed run waited for the dead holder's lease to expire")
        #expect(try copies(server).count == 400)
    }

    @Test func theDailyCapHoldsAcrossTwoSendersOfOneAccount() throws {
        let s = try rendered(persons: 40)
        defer { try? FileManager.default.removeItem(at: s.folder) }
        let path = s.folder.appendingPathComponent("novinky.md").path
        try s.ok("campaign", "create", "druha", "--template", path, "--where", "role = customer", "--referent", "novak")
        try s.ok("campaign", "render", "druha")
        let server = try SMTPTestServer()
        let options = ["--smtp", "smtp://127.0.0.1:\(server.port)", "--starttls", "off", "--daily-cap", "25", "--rate", "40/s"]
        let first = try s.start(["campaign", "send", "novinky"] + options, name: "first")
        let second = try s.start(["campaign", "send", "druha"] + options, name: "second")
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(try server.captured().count == 25)
        #expect(first.terminationStatus == 75 && second.terminationStatus == 75, "\(s.output("first")) \(s.output("second"))")
        #expect(s.output("first").contains("daily cap of 25") && s.output("first").contains("remain to be sent"))
        #expect(try s.sqlite("SELECT sent FROM smtp_daily_count") == "25")
        #expect(try s.sqlite("SELECT COUNT(*) FROM campaign_recipient WHERE state = 'sending' OR cap_slot IS NOT NULL") == "0")
    }

    @Test func aWriterHoldingTheDatabaseLongerThanTheBusyTimeoutOnlyDelaysTheSend() throws {
        let s = try rendered(persons: 200)
        defer { try? FileManager.default.removeItem(at: s.folder) }
        let server = try SMTPTestServer()
        let sender = try s.start(sendArguments(server, ["--rate", "40/s"]), name: "send")
        Thread.sleep(forTimeInterval: 1)
        // sqlite3 holds the write lock for 13 s, past the sender's 10 s busy timeout.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["sqlite3", s.database]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        // .timeout: the sender commits often; sqlite3 waits for its turn rather than failing.
        input.fileHandleForWriting.write(Data(".timeout 5000\nBEGIN IMMEDIATE; UPDATE firm SET note = 'x' WHERE id = 1;\n".utf8))
        Thread.sleep(forTimeInterval: 13)
        input.fileHandleForWriting.write(Data("COMMIT;\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        sender.waitUntilExit()
        #expect(sender.terminationStatus == 0, "\(s.output("send"))")
        #expect(s.output("send").contains("waiting for another writer"), "\(s.output("send"))")
        let received = try copies(server)
        #expect(received.count == 200 && received.values.allSatisfy { $0 == 1 })
        #expect(try s.sqlite("SELECT state, COUNT(*) FROM campaign_recipient GROUP BY state") == "sent|200")
    }

    @Test func aSignalStopsTheSendGracefullyAndTheResumedRunSendsNobodyTwice() throws {
        for signal in [SIGTERM, SIGINT, SIGHUP] {
            let s = try rendered(persons: 200)
            defer { try? FileManager.default.removeItem(at: s.folder) }
            let server = try SMTPTestServer()
            let sender = try s.start(sendArguments(server, ["--rate", "100/s"]), name: "send")
            Thread.sleep(forTimeInterval: 0.8)
            kill(sender.processIdentifier, signal)
            sender.waitUntilExit()
            #expect(sender.terminationStatus == 75, "signal \(signal): \(s.output("send"))")
            #expect(s.output("send").contains("remain to be sent"))
            #expect(try s.sqlite("SELECT COUNT(*) FROM campaign_recipient WHERE state = 'sending'") == "0")
            let sent = Int(try s.sqlite("SELECT COUNT(*) FROM campaign_recipient WHERE state = 'sent'")) ?? 0
            let captured = try server.captured().count
            #expect(sent > 0 && sent < 200 && sent == captured)
            #expect(try send(s, server).status == 0)
            let received = try copies(server)
            #expect(received.count == 200 && received.values.allSatisfy { $0 == 1 }, "signal \(signal)")
        }
    }

    @Test func aSecondSignalStopsAtOnceLeavingOnlyTheInFlightWindow() throws {
        let s = try rendered(persons: 200)
        let server = try SMTPTestServer(["--slow", "2"])
        try s.ok("person", "edit", "3", "--email", "slow-p3@brno.cz")
        try s.ok("campaign", "render", "novinky")
        let sender = try s.start(sendArguments(server, ["--concurrency", "4"]), name: "send")
        Thread.sleep(forTimeInterval: 1)
        kill(sender.processIdentifier, SIGTERM)
        Thread.sleep(forTimeInterval: 0.2)
        kill(sender.processIdentifier, SIGTERM)
        sender.waitUntilExit()
        #expect(sender.terminationStatus == 128 + SIGTERM, "\(s.output("send"))")
        let inFlight = try s.sqlite("SELECT email FROM campaign_recipient WHERE state = 'sending'").split(separator: "\n").map(String.init)
        #expect(inFlight.count <= 4)
        #expect(try send(s, server).status == 0)
        let received = try copies(server)
        #expect(received.count == 200)
        #expect(received.allSatisfy { $0.value == 1 || ($0.value == 2 && inFlight.contains($0.key)) }, "\(received.filter { $0.value > 1 })")
    }

    @Test func anIdleConnectionTheServerClosedIsReopenedAtOnce() throws {
        let s = try rendered(persons: 4)
        defer { try? FileManager.default.removeItem(at: s.folder) }
        let server = try SMTPTestServer(["--idle-timeout", "0.3", "--idle-421"])
        let outcome = try send(s, server, "--concurrency", "1", "--rate", "2/s", "--retry-delay", "60")
        #expect(outcome.status == 0 && outcome.stdout.contains("Sent 4 message(s), deferred 0"), "\(outcome.stdout)")
    }

    @Test func aRefusedCopyDoesNotFailThePersonsMessage() throws {
        let s = try rendered(persons: 3, template: """
            ---
            subject: "Novinky"
            bcc: rcpt550-archiv@kontakt-demo.cz
            ---
            {{salutation}},

            novinky.
            """)
        defer { try? FileManager.default.removeItem(at: s.folder) }
        let server = try SMTPTestServer()
        let outcome = try send(s, server)
        #expect(outcome.status == 0 && outcome.stdout.contains("Sent 3 message(s), deferred 0, failed 0"), "\(outcome.stdout)")
        #expect(try s.sqlite("SELECT reply FROM campaign_recipient WHERE person_id = 1").contains("refused copies: rcpt550-archiv@kontakt-demo.cz: 550"))
    }
}
