// Labels printed to a real PDF and read back by pypdf (text, positions) and rendered by
// pdftoppm (not blank).

import Foundation
import TestSupport
import Testing
@testable import Print

@Suite(.serialized) struct LabelPrintTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-labels-\(UUID().uuidString)")

    func blocks(_ count: Int) -> [[String]] {
        (1...count).map { number in
            ["Vážená paní", "Ing. Alžběta Nováková \(number)", "Strojírny Žďár nad Sázavou, s.r.o.", "Náměstí Republiky 1234/56", "591 01  Žďár nad Sázavou 1"]
        }
    }

    @Test func labelsFillSheetsAfterTheSkippedOnesWithDiacriticsIntact() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = try LabelSheetCatalog(folders: [LabelSheetTests.folder]).sheet(named: "3x8-70x37")
        let pdf = folder.appendingPathComponent("stitky.pdf").path
        let report = try LabelPrinter.print(blocks(50), sheet: sheet, skip: 5, to: pdf)
        #expect(report.labels == 50 && report.pages == 3)
        let pages = try PDFText.lines(pdf)
        #expect(pages.count == 3)
        // 19 labels on the first sheet (5 used already), 24 on the second, 7 on the third.
        #expect(pages.map { page in page.filter { $0.text.hasPrefix("Ing. Alžběta Nováková") }.count } == [19, 24, 7])
        let text = pages.flatMap { $0.map(\.text) }
        #expect(text.contains("Strojírny Žďár nad Sázavou, s.r.o.") && text.contains("591 01  Žďár nad Sázavou 1"))
        // The first block sits in the sixth label (row 2, column 3), inside its padding.
        let first = try #require(pages[0].first { $0.text == "Ing. Alžběta Nováková 1" })
        let box = sheet.box(at: 5).inset(by: sheet.padding)
        #expect(first.x >= box.x - 0.5 && first.x <= box.x + 1, "x \(first.x) vs \(box.x)")
        #expect(first.y >= box.y && first.y <= box.y + 12, "y \(first.y) vs \(box.y)")
    }

    @Test func roundGLabelsLabelsCarryTheAddressInsideTheCircle() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = try LabelSheetCatalog(folders: [LabelSheetTests.gLabels])
        let sheet = try #require(catalog.sheets.first { $0.shape == .round && $0.page == .a4 && $0.labelWidth >= 50 })
        let pdf = folder.appendingPathComponent("kulate.pdf").path
        let report = try LabelPrinter.print([["Jan Novák", "Krátká 1", "110 00  Praha 1"]], sheet: sheet, to: pdf)
        #expect(report.labels == 1 && report.truncated.isEmpty)
        let line = try #require(try PDFText.lines(pdf)[0].first { $0.text == "Jan Novák" })
        let circle = sheet.box(at: 0)
        let distance = hypot(line.x - (circle.x + circle.width / 2), line.y - (circle.y + circle.height / 2))
        #expect(distance < circle.width / 2, "\(sheet.name): the text starts \(distance) mm from the centre of a \(circle.width) mm label")
    }

    @Test func anUnfinishedDocumentLeavesTheEarlierPDFAsItWas() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = try LabelSheetCatalog(folders: [LabelSheetTests.folder]).sheet(named: "3x8-70x37")
        let pdf = folder.appendingPathComponent("stitky.pdf").path
        _ = try LabelPrinter.print(blocks(3), sheet: sheet, to: pdf)
        let before = try Data(contentsOf: URL(fileURLWithPath: pdf))
        do {
            let document = try PDFDocument(path: pdf, pageSize: .a4)
            document.newPage()
            // Abandoned without finish(), as a failed run abandons it.
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["stitky.pdf"])
    }

    @Test func aBlockTooLongShrinksThenEllipsisesAndIsReported() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = try LabelSheetCatalog(folders: [LabelSheetTests.folder]).sheet(named: "4x10-48.5x25.4")
        let pdf = folder.appendingPathComponent("dlouhe.pdf").path
        let blocks = [["Jan Novák", "Krátká 1", "110 00  Praha 1"],
                      ["Ing. Alžběta Nováková", "Strojírny Žďár nad Sázavou", "Náměstí 1", "591 01  Žďár nad Sázavou"],
                      ["Společnost s neobyčejně dlouhým názvem pro zkoušku zkracování, a.s.", "Ulice s velmi dlouhým jménem 1234/567",
                       "Další řádek", "A ještě jeden", "591 01  Žďár nad Sázavou 1"]]
        let report = try LabelPrinter.print(blocks, sheet: sheet, to: pdf)
        #expect(report.labels == 3 && report.pages == 1)
        #expect(report.shrunk == [2] && report.truncated == [3])
        let text = try PDFText.lines(pdf)[0].map(\.text).joined(separator: "\n")
        #expect(text.contains("Jan Novák") && text.contains("…"))
    }
}
