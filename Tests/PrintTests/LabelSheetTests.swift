// Label sheet presets: every shipped file loads and lies on its page; broken ones are refused
// with the file and what is wrong.

import Foundation
import Testing
@testable import Print

@Suite struct LabelSheetTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates/labels").path

    @Test func everyShippedSheetLoadsAndFitsItsPage() throws {
        let sheets = try LabelSheets.load(folder: Self.folder)
        #expect(sheets.count >= 10)
        for sheet in sheets.values {
            let last = sheet.box(at: sheet.labelsPerPage - 1)
            #expect(last.x + last.width <= sheet.page.width + 0.1 && last.y + last.height <= sheet.page.height + 0.1, "\(sheet.name)")
        }
        let avery = try #require(sheets["3x7-63.5x38.1"])
        #expect(avery.labelsPerPage == 21)
        let fifth = avery.box(at: 4)
        #expect(abs(fifth.x - (7.25 + 66.04)) < 0.001 && abs(fifth.y - (15.15 + 38.1)) < 0.001)
        #expect(fifth.width == 63.5 && fifth.height == 38.1)
    }

    @Test func aBrokenSheetIsRefusedWithItsFileAndTheReason() {
        let tooWide = "columns: 3\nrows: 8\nlabel-width: 75\nlabel-height: 37\ntop-margin: 0\nleft-margin: 0\n"
        #expect(throws: PrintError.invalidSheet(file: "wide.yaml", "the labels reach 225 × 296 mm, beyond the 210 × 297 mm page")) {
            try LabelSheet(yaml: tooWide, name: "wide", file: "wide.yaml")
        }
        #expect(throws: PrintError.invalidSheet(file: "x.yaml", "rows must be a whole number above 0")) {
            try LabelSheet(yaml: "columns: 3\nrows: tři\n", name: "x", file: "x.yaml")
        }
        #expect(throws: PrintError.self) { try LabelSheets.named("4x4-neexistuje", folder: Self.folder) }
    }
}
