// `kontakt envelopes`: one envelope per address of a segment, as a PDF of envelope-sized pages.

import ArgumentParser
import Campaigns
import Foundation
import Print
import Store

extension EnvelopeFormat: ExpressibleByArgument {}

struct EnvelopesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "envelopes",
        abstract: "Print envelopes (DL, C5, C4) for a segment: the recipient's block placed per ČSN 01 6910, the sender's top left.",
        discussion: """
            The recipient's block is set in the 76.2 × 25.4 mm address zone 20 mm from the right and bottom edges; the sender's \
            block (--sender, lines separated by |, or the setting print.sender) in the top left, ending within 40 mm of the top.
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: SelectionOptions
    @Option(help: "dl (220 × 110 mm), c5 (229 × 162 mm) or c4 (324 × 229 mm).") var format: EnvelopeFormat = .dl
    @Option(help: "The sender's block, lines separated by | (default: the setting print.sender).") var sender: String?
    @Option(help: "The PDF to write (default: Outbox/envelopes-FORMAT.pdf).") var out: String?

    func validate() throws {
        if selection.expression == nil && selection.segment == nil { throw ValidationError("give the recipients with --segment NAME or --where EXPR") }
    }

    func run() throws {
        let workspace = try global.workspace()
        let path = out ?? global.outbox + "/envelopes-\(format.rawValue).pdf"
        try OutputFolder.create(for: path)
        let report = try workspace.addressPrinting.envelopes(selection.choice!, format: format, sender: sender.map { SenderLines.parse($0, stored: nil) },
                                                             to: path)
        var lines = ["Printed \(report.count) \(format.rawValue.uppercased()) envelope(s): \(path)"]
        if !report.shrunk.isEmpty { lines.append("Set smaller to fit (\(report.shrunk.count)): \(PrintOwners.named(report.shrunk)).") }
        if !report.truncated.isEmpty { lines.append("Cut with an ellipsis (\(report.truncated.count)): \(PrintOwners.named(report.truncated)).") }
        print(lines.joined(separator: "\n"))
    }
}
