// Label sheet presets: every shipped file loads and lies on its page; broken ones are refused
// with the file and what is wrong; sheets are found by the product code on the box; gLabels'
// template library (Debian glabels-data, installed by .ci/run) is read, round labels included.

import Foundation
import Testing
@testable import Print

@Suite struct LabelSheetTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates/labels").path
    static let gLabels = "/usr/share/libglabels-3.0/templates"

    @Test func everyShippedSheetLoadsAndFitsItsPage() throws {
        let catalog = try LabelSheetCatalog(folders: [Self.folder])
        #expect(catalog.sheets.count >= 10)
        for sheet in catalog.sheets {
            let last = sheet.box(at: sheet.labelsPerPage - 1)
            #expect(last.x + last.width <= sheet.page.width + 0.1 && last.y + last.height <= sheet.page.height + 0.1, "\(sheet.name)")
        }
        let avery = try catalog.sheet(named: "3x7-63.5x38.1")
        #expect(avery.labelsPerPage == 21)
        let fifth = avery.box(at: 4)
        #expect(abs(fifth.x - (7.25 + 66.04)) < 0.001 && abs(fifth.y - (15.15 + 38.1)) < 0.001)
        #expect(fifth.width == 63.5 && fifth.height == 38.1)
    }

    @Test func aSheetIsFoundByTheProductCodeOnTheBox() throws {
        let catalog = try LabelSheetCatalog(folders: [Self.folder])
        for name in ["L7160", "l7160", "Avery L7160", "avery-l7160", "J8160"] {
            #expect(try catalog.sheet(named: name).name == "3x7-63.5x38.1", "\(name)")
        }
        #expect(try catalog.sheet(named: "Zweckform 3474").name == "3x8-70x37")
        #expect(try catalog.sheet(named: "Avery Zweckform 3474").name == "3x8-70x37")
        #expect(try catalog.sheet(named: "herma 4464").vendor == "Avery Zweckform")
        #expect(try catalog.sheet(named: "3X8-70X37").name == "3x8-70x37")
        #expect(throws: PrintError.unknownSheet("L9999", suggestions: [], count: catalog.sheets.count)) { try catalog.sheet(named: "L9999") }
        #expect(catalog.matching("avery").count == 8)
        #expect(catalog.matching("3x8").map(\.name).sorted() == ["3x8-63.5x33.9", "3x8-70x37"])
        #expect(catalog.matching("70x37").map(\.name) == ["3x8-70x37"])
    }

    @Test func aBrokenSheetIsRefusedWithItsFileAndTheReason() throws {
        let tooWide = "columns: 3\nrows: 8\nlabel-width: 75\nlabel-height: 37\ntop-margin: 0\nleft-margin: 0\n"
        #expect(throws: PrintError.invalidSheet(file: "wide.yaml", "the labels reach 225 × 296 mm, beyond the 210 × 297 mm page")) {
            try LabelSheet(yaml: tooWide, name: "wide", file: "wide.yaml")
        }
        #expect(throws: PrintError.invalidSheet(file: "x.yaml", "rows must be a whole number above 0")) {
            try LabelSheet(yaml: "columns: 3\nrows: tři\n", name: "x", file: "x.yaml")
        }
        #expect(throws: PrintError.invalidSheet(file: "p.yaml", "product \"L7160\" must be the maker and the code, such as \"Avery L7160\"")) {
            try LabelSheet(yaml: "products: [L7160]\ncolumns: 3\nrows: 7\nlabel-width: 63.5\nlabel-height: 38.1\ntop-margin: 15\nleft-margin: 7\n", name: "p", file: "p.yaml")
        }
        #expect(throws: PrintError.noSheetFolder(looked: ["/nonexistent/labels"])) { try LabelSheetCatalog(folders: ["/nonexistent/labels"]) }
    }

    @Test func gLabelsTemplatesAreReadWithTheirMakersMeasures() throws {
        let catalog = try LabelSheetCatalog(folders: [Self.gLabels])
        // Debian's glabels-data 3.4 has some 1,100 templates; CD labels are left out.
        #expect(catalog.sheets.count > 900)
        #expect(catalog.leftOut >= 80)
        // Avery 7160 is given in points: 181.4 × 108 pt labels, 3 × 7 from (21.2, 43.9) pt.
        let avery = try catalog.sheet(named: "L7160")
        #expect(avery.products.map(\.description).contains("Avery J8160"))
        #expect(avery.gridDescription == "3 × 7" && avery.page == .a4 && avery.shape == .rectangle)
        #expect(abs(avery.labelWidth - 181.4 * 25.4 / 72) < 0.001 && abs(avery.box(at: 4).x - (21.2 + 187.2) * 25.4 / 72) < 0.001)
        // Herma 4464, edge to edge: three 199 pt labels are 210.6 mm on a 210 mm page, which
        // gLabels' rounding allows.
        let herma = try catalog.sheet(named: "Herma 4464")
        #expect(herma.labelsPerPage == 24 && herma.box(at: 23).y + herma.labelHeight <= 297.1)
        #expect(abs(herma.labelWidth - 70.2) < 0.01)
        // A round label: the address goes in the square inside the circle.
        let round = try #require(catalog.matching("round").first { $0.shape == .round })
        let circle = round.box(at: 0), text = round.textBox(at: 0)
        #expect(circle.width == circle.height)
        let corner = hypot(text.x - (circle.x + circle.width / 2), text.y - (circle.y + circle.height / 2))
        #expect(corner <= circle.width / 2 + 0.001)
        // A US Letter sheet keeps its paper.
        #expect(try catalog.sheet(named: "Avery 5160").pageDescription == "Letter 215.9 × 279.4 mm")
    }

    @Test func aMalformedGLabelsFileIsNamedWithItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-glabels-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let xml = "<?xml version=\"1.0\"?>\n<Glabels-templates>\n  <Template brand=\"X\" part=\"1\" size=\"A4\">\n</Glabels-templates>\n"
        try Data(xml.utf8).write(to: URL(fileURLWithPath: folder + "/x-templates.xml"))
        #expect {
            try LabelSheetCatalog(folders: [folder])
        } throws: { error in
            "\(error)".hasPrefix(folder + "/x-templates.xml:4:") && "\(error)".contains("not well-formed")
        }
    }

    @Test func oneCodeForDifferentSheetsIsAmbiguousUntilTheMakerIsGiven() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-glabels-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func template(_ brand: String, _ width: Int) -> String {
            "<Template brand=\"\(brand)\" part=\"100\" size=\"A4\"><Label-rectangle id=\"0\" width=\"\(width)mm\" height=\"30mm\">"
                + "<Layout nx=\"2\" ny=\"8\" x0=\"5mm\" y0=\"10mm\" dx=\"\(width + 2)mm\" dy=\"32mm\"/></Label-rectangle></Template>"
        }
        let xml = "<?xml version=\"1.0\"?>\n<Glabels-templates>\(template("Alfa", 90))\(template("Beta", 80))</Glabels-templates>\n"
        try Data(xml.utf8).write(to: URL(fileURLWithPath: folder + "/x-templates.xml"))
        let catalog = try LabelSheetCatalog(folders: [folder])
        #expect(throws: PrintError.ambiguousSheet("100", candidates: [
            PrintError.SheetCandidate(product: "Alfa 100", layout: "2 × 8, 90 × 30 mm, A4 210 × 297 mm"),
            PrintError.SheetCandidate(product: "Beta 100", layout: "2 × 8, 80 × 30 mm, A4 210 × 297 mm"),
        ])) { try catalog.sheet(named: "100") }
        #expect(try catalog.sheet(named: "beta 100").labelWidth == 80)
        #expect(try catalog.sheet(named: "Alfa-100").labelWidth == 90)
    }
}
