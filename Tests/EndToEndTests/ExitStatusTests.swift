// The exit status contract, command family by command family: 64 and the usage line for wrong
// usage only; 1 and a single `error:` sentence for bad data (and nothing changed).

import Foundation
import Testing

@Suite struct ExitStatusTests {
    /// One wrong usage and one piece of bad data for every command family.
    static let cases: [(family: String, usage: [String], data: [String])] = [
        ("init", ["init", "--bogus"], ["init"]),
        ("referent", ["referent", "add"], ["referent", "add", "novak", "--name", "Jan Novák", "--email", "ne-adresa"]),
        ("codelist", ["codelist", "value", "add", "territory"], ["codelist", "value", "add", "neexistuje", "x", "--label", "X"]),
        ("attr", ["attr", "define"], ["attr", "define", "pocet", "--on", "stroj", "--type", "number"]),
        ("firm", ["firm", "show"], ["firm", "show", "999"]),
        ("person", ["person", "add", "--firm", "1"], ["person", "add", "--firm", "999", "--last", "Novák"]),
        ("contact", ["contact", "add", "--firm", "1"], ["contact", "add", "--firm", "1", "--kind", "call", "--referent", "nikdo", "--text", "x"]),
        ("segment", ["segment", "preview"], ["segment", "preview", "obrat >"]),
        ("merge", ["merge", "preview"], ["merge", "preview", "neexistuje.md", "--person", "1"]),
        ("campaign", ["campaign", "create", "x"], ["campaign", "status", "neexistuje"]),
        ("mail", ["mail", "--person", "1"], ["mail", "--person", "999", "--subject", "S", "--body-file", "/nonexistent/body.txt", "--referent", "novak", "--smtp", "smtp://127.0.0.1:9"]),
        ("letters", ["letters"], ["letters", "neexistuje.md", "--where", "role = customer", "--referent", "novak"]),
        ("labels", ["labels", "--sheet", "L7160"], ["labels", "--sheet", "L9999", "--where", "role = customer"]),
        ("envelopes", ["envelopes", "--format", "x"], ["envelopes", "--where", "role = supplier"]),
        ("config", ["config", "set", "smtp.url"], ["config", "get", "smtp.url"]),
        ("import", ["import"], ["import", "firms", "/nonexistent/firms.csv"]),
        ("export", ["export", "csv"], ["export", "csv", "firms", "--out", "soubor.txt/firms.csv"]),
        ("history", ["history"], ["history", "--firm", "999"]),
        ("report", ["report", "conversion", "--bands", "x,y"], ["report", "referents", "--from", "31.2.2026"]),
    ]

    @Test func usageIs64WithTheUsageLineAndBadDataIs1WithOneSentence() throws {
        let s = try Session()
        try s.ok("init")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák", "--email", "jan.novak@kontakt.example")
        try s.ok("codelist", "add", "territory", "--label", "Oblast")
        try s.ok("firm", "add", "Alfa s.r.o.", "--role", "customer", "--street", "Dlouhá 12", "--city", "Praha 1", "--zip", "11000")
        try s.ok("person", "add", "--firm", "1", "--first", "Jan", "--last", "Dvořák")
        // A file where the export's folder would be.
        _ = try s.write("soubor.txt", "x")
        let before = try s.sqlite("SELECT (SELECT count(*) FROM firm) || '/' || (SELECT count(*) FROM person) || '/' || (SELECT count(*) FROM contact) || '/' || (SELECT count(*) FROM referent) || '/' || (SELECT count(*) FROM code_value)")
        for entry in Self.cases {
            let usage = try s.run(arguments: entry.usage)
            #expect(usage.status == 64, "\(entry.family) usage: \(usage.status) \(usage.stderr)")
            #expect(usage.stderr.contains("Usage:"), "\(entry.family) usage: \(usage.stderr)")
            let data = try s.run(arguments: entry.data)
            #expect(data.status == 1, "\(entry.family) data: \(data.status) \(data.stderr)")
            // One `error:` sentence; a segment's error adds the expression with a caret under the spot.
            let lines = data.stderr.split(separator: "\n")
            #expect(lines.first?.hasPrefix("error: ") == true && lines.filter { $0.hasPrefix("error") }.count == 1 && !data.stderr.contains("Usage:"),
                    "\(entry.family) data: \(data.stderr)")
        }
        let after = try s.sqlite("SELECT (SELECT count(*) FROM firm) || '/' || (SELECT count(*) FROM person) || '/' || (SELECT count(*) FROM contact) || '/' || (SELECT count(*) FROM referent) || '/' || (SELECT count(*) FROM code_value)")
        #expect(before == after)
    }
}
