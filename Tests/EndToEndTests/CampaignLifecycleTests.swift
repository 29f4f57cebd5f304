// Campaigns can be retired: one that sent nothing is removed with its rendering; one that sent
// is archived, keeping its journal, its contacts and the report's figures, and sends no more.

import Foundation
import Testing

@Suite struct CampaignLifecycleTests {
    @Test func removeWhatSentNothingArchiveWhatSent() throws {
        let s = try Session()
        try s.ok("init")
        // The shipped letter names the firm's territory.
        try s.ok("codelist", "add", "territory", "--label", "Oblast")
        try s.ok("attr", "define", "territory", "--on", "firm", "--type", "text", "--codelist", "territory")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák")
        try s.ok("firm", "add", "Alfa s.r.o.", "--role", "customer", "--street", "Dlouhá 12", "--city", "Praha 1", "--zip", "11000")
        try s.ok("person", "add", "--firm", "1", "--first", "Jan", "--last", "Dvořák", "--gender", "m")
        try s.ok("person", "add", "--firm", "1", "--first", "Eva", "--last", "Malá", "--gender", "f")

        try s.ok("campaign", "create", "pokus", "--template", "dopis", "--where", "role = customer", "--referent", "novak", "--channel", "letter")
        try s.ok("campaign", "render", "pokus")
        let folder = s.folder.appendingPathComponent("Outbox/pokus").path
        #expect(FileManager.default.fileExists(atPath: folder + "/letters.pdf"))
        let removed = try s.ok("campaign", "remove", "pokus")
        #expect(removed.contains("Removed campaign pokus and its rendering"), "\(removed)")
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(try s.sqlite("SELECT count(*) FROM campaign_recipient") == "0")

        try s.ok("campaign", "create", "podzim", "--template", "dopis", "--where", "role = customer", "--referent", "novak", "--channel", "letter")
        try s.ok("campaign", "render", "podzim")
        // A dry run says what it would record, records nothing, and prints no stale progress.
        let dry = try s.run("campaign", "send", "podzim", "--dry-run")
        #expect(dry.status == 0 && dry.stdout.contains("Would record 2 printed letter(s)") && dry.stdout.contains("nothing was recorded"), "\(dry.stdout)")
        #expect(!dry.stdout.contains("Recorded") && !dry.stderr.contains("/2:"), "\(dry.stdout)\(dry.stderr)")
        #expect(try s.sqlite("SELECT count(*) FROM contact WHERE kind = 'letter'") == "0")
        try s.ok("campaign", "send", "podzim")
        #expect(try s.sqlite("SELECT count(*) FROM contact WHERE kind = 'letter'") == "2")
        let before = try s.ok("report", "referents", "--format", "csv")
        let refused = try s.run("campaign", "remove", "podzim")
        #expect(refused.status == 1 && refused.stderr.contains("has sent 2 message(s)") && refused.stderr.contains("campaign archive podzim"), "\(refused.stderr)")
        try s.ok("campaign", "archive", "podzim")
        #expect(!(try s.ok("campaign", "list")).contains("podzim"))
        #expect(try s.ok("campaign", "list", "--all").contains("podzim"))
        #expect(try s.ok("campaign", "status", "podzim").contains("sent"))
        let resend = try s.run("campaign", "send", "podzim")
        #expect(resend.status == 1 && resend.stderr.contains("was archived"), "\(resend.stderr)")
        #expect(try s.sqlite("SELECT count(*) FROM contact WHERE kind = 'letter'") == "2")
        #expect(try s.ok("report", "referents", "--format", "csv") == before)
    }
}
