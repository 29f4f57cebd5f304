// The office at its worst, for a bounded time: a campaign of 2,000 sent by two competing
// senders, killed (SIGKILL) and stopped (SIGTERM) at random, to a server that defers and drops,
// while colleagues unsubscribe, readdress and remove persons and import new ones. At the end
// every recipient who should have the message has it exactly once (a second copy only for
// those in flight at a kill), nobody else has it, and every delivered message has one contact
// whose stored bytes are what the server received.
//
// `make test` runs it for KONTAKT_SOAK_SECONDS (default 90); `make soak` for ten minutes.

import CRM
import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct SoakTests {
    let seconds = Double(ProcessInfo.processInfo.environment["KONTAKT_SOAK_SECONDS"] ?? "") ?? 90


    func sender(_ s: Session, port: Int, campaign: String) throws -> Process {
        try s.start(["campaign", "send", campaign, "--smtp", "smtp://127.0.0.1:\(port)", "--starttls", "off",
                     "--concurrency", "4", "--retry-delay", "0.2", "--max-attempts", "1000", "--wait", "3", "--rate", "60/s"])
    }

    @Test func twoSendersKillsAndColleaguesEditingLoseNothingAndSendNobodyTwice() throws {
        let s = try Session()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try s.ok("init")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák", "--email", "jan@kontakt-demo.cz")
        try s.ok("firm", "add", "Strojírny Brno", "--role", "customer")
        var csv = "firm;first;last;email\n"
        for number in 1...2_000 { csv += "Strojírny Brno;Petr;Novák \(number);p\(number)@brno.cz\n" }
        try s.ok("import", "persons", try s.write("lide.csv", csv))
        let template = try s.write("n.md", "---\nsubject: \"Novinky pro {{firm.name}}\"\n---\n{{salutation}},\n\nnovinky.\n")
        let server = try SMTPTestServer(["--flaky", "0.03", "--seed", "20261201"])
        var random = SeededRandom(seed: 20261201)
        var statistics = (rounds: 0, kills: 0, stops: 0, edits: 0, sent: 0, skipped: 0, twice: 0)
        let deadline = Date().addingTimeInterval(seconds)
        // A round is one campaign to everyone then in the CRM, sent under fire until it is done.
        repeat {
            statistics.rounds += 1
            let name = "novinky-\(statistics.rounds)"
            try s.ok("campaign", "create", name, "--template", template, "--where", "role = customer", "--referent", "novak")
            try s.ok("campaign", "render", name)
            try round(s, campaign: name, server: server, until: min(deadline, Date().addingTimeInterval(45)), random: &random, statistics: &statistics)
        } while Date() < deadline
        if let report = ProcessInfo.processInfo.environment["KONTAKT_SOAK_REPORT"] {
            try "\(statistics)\n".write(toFile: report, atomically: false, encoding: .utf8)
        }
    }

    func round(_ s: Session, campaign: String, server: SMTPTestServer, until deadline: Date, random: inout SeededRandom,
               statistics: inout (rounds: Int, kills: Int, stops: Int, edits: Int, sent: Int, skipped: Int, twice: Int)) throws {
        let before = try server.captured().count
        var killsInFlight: [String: Int] = [:]
        var senders: [Process] = []
        var kills = 0, stops = 0, edits = 0
        while Date() < deadline, try s.sqlite("SELECT COUNT(*) FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id WHERE c.name = '\(campaign)' AND state IN ('rendered', 'sending', 'deferred')") != "0" {
            senders.removeAll { !$0.isRunning }
            while senders.count < 2 { senders.append(try sender(s, port: server.port, campaign: campaign)) }
            Thread.sleep(forTimeInterval: 0.05 + Double(random.below(400)) / 1000)
            // A colleague at work: unsubscribes, readdresses, removes, imports.
            let person = String(random.number(1...2_000))
            switch random.below(5) {
            case 0: _ = try s.run("person", "edit", person, "--no-email-consent")
            case 1: _ = try s.run("person", "edit", person, "--email", "nova\(person)-\(edits)@brno.cz")
            case 2: _ = try s.run("person", "remove", person, "--force")
            case 3: _ = try s.run("import", "persons", try s.write("novi.csv", "firm;last;email\nStrojírny Brno;Nový \(edits);novy\(statistics.edits + edits)@brno.cz\n"))
            default: _ = try s.run("person", "edit", person, "--function", "jednatel")
            }
            edits += 1
            // Now and then a sender is killed or stopped.
            if random.below(3) == 0, let victim = senders.randomElement(using: &random), victim.isRunning {
                if random.below(2) == 0 {
                    kill(victim.processIdentifier, SIGKILL)
                    victim.waitUntilExit()
                    kills += 1
                    // Anyone in flight may get a second copy when the campaign resumes.
                    for address in try s.sqlite("SELECT email FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id WHERE c.name = '\(campaign)' AND state = 'sending'").split(separator: "\n") {
                        killsInFlight[address.lowercased(), default: 0] += 1
                    }
                } else {
                    kill(victim.processIdentifier, SIGTERM)
                    victim.waitUntilExit()
                    stops += 1
                }
            }
        }
        for process in senders where process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        // The office goes home; one last run finishes the campaign.
        var finished = false
        for _ in 0..<20 where !finished {
            let last = try s.run(arguments: ["campaign", "send", campaign, "--smtp", "smtp://127.0.0.1:\(server.port)", "--starttls", "off",
                                             "--retry-delay", "0.2", "--max-attempts", "1000", "--wait", "5"])
            finished = try s.sqlite("SELECT COUNT(*) FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id WHERE c.name = '\(campaign)' AND state IN ('rendered', 'sending', 'deferred')") == "0"
            if !finished { #expect(last.status == 75 || last.status == 0, "\(last.stdout) \(last.stderr)") }
        }
        #expect(finished, "the campaign \(campaign) did not finish")

        // What the server received in this round, by address and by Message-ID.
        let captured = try server.captured().dropFirst(before)
        var copies: [String: Int] = [:]
        var received: [String: [Data]] = [:]
        for message in captured {
            for address in message.to { copies[address.lowercased(), default: 0] += 1 }
            let text = String(decoding: message.bytes, as: UTF8.self)
            if let line = text.split(separator: "\r\n").first(where: { $0.hasPrefix("Message-ID: ") }) {
                received[String(line.dropFirst(12)), default: []].append(message.bytes)
            }
        }
        // Every copy went to a recipient the journal says was sent, or to one in flight at a kill.
        let rows = try s.sqlite("SELECT lower(email), state, message_id, COALESCE(contact_id, '') FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id WHERE c.name = '\(campaign)'")
            .split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
        var stateOf: [String: String] = [:]
        for row in rows { stateOf[row[0]] = row[1] }
        for (address, count) in copies {
            #expect(stateOf[address] != nil, "\(address) is not a recipient of \(campaign)")
            #expect(count <= 1 + (killsInFlight[address] ?? 0), "\(address) received \(count) copies, in flight at \(killsInFlight[address] ?? 0) kills")
            if stateOf[address] != "sent" { #expect(killsInFlight[address] != nil, "\(address) received a copy but stands \(stateOf[address] ?? "?")") }
        }
        // Every recipient sent has it; each has exactly one contact with the bytes the server got.
        let sent = rows.filter { $0[1] == "sent" }
        for row in sent { #expect(copies[row[0]] ?? 0 >= 1, "\(row[0]) stands sent but received nothing") }
        #expect(try s.sqlite("SELECT COUNT(*) FROM contact c JOIN campaign_recipient r ON r.contact_id = c.id JOIN campaign k ON k.id = r.campaign_id WHERE k.name = '\(campaign)'") == String(sent.count))
        let stored = try s.sqlite("SELECT s.message_id, hex(s.bytes) FROM sent_message s JOIN campaign k ON k.id = s.campaign_id WHERE k.name = '\(campaign)'").split(separator: "\n")
        #expect(stored.count == sent.count)
        for line in stored {
            let parts = line.split(separator: "|").map(String.init)
            #expect(received[parts[0]]?.contains(Data(hex: parts[1])) == true, "the stored bytes of \(parts[0]) are not what the server received")
        }
        // Those skipped were withdrawn, readdressed or removed; the rest were sent or failed.
        #expect(rows.allSatisfy { ["sent", "skipped", "failed"].contains($0[1]) })
        #expect(try s.sqlite("PRAGMA integrity_check") == "ok")
        statistics.kills += kills; statistics.stops += stops; statistics.edits += edits; statistics.sent += sent.count
        statistics.skipped += rows.filter { $0[1] == "skipped" }.count; statistics.twice += copies.values.filter { $0 > 1 }.count
    }
}

extension Data {
    init(hex: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.utf8.count / 2)
        var high: UInt8?
        for character in hex.utf8 {
            let value: UInt8 = character <= 57 ? character - 48 : (character | 0x20) - 87
            if let first = high { bytes.append(first << 4 | value); high = nil } else { high = value }
        }
        self.init(bytes)
    }
}
