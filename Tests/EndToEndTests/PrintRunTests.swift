// Printing never destroys earlier work: an empty or failed `letters`, `labels` or `envelopes` run
// leaves the PDF already at its --out as it was, and an empty selection is the same sentence
// with the same exit status for each.

import Foundation
import Testing

@Suite struct PrintRunTests {
    @Test func anEmptyOrFailedPrintRunLeavesTheEarlierPDFAsItWas() throws {
        let s = try Session()
        try s.ok("init")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák", "--email", "jan.novak@kontakt.example")
        try s.ok("firm", "add", "Alfa s.r.o.", "--role", "customer", "--street", "Dlouhá 12", "--city", "Praha 1", "--zip", "11000")
        try s.ok("person", "add", "--firm", "1", "--first", "Jan", "--last", "Dvořák", "--gender", "m")
        let template = try s.write("dopis.md", "---\nsubject: Nabídka\n---\n{{salutation}},\n\nposíláme nabídku.\n")
        let broken = try s.write("spatny.md", "---\nsubject: Nabídka\n---\n{{salutation}},\n\n{{neznamy}}\n")
        let runs: [(what: String, arguments: [String])] = [
            ("letters", ["letters", template, "--referent", "novak"]),
            ("labels", ["labels", "--sheet", "3x8-70x37"]),
            ("envelopes", ["envelopes"]),
        ]
        for run in runs {
            let pdf = s.folder.appendingPathComponent("\(run.what).pdf").path
            try s.ok(arguments: run.arguments + ["--where", "role = customer", "--out", pdf])
            let before = try Data(contentsOf: URL(fileURLWithPath: pdf))
            #expect(before.starts(with: Data("%PDF".utf8)))
            let empty = try s.run(arguments: run.arguments + ["--where", "role = supplier", "--out", pdf])
            #expect(empty.status == 1, "\(run.what): \(empty.stderr)")
            #expect(empty.stderr == "error: no \(run.what) to print: the segment selects no one\n", "\(run.what): \(empty.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)) == before, "\(run.what) replaced the earlier PDF")
        }
        let pdf = s.folder.appendingPathComponent("letters.pdf").path
        let before = try Data(contentsOf: URL(fileURLWithPath: pdf))
        let failed = try s.run(arguments: ["letters", broken, "--referent", "novak", "--where", "role = customer", "--out", pdf])
        #expect(failed.status == 1 && failed.stderr.contains("spatny.md:6:"), "\(failed.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)) == before)
        // Nothing half-written stays beside it.
        let left = try FileManager.default.contentsOfDirectory(atPath: s.folder.path).filter { $0.hasSuffix(".partial") }
        #expect(left.isEmpty, "\(left)")
    }
}
