// `kontakt letters`: a template as ČSN 01 6910 letters for a segment, one PDF, each letter logged.

import Workspace
import ArgumentParser
import Campaigns
import CRM
import Foundation
import GRDB
import Store

struct LettersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letters",
        abstract: "Print a template as letters (ČSN 01 6910, A4, for window envelopes) for a segment, into one PDF; each letter is logged as a contact.",
        discussion: """
            The template is the same as for e-mail (front matter and Markdown with merge fields); `window: left|right` places the \
            address 20 or 119 mm from the left edge, `fold-marks: yes` prints fold and punch marks, `closing:` and \
            `our-reference:` fill their places. The salutation is the person's formal vocative. Each letter starts on a new \
            page; continuation pages are numbered. Every letter is recorded as a contact (kind letter, the referent, the \
            subject as text) unless --no-log.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The template: a file, or the name of a shipped one (dopis).") var template: String
    @OptionGroup var templates: TemplateFolderOption
    @OptionGroup var selection: SelectionOptions
    @Option(help: "The referent who signs and is logged (default: the only referent, if there is one).") var referent: String?
    @Option(help: "The sender's header, lines separated by | (default: the setting print.sender).") var sender: String?
    @Option(help: "The PDF to write (default: Outbox/letters-TEMPLATE.pdf).") var out: String?
    @Flag(name: .customLong("no-log"), help: "Do not record the letters as contacts.") var noLog = false
    @Flag(name: .customLong("group-by-firm"), help: "One letter per firm, addressed to the firm and naming its selected persons.") var groupByFirm = false

    func validate() throws {
        if selection.expression == nil && selection.segment == nil { throw ValidationError("give the recipients with --segment NAME or --where EXPR") }
    }

    func run() throws {
        let workspace = try global.workspace()
        let signer = try workspace.database.read { db in try ReferentChoice.resolve(referent, purpose: "signs", db: db) }
        let file = try templates.resolve(template, database: workspace.database)
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let path = out ?? global.outbox + "/letters-\(name).pdf"
        try OutputFolder.create(for: path)
        var request = LetterRequest(template: file, segment: selection.choice!, referent: signer.code)
        request.sender = sender.map { SenderLines.parse($0, stored: nil) }
        request.log = !noLog
        request.groupByFirm = groupByFirm
        let summary = try workspace.addressPrinting.letters(request, by: .localOperator, to: path)
        var lines = ["Printed \(summary.letters) letter(s) on \(summary.pages) page(s): \(path)" +
                     (noLog ? " (not logged)." : "; \(summary.contacts) contact(s) logged.")]
        for (owner, reason) in summary.skipped.prefix(20) { lines.append("Skipped \(owner): \(reason)") }
        if summary.skipped.count > 20 { lines.append("… and \(summary.skipped.count - 20) more skipped.") }
        print(lines.joined(separator: "\n"))
    }
}
