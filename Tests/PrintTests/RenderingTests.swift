// One sample of each document rendered by poppler's pdftoppm, to catch blank or broken pages:
// a page must render, and ink must cover many rows of it.

import Foundation
import Testing
@testable import Print

@Suite(.serialized) struct RenderingTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-render-\(UUID().uuidString)")

    /// Rows of page `page` (at 50 dpi, greyscale) holding at least one dark pixel.
    func inkedRows(_ pdf: String, page: Int) throws -> (inked: Int, height: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let output = folder.appendingPathComponent("page-\(page)").path
        process.arguments = ["pdftoppm", "-r", "50", "-gray", "-f", String(page), "-l", String(page), "-singlefile", pdf, output]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return (0, 0) }
        // PGM: "P5\n<width> <height>\n255\n" then one byte per pixel, row by row.
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: output + ".pgm")))
        var fields: [Int] = [], index = 2, number = 0, inNumber = false
        while fields.count < 3 {
            let byte = data[index]
            if byte >= 0x30 && byte <= 0x39 { number = number * 10 + Int(byte - 0x30); inNumber = true } else if inNumber {
                fields.append(number); number = 0; inNumber = false
            }
            index += 1
        }
        let (width, height) = (fields[0], fields[1])
        let pixels = data[index...]
        var inked = 0
        for row in 0..<height where pixels[pixels.startIndex + row * width ..< pixels.startIndex + (row + 1) * width].contains(where: { $0 < 128 }) {
            inked += 1
        }
        return (inked, height)
    }

    @Test func eachDocumentRendersWithInk() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let block = ["Strojírny Žďár, s.r.o.", "Ing. Alžběta Nováková", "Náměstí Republiky 1234/56", "591 01  ŽĎÁR NAD SÁZAVOU"]

        let labels = folder.appendingPathComponent("labels.pdf").path
        _ = try LabelPrinter.print(Array(repeating: block, count: 14), sheet: LabelSheetCatalog(folders: [LabelSheetTests.folder]).sheet(named: "2x7-99.1x38.1"), to: labels)
        let envelopes = folder.appendingPathComponent("envelopes.pdf").path
        _ = try EnvelopePrinter.print([block], sender: ["Kontakt Demo s.r.o.", "Vinohradská 12"], format: .c5, to: envelopes)
        let letters = folder.appendingPathComponent("letters.pdf").path
        let printer = try LetterPrinter(path: letters)
        var letter = Letter(sender: ["Kontakt Demo s.r.o."], recipient: block, subject: "Nabídka", salutation: "Vážená paní inženýrko,",
                            paragraphs: Array(repeating: "Dlouhý odstavec, který se opakuje, aby dopis pokračoval na další straně.", count: 60))
        letter.signature = ["Jan Novák"]
        printer.add(letter)
        try printer.finish()

        let dossier = folder.appendingPathComponent("dossier.pdf").path
        let writer = try DocumentWriter(path: dossier)
        writer.title("Strojírny Žďár, s.r.o.", subtitle: "Podklad pro jednání")
        writer.fields([("IČO", "25000209"), ("Adresa", "Náměstí Republiky 1234/56, 591 01  Žďár nad Sázavou")])
        writer.heading("Historie kontaktů")
        writer.table(columns: [("Datum", 30), ("Druh", 30), ("Text", 120)],
                     rows: (1...80).map { ["2026-11-\($0 % 28 + 1)", "Schůzka", "Jednání o servisní smlouvě číslo \($0), dlouhý text, který se zalomí do dvou řádků v úzkém sloupci."] })
        try writer.finish()
        #expect(writer.pages >= 2)

        for (pdf, page, least) in [(labels, 1, 100), (envelopes, 1, 20), (letters, 1, 100), (letters, 2, 50), (dossier, 1, 150), (dossier, 2, 100)] {
            let (inked, height) = try inkedRows(pdf, page: page)
            #expect(height > 0 && inked >= least, "\(pdf) page \(page): \(inked) of \(height) rows inked")
        }
        // A blank page would not pass: the check itself tells ink from paper.
        let blank = folder.appendingPathComponent("blank.pdf").path
        let empty = try PDFDocument(path: blank, pageSize: .a4)
        empty.newPage()
        try empty.finish()
        #expect(try inkedRows(blank, page: 1).inked == 0)
    }
}
