// `kill -9` of `kontakt campaign send` at random moments, then resume: no recipient lost, a
// second copy only for recipients that stood in `sending` when the process died, exactly one
// contact per recipient sent.

import CRM
import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct DeliveryCrashTests {
    /// A campaign rendered for the sample's persons with an address and consent (about 2,000).
    func renderedCampaign() throws -> Session {
        let s = try Session()
        let data = s.folder.appendingPathComponent("data").path
        _ = try s.run(arguments: [data, "--firms", "60", "--persons", "2300", "--contacts", "0"], executable: "kontakt-sample", withDatabase: false)
        // The sample's code lists, attributes and referents, made by the script `make demo` uses.
        let schema = Process()
        schema.executableURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/sample-schema.sh")
        schema.arguments = [s.database]
        schema.environment = ProcessInfo.processInfo.environment.merging(["KONTAKT_BIN": Session.binaryFolder.path]) { $1 }
        try schema.run()
        schema.waitUntilExit()
        #expect(schema.terminationStatus == 0)
        try s.ok("import", "firms", data + "/firms.csv")
        try s.ok("import", "persons", data + "/persons.csv")
        let template = try s.write("kratky.md", """
            ---
            subject: "Novinky pro {{firm.name}}"
            ---
            {{salutation}},

            krátká zpráva.
            """)
        try s.ok("campaign", "create", "novinky", "--template", template, "--where", "email is not empty", "--referent", "novak")
        try s.ok("campaign", "render", "novinky")
        return s
    }


    @Test func killedAndResumedTwelveTimesLosesNoneAndDuplicatesOnlyTheInFlight() throws {
        let s = try renderedCampaign()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        let rendered = Int(try s.sqlite("SELECT COUNT(*) FROM campaign_recipient WHERE state = 'rendered'"))!
        #expect(rendered > 1500)
        let server = try SMTPTestServer()
        let concurrency = 4
        var random = SeededRandom(seed: 20261129)
        // How many kills found each recipient in flight: each may cost it one more copy.
        var killsInFlight: [String: Int] = [:]
        var kills = 0
        while kills < 12 {
            let process = Process()
            process.executableURL = Session.binaryFolder.appendingPathComponent("kontakt")
            process.arguments = ["--db", s.database, "--outbox", s.folder.appendingPathComponent("Outbox").path, "campaign", "send", "novinky",
                                 "--smtp", "smtp://127.0.0.1:\(server.port)", "--starttls", "off", "--concurrency", String(concurrency)]
            process.currentDirectoryURL = s.folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: 0.03 + Double(random.below(250)) / 1000)
            guard process.isRunning else { break }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            kills += 1
            // The window the README promises: never more than --concurrency in `sending`.
            let sending = try s.sqlite("SELECT email FROM campaign_recipient WHERE state = 'sending'").split(separator: "\n").map(String.init)
            #expect(sending.count <= concurrency)
            for address in sending { killsInFlight[address.lowercased(), default: 0] += 1 }
        }
        #expect(kills >= 10, "the campaign finished before it could be killed ten times")
        try s.ok("--outbox", s.folder.appendingPathComponent("Outbox").path, "campaign", "send", "novinky",
                 "--smtp", "smtp://127.0.0.1:\(server.port)", "--starttls", "off")

        // Nobody lost: every recipient sent, each received at least once.
        #expect(try s.sqlite("SELECT state || ' ' || COUNT(*) FROM campaign_recipient WHERE state != 'skipped' GROUP BY state") == "sent \(rendered)")
        let received = try server.captured().flatMap(\.to).map { $0.lowercased() }
        var copies: [String: Int] = [:]
        for address in received { copies[address, default: 0] += 1 }
        #expect(copies.count == rendered)
        // An extra copy only for those in flight at a kill, at most one per such kill (a slow
        // restart can be killed again while it re-sends the same recipient).
        let twice = Set(copies.filter { $0.value > 1 }.keys)
        let inFlightAtKills = Set(killsInFlight.keys)
        #expect(twice.isSubset(of: inFlightAtKills), "sent twice though never in flight at a kill: \(twice.subtracting(inFlightAtKills))")
        let beyond = copies.filter { $0.value > 1 + (killsInFlight[$0.key] ?? 0) }
        #expect(beyond.isEmpty, "more copies than kills in flight: \(beyond)")
        // The kills did land mid-send: some recipients stood in `sending` at a kill.
        #expect(!inFlightAtKills.isEmpty)
        print("crash test: \(kills) kills, \(inFlightAtKills.count) recipients in flight at a kill, \(twice.count) received twice, "
              + "\(copies.values.filter { $0 > 2 }.count) three times or more, \(rendered) sent")
        // Exactly one contact (and one stored message) per recipient sent.
        #expect(try s.sqlite("SELECT COUNT(*), COUNT(DISTINCT person_id) FROM contact WHERE kind = 'email'") == "\(rendered)|\(rendered)")
        #expect(try s.sqlite("SELECT COUNT(*) FROM sent_message") == "\(rendered)")
        #expect(try s.sqlite("SELECT COUNT(*) FROM campaign_recipient WHERE state = 'sent' AND contact_id IS NULL") == "0")
        #expect(try s.sqlite("PRAGMA integrity_check") == "ok")
    }
}
