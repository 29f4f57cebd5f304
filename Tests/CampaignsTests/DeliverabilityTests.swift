// What a campaign carries for the receivers that judge it, sent to a real SMTP server (aiosmtpd):
// a DKIM signature that an independent verifier (dkimpy) accepts on every message as it arrived
// and as it was stored, a VERP envelope sender that names the recipient's journal row, and a
// refusal of an unknown address at RCPT that suppresses it for the next campaign.

import CRM
import Foundation
import GRDB
import Mail
import Store
import TestSupport
import Testing
@testable import Campaigns

@Suite(.serialized) struct DeliverabilityTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-deliverability-\(UUID().uuidString)")
    let today = CivilDate(year: 2026, month: 12, day: 2)!
    var outbox: String { folder.appendingPathComponent("Outbox").path }

    /// Eight persons: p3 is unknown to the server (550 5.1.1 at RCPT), p6's message is refused
    /// as spam (554 5.7.1 at DATA: the sender's trouble, not the address's).
    func office(signingWith key: DKIMKey) throws -> KontaktDatabase {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let keyFile = folder.appendingPathComponent("dkim.pem").path
        try key.pemRepresentation.write(toFile: keyFile, atomically: false, encoding: .utf8)
        chmod(keyFile, 0o600)
        let database = try KontaktDatabase(path: folder.appendingPathComponent("k.sqlite").path, create: true)
        try database.write { db in
            try CodeLists.seedDefaults(db: db)
            try Referents.add(Referent(code: "novak", name: "Jan Novák", email: try EmailAddress("jan@firma.cz")), db: db)
            let schema = try AttributeDefinitions.schema(db: db)
            let firm = try Firms.insert(Firm(name: "Strojírny Brno, a.s.", roles: [.customer]), schema: schema, db: db)
            for number in 1...8 {
                let local = number == 3 ? "rcpt550-p3" : number == 6 ? "data554-p6" : "p\(number)"
                try Persons.insert(Person(firmId: firm, name: PersonName(first: "Zdeněk", last: "Němec \(number)"),
                                          email: try EmailAddress("\(local)@strojirny.cz")), schema: schema, db: db)
            }
            try Settings.set(OutgoingMail.domainKey, "firma.cz", db: db)
            try Settings.set(OutgoingMail.selectorKey, "k2026", db: db)
            try Settings.set(OutgoingMail.keyFileKey, keyFile, db: db)
        }
        try """
            ---
            subject: "Nabídka pro {{firm.name}}"
            ---
            {{salutation}},

            posíláme nabídku.\u{20}\u{20}

            """.write(toFile: folder.appendingPathComponent("nabidka.md").path, atomically: false, encoding: .utf8)
        return database
    }

    func campaign(_ name: String, database: KontaktDatabase) throws -> RenderSummary {
        try database.write { db in
            _ = try CampaignRenderer.create(name: name, templatePath: folder.appendingPathComponent("nabidka.md").path, expression: "role = customer",
                                            target: .person, segmentName: nil, referent: "novak", today: today, db: db)
        }
        return try CampaignRenderer.render(name: name, database: database, outbox: outbox, today: today)
    }

    func options() -> SendOptions {
        var options = SendOptions(account: "test", clock: { ContactDate(date: CivilDate(year: 2026, month: 12, day: 2)!, minuteOfDay: 600) })
        options.concurrency = 2
        return options
    }

    @Test(arguments: [DKIMKey.Algorithm.rsa, .ed25519])
    func everyMessageIsSignedCarriesItsVERPAddressAndAnUnknownAddressIsSuppressed(_ algorithm: DKIMKey.Algorithm) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = try DKIMKey.generate(algorithm)
        let database = try office(signingWith: key)
        let records = ["k2026._domainkey.firma.cz.": key.dnsRecord]
        #expect(try campaign("nabidka", database: database).rendered == 8)

        // The Outbox's files are signed as rendered.
        let files = try (1...8).map { try Array(Data(contentsOf: URL(fileURLWithPath: outbox + "/nabidka/\($0).eml"))) }
        #expect(try DKIMVerifier.verify(files, records: records).allSatisfy(\.ok))

        let server = try SMTPTestServer()
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(server.port)", startTLS: .off)
        let summary = try CampaignSender.send(name: "nabidka", database: database, outbox: outbox, options: options(),
                                              transport: { try SMTPConnection(settings: settings) })
        #expect(summary.progress.sent == 6 && summary.progress.failed == 2)

        let captured = try server.captured()
        #expect(captured.count == 6)
        // Signed as they arrived (the Date refreshed for sending is the one signed).
        let verdicts = try DKIMVerifier.verify(captured.map { Array($0.bytes) }, records: records)
        for (message, verdict) in zip(captured, verdicts) {
            #expect(verdict.ok, "\(message.to): \(verdict.error ?? "")")
            #expect(verdict.algorithm == (algorithm == .rsa ? "rsa-sha256" : "ed25519-sha256"))
        }
        // Each envelope sender names its own recipient, and only with the right signature.
        let returnPath = try database.write { db in try ReturnPath.configured(db: db) }
        for message in captured {
            let named = returnPath.recipient(of: message.from)
            let person = try #require(named?.personId)
            #expect(named?.campaignId == 1)
            #expect(message.to == ["p\(person)@strojirny.cz"])
            #expect(message.from.hasPrefix("bounces+1.\(person).") && message.from.hasSuffix("@firma.cz"))
            #expect(returnPath.recipient(of: message.from.uppercased())?.personId == person)
            let forged = message.from.replacingOccurrences(of: "bounces+1.\(person).", with: "bounces+1.\(person + 1).")
            #expect(returnPath.recipient(of: forged) == nil)
            // The history keeps the bytes exactly as they went.
            let stored = try database.read { db in
                try Data.fetchOne(db, sql: """
                    SELECT s.bytes FROM sent_message s JOIN contact c ON c.id = s.contact_id WHERE c.person_id = ?
                    """, arguments: [person])
            }
            #expect(stored == message.bytes)
        }

        // 550 5.1.1 suppressed the unknown address; 554 5.7.1 (refused as spam) did not.
        let suppressed = try database.read { db in try Suppressions.list(db: db) }
        #expect(suppressed.map(\.address) == ["rcpt550-p3@strojirny.cz"])
        #expect(suppressed.first?.reason == .rejected && suppressed.first?.detail?.contains("5.1.1") == true)
        #expect(suppressed.first?.personId == 3 && suppressed.first?.campaignId == 1)

        // The next campaign skips it with the reason, and sends nobody the first one again.
        let next = try campaign("druha", database: database)
        #expect(next.rendered == 7 && next.skipped == 1)
        let reason = try database.read { db in
            try String.fetchOne(db, sql: "SELECT reason FROM campaign_recipient WHERE campaign_id = 2 AND person_id = 3")
        }
        #expect(reason?.contains("suppressed since 2026-") == true && reason?.contains("refused by the server as unknown") == true)
    }

    @Test func anAddressSuppressedAfterRenderingIsSkippedAtSendTimeAndATestMessageIsSignedWithoutVERP() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = try DKIMKey.generate(.ed25519)
        let database = try office(signingWith: key)
        _ = try campaign("nabidka", database: database)
        try database.write { db in
            try Suppressions.add(Suppression(address: "P2@strojirny.cz", reason: .manual, detail: "asked by phone", personId: 2, campaignId: nil,
                                             source: "admin", since: Timestamp.now()), db: db)
        }
        let server = try SMTPTestServer()
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(server.port)", startTLS: .off)
        let tests = try CampaignSender.sendTest(name: "nabidka", to: "tester@firma.cz", count: 1, database: database, outbox: outbox,
                                                transport: { try SMTPConnection(settings: settings) })
        #expect(tests.count == 1)
        let test = try #require(try server.captured().first)
        #expect(test.from == "jan@firma.cz" && test.to == ["tester@firma.cz"])
        #expect(try DKIMVerifier.verify([Array(test.bytes)], records: ["k2026._domainkey.firma.cz.": key.dnsRecord]).first?.ok == true)

        _ = try CampaignSender.send(name: "nabidka", database: database, outbox: outbox, options: options(),
                                    transport: { try SMTPConnection(settings: settings) })
        let row = try database.read { db in
            try Row.fetchOne(db, sql: "SELECT state, reason FROM campaign_recipient WHERE campaign_id = 1 AND person_id = 2")
        }
        #expect(row?["state"] == "skipped")
        #expect((row?["reason"] as String?)?.contains("p2@strojirny.cz is suppressed since") == true)
        #expect(try server.captured().contains { $0.to == ["p2@strojirny.cz"] } == false)
    }

    @Test func aKeyThatCannotBeReadStopsTheSendBeforeAnythingGoesOut() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try office(signingWith: try DKIMKey.generate(.ed25519))
        _ = try campaign("nabidka", database: database)
        chmod(folder.appendingPathComponent("dkim.pem").path, 0o644)
        let server = try SMTPTestServer()
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(server.port)", startTLS: .off)
        #expect { try CampaignSender.send(name: "nabidka", database: database, outbox: outbox, options: options(),
                                          transport: { try SMTPConnection(settings: settings) }) } throws: { "\($0)".contains("chmod 600") }
        #expect(try server.captured().isEmpty)
        try database.write { db in try Settings.set(OutgoingMail.selectorKey, nil, db: db) }
        #expect { try CampaignRenderer.render(name: "nabidka", database: database, outbox: outbox, today: today) } throws: {
            "\($0)".contains("dkim.selector not set")
        }
    }
}
