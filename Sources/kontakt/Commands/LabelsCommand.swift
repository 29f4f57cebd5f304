// `kontakt labels`: address labels for a segment on a label-sheet preset, as a PDF.

import ArgumentParser
import CRM
import Foundation
import Print
import Segmentation
import Store

struct LabelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labels",
        abstract: "Print address labels (ČSN 01 6910 blocks) for a segment on a label sheet, as a PDF in the Outbox.",
        discussion: """
            A person segment gets one label per person (firm, name with titles, street, ZIP and town); a firm segment one per \
            firm. Sheets are the presets in Templates/labels (see its README to add one); --list-sheets lists them. --skip N \
            starts after N labels already used on the first sheet. A block too long for its label is set smaller, then cut \
            with an ellipsis, and reported.
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: SelectionOptions
    @Option(help: "The label sheet preset (a file name in the sheets folder without .yaml).") var sheet: String?
    @Option(help: "Labels already used on the first sheet.") var skip = 0
    @Option(help: "The PDF to write (default: Outbox/labels-SHEET.pdf).") var out: String?
    @Option(name: .customLong("sheets"), help: "The folder of sheet presets.") var sheetsFolder = "Templates/labels"
    @Flag(name: .customLong("list-sheets"), help: "List the sheet presets and stop.") var listSheets = false

    func validate() throws {
        if listSheets { return }
        if sheet == nil { throw ValidationError("give the label sheet with --sheet NAME (--list-sheets lists them)") }
        if selection.expression == nil && selection.segment == nil { throw ValidationError("give the recipients with --segment NAME or --where EXPR") }
        if skip < 0 { throw ValidationError("--skip cannot be negative") }
    }

    func run() throws {
        if listSheets {
            var table = TextTable("sheet", "labels", "description")
            for sheet in try LabelSheets.load(folder: sheetsFolder).values.sorted(by: { $0.name < $1.name }) {
                table.add(sheet.name, String(sheet.labelsPerPage), sheet.description)
            }
            print(table.render())
            return
        }
        let preset = try LabelSheets.named(sheet!, folder: sheetsFolder)
        guard skip < preset.labelsPerPage else {
            throw ValidationError("--skip \(skip) would skip the whole sheet of \(preset.labelsPerPage) labels")
        }
        let selected = try global.open().read { db in try AddressBlocks(selection, db: db) }
        guard !selected.blocks.isEmpty else { throw ValidationError("the segment selects no one: no labels to print") }
        let path = out ?? global.outbox + "/labels-\(preset.name).pdf"
        try OutputFolder.create(for: path)
        let report = try LabelPrinter.print(selected.blocks, sheet: preset, skip: skip, to: path)
        var lines = ["Printed \(report.labels) label(s) on \(report.pages) sheet(s) of \(preset.name): \(path)"]
        if !report.shrunk.isEmpty { lines.append("Set smaller to fit (\(report.shrunk.count)): \(selected.named(report.shrunk)).") }
        if !report.truncated.isEmpty {
            lines.append("Cut with an ellipsis, too long even at \(preset.minimumFontSize) pt (\(report.truncated.count)): \(selected.named(report.truncated)).")
        }
        print(lines.joined(separator: "\n"))
    }
}
