// A campaign rendered on a real SQLite file into a real Outbox folder; every message read back
// by Python's email package.

import CRM
import Foundation
import GRDB
import Store
import TestSupport
import Testing
@testable import Campaigns

@Suite(.serialized) struct RenderTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-campaign-\(UUID().uuidString)")
    let today = CivilDate(year: 2026, month: 11, day: 29)!

    /// Firm 1 with five persons: a good one, one without e-mail, one without consent, one
    /// sharing the good one's address, one without a first name (required by the template).
    func database() throws -> KontaktDatabase {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try KontaktDatabase(path: folder.appendingPathComponent("k.sqlite").path, create: true)
        try database.write { db in
            try CodeLists.seedDefaults(db: db)
            try Referents.add(Referent(code: "novak", name: "Jan Novák", email: try EmailAddress("jan@kontakt-demo.cz")), db: db)
            try AttributeDefinitions.define(AttributeDefinition(name: "employees", entity: .firm, type: .number), db: db)
            let schema = try AttributeDefinitions.schema(db: db)
            let firm = try Firms.insert(Firm(name: "Strojírny \"Brno\", a.s.", roles: [.prospect], attributes: ["employees": .number(120)]), schema: schema, db: db)
            let people: [(String, String, String?, Bool)] = [
                ("Zdeněk", "Němec", "zdenek@strojirny.cz", true), ("Jana", "Bez E-mailu", nil, true),
                ("Petr", "Bez Souhlasu", "petr@strojirny.cz", false), ("Zdeněk", "Dvojník", "ZDENEK@strojirny.cz", true),
                ("", "Bezejmenný", "anonym@strojirny.cz", true),
            ]
            for (first, last, email, consent) in people {
                try Persons.insert(Person(firmId: firm, name: PersonName(first: first, last: last), email: try email.map { try EmailAddress($0) },
                                          emailConsent: consent), schema: schema, db: db)
            }
        }
        return database
    }

    func template() throws -> String {
        let path = folder.appendingPathComponent("sablona.md").path
        try """
            ---
            subject: "Nabídka pro {{firm.name}} ({{employees}} zaměstnanců)"
            required: [person.first]
            list-unsubscribe: "https://kontakt-demo.cz/odhlasit?e={{person.email}}"
            ---
            {{salutation}},

            posíláme nabídku.
            """.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test func rendersEachRecipientOrRecordsWhyNot() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try database()
        let templatePath = try template()
        let outbox = folder.appendingPathComponent("Outbox").path
        let campaign = try database.write { db in
            try CampaignRenderer.create(name: "podzim", templatePath: templatePath, expression: "role = prospect", target: .person,
                                        segmentName: nil, referent: "novak", today: today, db: db)
        }
        #expect(campaign.templateHash == SHA256.hex(campaign.templateSource))
        let summary = try CampaignRenderer.render(name: "podzim", database: database, outbox: outbox, today: today)
        #expect(summary.rendered == 1)
        #expect(summary.skipped == 4)
        let reasons = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT person_id, state, reason, file FROM campaign_recipient ORDER BY person_id")
        }
        #expect(reasons.map { $0["state"] as String } == ["rendered", "skipped", "skipped", "skipped", "skipped"])
        #expect(reasons.map { $0["reason"] as String? } == [nil, "the person has no e-mail address", "the person does not consent to mass e-mail",
                                                            "the same address as person 1", "required field(s) empty: person.first"])
        let files = try FileManager.default.contentsOfDirectory(atPath: summary.folder).sorted()
        #expect(files == ["1.eml", "manifest.csv"])
        let manifest = try String(contentsOfFile: summary.folder + "/manifest.csv", encoding: .utf8)
        #expect(manifest.split(separator: "\r\n").count == 6)
        #expect(manifest.contains("\"Strojírny \"\"Brno\"\", a.s.\""))
        // Zdeněk Němec was recorded without a gender: the salutation told it from the name.
        #expect(manifest.contains("Zdeněk Němec,zdenek@strojirny.cz,m (inferred),rendered"))

        let eml = try Data(contentsOf: URL(fileURLWithPath: summary.folder + "/1.eml"))
        let parsed = try python(eml)
        #expect(parsed["defects"] == "[]")
        #expect(parsed["subject"] == "Nabídka pro Strojírny \"Brno\", a.s. (120 zaměstnanců)")
        #expect(parsed["to"] == "Zdeněk Němec <zdenek@strojirny.cz>")
        #expect(parsed["from"] == "Jan Novák <jan@kontakt-demo.cz>")
        #expect(parsed["post"] == "List-Unsubscribe=One-Click")

        // Rendering again replaces the earlier rendering: Zdeněk Němec withdrew his consent and
        // Petr gave his, so 1.eml goes and 3.eml comes. A longer file already at 3.eml is
        // overwritten and cut to the new message's length.
        try database.write { db in
            try db.execute(sql: "UPDATE person SET email_consent = (id = 3) WHERE id IN (1, 3)")
        }
        try Data(repeating: 0x78, count: 20_000).write(to: URL(fileURLWithPath: summary.folder + "/3.eml"))
        let again = try CampaignRenderer.render(name: "podzim", database: database, outbox: outbox, today: today)
        #expect(again.rendered == 1)
        let counts = try database.read { db in try CampaignRecords.counts(campaignId: campaign.id!, db: db) }
        #expect(counts == [.rendered: 1, .skipped: 4])
        #expect(try FileManager.default.contentsOfDirectory(atPath: summary.folder).sorted() == ["3.eml", "manifest.csv"])
        let petr = try Data(contentsOf: URL(fileURLWithPath: summary.folder + "/3.eml"))
        #expect(petr.count < 20_000)
        let reparsed = try python(petr)
        #expect(reparsed["defects"] == "[]")
        #expect(reparsed["to"] == "Petr Bez Souhlasu <petr@strojirny.cz>")
        #expect(String(decoding: petr.suffix(2), as: UTF8.self) == "\r\n" && !String(decoding: petr, as: UTF8.self).contains("xxxx"))
    }

    @Test func aCampaignNeedsAValidTemplateSegmentAndReferent() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try database()
        let templatePath = try template()
        #expect(throws: (any Error).self) {
            try database.write { db in
                try CampaignRenderer.create(name: "x", templatePath: templatePath, expression: "teritory = morava", target: .person,
                                            segmentName: nil, referent: "novak", today: today, db: db)
            }
        }
        #expect(throws: StoreError.notFound(entity: "referent", id: "\"nobody\"")) {
            try database.write { db in
                try CampaignRenderer.create(name: "x", templatePath: templatePath, expression: "id > 0", target: .person,
                                            segmentName: nil, referent: "nobody", today: today, db: db)
            }
        }
        #expect(try database.read { db in try CampaignRecords.all(db: db) }.isEmpty)
    }

    private func python(_ eml: Data) throws -> [String: String] {
        let script = """
            import email, json, sys
            from email import policy
            m = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
            defects = [type(d).__name__ for part in m.walk() for d in part.defects]
            print(json.dumps({"subject": str(m["subject"]), "to": str(m["to"]), "from": str(m["from"]), "defects": str(defects),
                              "post": str(m["list-unsubscribe-post"])}))
            """
        return try Python.strings(script, input: eml)
    }
}
