// A rendered campaign sent to a real SMTP server (aiosmtpd on 127.0.0.1, STARTTLS and AUTH):
// each recipient exactly once, the envelope matching the headers, every message parsed back by
// Python, one contact per accepted message with the exact bytes kept.

import CRM
import Foundation
import GRDB
import Mail
import Store
import TestSupport
import Testing
@testable import Campaigns
import Print

@Suite(.serialized) struct SendTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-send-\(UUID().uuidString)")
    let today = CivilDate(year: 2026, month: 11, day: 29)!

    /// 30 persons of one firm; person 5's mailbox is busy (450 at RCPT), person 7's server
    /// refuses the message (554 at DATA).
    func renderedCampaign() throws -> KontaktDatabase {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try KontaktDatabase(path: folder.appendingPathComponent("k.sqlite").path, create: true)
        try database.write { db in
            try CodeLists.seedDefaults(db: db)
            try Referents.add(Referent(code: "novak", name: "Jan Novák", email: try EmailAddress("jan@kontakt-demo.cz")), db: db)
            let schema = try AttributeDefinitions.schema(db: db)
            let firm = try Firms.insert(Firm(name: "Strojírny Brno, a.s.", roles: [.customer]), schema: schema, db: db)
            for number in 1...30 {
                let local = number == 5 ? "rcpt450-p5" : number == 7 ? "data554-p7" : "p\(number)"
                try Persons.insert(Person(firmId: firm, name: PersonName(first: "Zdeněk", last: "Němec \(number)"),
                                          email: try EmailAddress("\(local)@strojirny.cz")), schema: schema, db: db)
            }
        }
        let template = folder.appendingPathComponent("novinky.md").path
        try """
            ---
            subject: "Novinky pro {{firm.name}}: žluťoučký kůň, „uvozovky“ a emoji 🎉"
            ---
            {{salutation}},

            posíláme novinky.
            .tečka na začátku řádku
            From na začátku řádku
            """.write(toFile: template, atomically: false, encoding: .utf8)
        try database.write { db in
            _ = try CampaignRenderer.create(name: "novinky", templatePath: template, expression: "role = customer", target: .person,
                                            segmentName: nil, referent: "novak", today: today, db: db)
        }
        _ = try CampaignRenderer.render(name: "novinky", database: database, outbox: outbox, today: today)
        return database
    }

    var outbox: String { folder.appendingPathComponent("Outbox").path }

    func options(_ account: String) -> SendOptions {
        var options = SendOptions(account: account, clock: { ContactDate(date: CivilDate(year: 2026, month: 11, day: 29)!, minuteOfDay: 600) })
        options.concurrency = 3
        options.retry = RetryPolicy(firstDelay: 0.2, maxAttempts: 2)
        return options
    }

    @Test func sendsEachRecipientOnceAndLogsEachMessage() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try renderedCampaign()
        let certificate = try TestCertificate(in: folder)
        let server = try SMTPTestServer(["--tls", certificate.certificate, certificate.key, "--require-starttls", "--auth", "novak:tajne"])
        let url = "smtp://novak@127.0.0.1:\(server.port)"

        // A wrong password stops the run before anything is sent, and nothing is marked.
        let wrong = try SMTPSettings(url: url, secret: .password("spatne"), caFile: certificate.certificate)
        let refused = try CampaignSender.send(name: "novinky", database: database, outbox: outbox, options: options(wrong.account),
                                              transport: { try SMTPConnection(settings: wrong) })
        guard case .failed(let why)? = refused.stop else { Issue.record("a refused login should stop the run"); return }
        #expect(why.contains("refused the login") && !why.contains("spatne"))
        #expect(try counts(database) == [.rendered: 30])
        #expect(try server.captured().isEmpty)

        // The right one: ten first (--limit), then the rest, waiting for the deferred retry.
        let settings = try SMTPSettings(url: url, secret: .password("tajne"), caFile: certificate.certificate)
        var first = options(settings.account)
        first.limit = 10
        let part = try CampaignSender.send(name: "novinky", database: database, outbox: outbox, options: first,
                                           transport: { try SMTPConnection(settings: settings) })
        #expect(part.stop == .limit(10))
        #expect(part.progress.sent + part.progress.deferred + part.progress.failed == 10)
        var rest = options(settings.account)
        rest.waitForRetries = 10
        let summary = try CampaignSender.send(name: "novinky", database: database, outbox: outbox, options: rest,
                                              transport: { try SMTPConnection(settings: settings) })
        #expect(summary.stop == nil)
        #expect(try counts(database) == [.sent: 28, .failed: 2])

        let captured = try server.captured()
        let recipients = captured.flatMap(\.to)
        #expect(recipients.count == 28 && Set(recipients).count == 28)
        #expect(!recipients.contains("rcpt450-p5@strojirny.cz") && !recipients.contains("data554-p7@strojirny.cz"))
        let failures = try database.read { db in try DeliveryJournal.failures(campaignId: 1, db: db) }
        #expect(failures.map(\.personId) == [5, 7])
        #expect(failures[0].reply == "gave up after 2 attempts: 450 4.2.1 Mailbox busy, try later" && failures[0].attempts == 2)
        #expect(failures[1].reply == "554 5.7.1 Message refused as spam")

        // Every captured message: no defects, the envelope's recipient is the To address, the
        // subject decodes to what the template says; the stored copy is byte for byte the same.
        for message in captured {
            let parsed = try Python.strings("""
                import sys, json, email
                from email import policy
                m = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
                defects = [d for p in m.walk() for d in p.defects] + list(m.defects)
                print(json.dumps({"defects": str(defects), "to": m["to"].addresses[0].addr_spec, "subject": str(m["subject"]),
                                  "id": str(m["message-id"]), "body": m.get_body(("plain",)).get_content().replace("\\r\\n", "\\n")}))
                """, input: message.bytes)
            #expect(parsed["defects"] == "[]")
            #expect(message.to == [parsed["to"] ?? ""])
            // The envelope sender is the recipient's own VERP address at the sender's domain.
            #expect(message.from.hasPrefix("bounces+1.") && message.from.hasSuffix("@kontakt-demo.cz"))
            #expect(parsed["subject"] == "Novinky pro Strojírny Brno, a.s.: žluťoučký kůň, „uvozovky“ a emoji 🎉")
            #expect(parsed["body"]?.contains("\n.tečka na začátku řádku\nFrom na začátku řádku") == true)
            let stored = try database.read { db -> [UInt8]? in
                let contactId = try Int64.fetchOne(db, sql: "SELECT contact_id FROM campaign_recipient WHERE message_id = ?",
                                                   arguments: [parsed["id"]])
                return try contactId.flatMap { try DeliveryJournal.message(contactId: $0, db: db) }
            }
            #expect(stored.map { Data($0) } == message.bytes)
        }

        // One contact per accepted message, in the person's history, with the server's reply.
        let contacts = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT person_id, kind, referent, text, note FROM contact WHERE kind = 'email' ORDER BY person_id")
        }
        #expect(contacts.count == 28)
        #expect(Set(contacts.map { $0["person_id"] as Int64 }).count == 28)
        #expect(contacts.allSatisfy { ($0["referent"] as String) == "novak" && ($0["note"] as String).contains("queued as") })
        #expect(contacts[0]["text"] as String == "Novinky pro Strojírny Brno, a.s.: žluťoučký kůň, „uvozovky“ a emoji 🎉")
        #expect(try database.read { db in try DeliveryJournal.sentToday(account: settings.account, day: "2026-11-29", db: db) } == 28)
    }

    @Test func dryRunRecordsNothingAndTheDailyCapStops() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try renderedCampaign()
        var dry = options("test@127.0.0.1")
        dry.dryRun = true
        let pretend = try CampaignSender.send(name: "novinky", database: database, outbox: outbox, options: dry, transport: { DryRunTransport() })
        #expect(pretend.progress.sent == 30)
        #expect(try counts(database) == [.rendered: 30])
        #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contact") } == 0)

        let server = try SMTPTestServer()
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(server.port)", startTLS: .off)
        var capped = options(settings.account)
        capped.dailyCap = 12
        let summary = try CampaignSender.send(name: "novinky", database: database, outbox: outbox, options: capped,
                                              transport: { try SMTPConnection(settings: settings) })
        #expect(summary.stop == .dailyCap(12, account: settings.account))
        // The cap counts messages the server accepted; refused ones do not use it up.
        #expect(summary.progress.sent <= 12 && summary.progress.sent >= 12 - capped.concurrency)
        #expect(try counts(database)[.sent] == summary.progress.sent)
        // The cap is remembered: another run the same day sends nothing more.
        let again = try CampaignSender.send(name: "novinky", database: database, outbox: outbox, options: capped,
                                            transport: { try SMTPConnection(settings: settings) })
        #expect(again.progress.sent == 0)
        #expect(try server.captured().count == summary.progress.sent)
    }

    func counts(_ database: KontaktDatabase) throws -> [RecipientState: Int] {
        try database.read { db in try CampaignRecords.counts(campaignId: 1, db: db) }.filter { $0.value > 0 }
    }
}

@Suite(.serialized) struct ChannelTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-channel-\(UUID().uuidString)")

    /// `--channel auto`: e-mail to those with an address and consent, a letter and a label to
    /// the rest; sending delivers the e-mails and records the letters, each with its contact.
    @Test func autoSendsEmailWhereItCanAndLettersElsewhere() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try KontaktDatabase(path: folder.appendingPathComponent("k.sqlite").path, create: true)
        try database.write { db in
            try CodeLists.seedDefaults(db: db)
            try Referents.add(Referent(code: "novak", name: "Jan Novák", email: try EmailAddress("jan@kontakt-demo.cz")), db: db)
            let schema = try AttributeDefinitions.schema(db: db)
            let firm = try Firms.insert(Firm(name: "Strojírny Brno, a.s.", roles: [.customer],
                                             address: PostalAddress(street: "Cejl 12", city: "Brno", zip: "602 00")), schema: schema, db: db)
            let people: [(String, String?, Bool)] = [("Němec", "nemec@brno.cz", true), ("Dvořák", nil, true), ("Svobodová", "svobodova@brno.cz", false)]
            for (last, email, consent) in people {
                try Persons.insert(Person(firmId: firm, name: PersonName(first: "Petr", last: last), email: try email.map { try EmailAddress($0) },
                                          emailConsent: consent), schema: schema, db: db)
            }
        }
        let template = folder.appendingPathComponent("novinky.md").path
        try "---\nsubject: \"Novinky pro {{firm.name}}\"\n---\n{{salutation}},\n\nposíláme novinky.\n".write(toFile: template, atomically: false, encoding: .utf8)
        let today = CivilDate(year: 2026, month: 11, day: 29)!
        try database.write { db in
            _ = try CampaignRenderer.create(name: "novinky", templatePath: template, expression: "role = customer", target: .person, segmentName: nil,
                                            referent: "novak", channel: .auto, today: today, db: db)
        }
        let outbox = folder.appendingPathComponent("Outbox").path
        let sheet = try LabelSheetCatalog(folders: [LabelSheetFolder.path]).sheet(named: "3x8-70x37")
        let rendered = try CampaignRenderer.render(name: "novinky", database: database, outbox: outbox, today: today,
                                                   letters: LetterSettings(sender: ["Kontakt Demo s.r.o."], labelSheet: sheet))
        #expect(rendered.rendered == 3 && rendered.letters == 2)
        let channels = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT person_id, channel, file FROM campaign_recipient ORDER BY person_id").map { "\($0[0] as Int64) \($0[1] as String) \($0[2] as String)" }
        }
        #expect(channels == ["1 email 1.eml", "2 letter letters.pdf", "3 letter letters.pdf"])
        let pdf = try Python.strings("""
            import sys, json
            from pypdf import PdfReader
            folder = sys.stdin.read()
            letters, labels = PdfReader(folder + "/letters.pdf"), PdfReader(folder + "/labels.pdf")
            print(json.dumps({"letters": str(len(letters.pages)), "first": letters.pages[0].extract_text(), "labels": labels.pages[0].extract_text()}))
            """, input: Data((outbox + "/novinky").utf8))
        #expect(pdf["letters"] == "2")
        // The body's own salutation is not repeated under the letter's.
        #expect(pdf["first"]?.components(separatedBy: "Vážený pane Dvořáku,").count == 2)
        #expect(pdf["labels"]?.contains("Petr Svobodová") == true && pdf["labels"]?.contains("Petr Dvořák") == true && pdf["labels"]?.contains("Němec") == false)

        let server = try SMTPTestServer()
        var options = SendOptions(account: "test", clock: { ContactDate(date: today, minuteOfDay: 600) })
        options.concurrency = 2
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(server.port)", startTLS: .off)
        let summary = try CampaignSender.send(name: "novinky", database: database, outbox: outbox, options: options,
                                              transport: { try SMTPConnection(settings: settings) })
        #expect(summary.progress.sent == 1 && summary.letters == 2)
        #expect(try server.captured().flatMap(\.to) == ["nemec@brno.cz"])
        let contacts = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT person_id, kind FROM contact ORDER BY person_id").map { "\($0[0] as Int64) \($0[1] as String)" }
        }
        #expect(contacts == ["1 email", "2 letter", "3 letter"])
        let states = try database.read { db in try CampaignRecords.counts(campaignId: 1, db: db) }.filter { $0.value > 0 }
        #expect(states == [.sent: 3])
    }
}

/// The shipped label sheets, for the campaigns that print letters.
enum LabelSheetFolder {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates/labels").path
}

/// A transport that accepts everything, and does `fault` once, before the first message's reply.
private final class FaultyTransport: MessageTransport, @unchecked Sendable {
    private let fault: () throws -> Void
    private let lock = NSLock()
    private var done = false

    init(fault: @escaping () throws -> Void) { self.fault = fault }

    func send(from sender: String, to recipients: [String], message: [UInt8]) throws -> SMTPDelivery {
        lock.lock()
        let first = !done
        done = true
        lock.unlock()
        if first { try fault() }
        return .accepted(reply: "250 2.0.0 Ok: queued")
    }
}

@Suite(.serialized) struct LostLeaseTests {
    @Test func aRunWhoseLeaseWasTakenRecordsWhatWentOutButOverwritesNothing() throws {
        let sends = SendTests()
        defer { try? FileManager.default.removeItem(at: sends.folder) }
        let database = try sends.renderedCampaign()
        let path = database.path
        // While the first message is in flight, another run (on another host) takes the lapsed
        // lease and dispatches that recipient again.
        let transport = FaultyTransport {
            let other = try KontaktDatabase(path: path)
            try other.write { db in
                try db.execute(sql: "UPDATE campaign_lease SET owner = 'other', host = 'elsewhere', process = 1, expires = 9e12")
                try db.execute(sql: "UPDATE campaign_recipient SET attempts = attempts + 1 WHERE state = 'sending'")
            }
        }
        var options = sends.options("test@127.0.0.1")
        options.concurrency = 1
        let summary = try CampaignSender.send(name: "novinky", database: database, outbox: sends.outbox, options: options, transport: { transport })
        guard case .failed(let message)? = summary.stop else { Issue.record("the run went on: \(String(describing: summary.stop))"); return }
        #expect(message.contains("lost campaign novinky's lease"))
        let (contacts, row, sent, owner) = try database.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contact WHERE kind = 'email'"),
             try String.fetchOne(db, sql: "SELECT state || ' ' || attempts FROM campaign_recipient WHERE person_id = 1"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM campaign_recipient WHERE state = 'sent'"),
             try String.fetchOne(db, sql: "SELECT owner FROM campaign_lease"))
        }
        // The message that went out is in the history; the other run's row is as it left it.
        #expect(contacts == 1 && row == "sending 2" && sent == 0 && owner == "other")
    }

    @Test func aRecipientPutBackWithoutARetryTimeIsDueAtOnce() throws {
        let sends = SendTests()
        defer { try? FileManager.default.removeItem(at: sends.folder) }
        let database = try sends.renderedCampaign()
        try database.write { db in try db.execute(sql: "UPDATE campaign_recipient SET state = 'deferred', attempts = 1, retry_at = NULL WHERE person_id = 2") }
        let due = try database.read { db in try DeliveryJournal.due(campaignId: 1, afterPerson: 1, now: "2000-01-01T00:00:00Z", limit: 1, db: db) }
        #expect(due.first?.personId == 2 && due.first?.state == .deferred)
    }
}
