// `kontakt labels`: address labels for a segment on a label-sheet preset, as a PDF.

import ArgumentParser
import Campaigns
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
            firm. --sheet takes a preset's name or the product code on the box (L7160, "Herma 4464"): Kontakt's own presets \
            (share/kontakt/labels, see its README to add one) and, when installed, gLabels' template library; --sheets FOLDER \
            (or the setting print.sheets) reads other folders instead. --list-sheets [FILTER] lists them. --skip N \
            starts after N labels already used on the first sheet. A block too long for its label is set smaller, then cut \
            with an ellipsis, and reported.
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: SelectionOptions
    @Option(help: "The label sheet: a preset's name or a product code (L7160, \"Avery Zweckform 3474\").") var sheet: String?
    @Option(help: "Labels already used on the first sheet.") var skip = 0
    @Option(help: "The PDF to write (default: Outbox/labels-SHEET.pdf).") var out: String?
    @Option(name: .customLong("sheets"), help: ArgumentHelp("A folder of sheet presets or gLabels templates (repeatable).", valueName: "FOLDER"))
    var sheetsFolders: [String] = []
    @Flag(name: .customLong("list-sheets"), help: "List the label sheets (maker, code, grid, label and page size) and stop.") var listSheets = false
    @Argument(help: "With --list-sheets: only the sheets whose maker, code, description, grid (3x8) or size (70x37) contains it.")
    var filter: String?

    func validate() throws {
        if listSheets { return }
        if filter != nil { throw ValidationError("a filter goes with --list-sheets only") }
        if sheet == nil { throw ValidationError("give the label sheet with --sheet NAME (--list-sheets lists them)") }
        if selection.expression == nil && selection.segment == nil { throw ValidationError("give the recipients with --segment NAME or --where EXPR") }
        if skip < 0 { throw ValidationError("--skip cannot be negative") }
    }

    func run() throws {
        if listSheets {
            // Listing needs no database: one that is not there has no print.sheets setting.
            let catalog = try ResourceFolders.labelSheets(given: sheetsFolders, database: try? global.open())
            print(SheetListing(catalog.matching(filter ?? ""), of: catalog, filter: filter).render())
            return
        }
        let workspace = try global.workspace()
        let folders = try ResourceFolders.labelSheetFolders(given: sheetsFolders, database: workspace.database)
        let preset = try LabelSheetCatalog.sheet(named: sheet!, in: folders)
        guard skip < preset.labelsPerPage else {
            throw ValidationError("--skip \(skip) would skip the whole sheet of \(preset.labelsPerPage) labels")
        }
        let path = out ?? global.outbox + "/labels-\(preset.name).pdf"
        try OutputFolder.create(for: path)
        let report = try workspace.addressPrinting.labels(selection.choice!, sheetNamed: sheet!, sheetFolders: folders, skip: skip, to: path)
        var lines = ["Printed \(report.count) label(s) on \(report.pages) sheet(s) of \(preset.title) (\(preset.gridDescription), \(preset.sizeDescription)): \(path)"]
        if !report.shrunk.isEmpty { lines.append("Set smaller to fit (\(report.shrunk.count)): \(PrintOwners.named(report.shrunk)).") }
        if !report.truncated.isEmpty {
            lines.append("Cut with an ellipsis, too long even at \(preset.minimumFontSize) pt (\(report.truncated.count)): \(PrintOwners.named(report.truncated)).")
        }
        print(lines.joined(separator: "\n"))
    }
}
