// Envelopes in each format: the page is the envelope, the recipient's block sits in the ČSN
// address zone and the sender's in the top left, as pypdf reads them back.

import Foundation
import Testing
@testable import Print

@Suite(.serialized) struct EnvelopeTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-envelopes-\(UUID().uuidString)")

    @Test(arguments: EnvelopeFormat.allCases)
    func theAddressesSitWhereTheStandardPutsThem(format: EnvelopeFormat) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("obalky-\(format.rawValue).pdf").path
        let blocks = [["Strojírny Žďár, s.r.o.", "Ing. Alžběta Nováková", "Náměstí Republiky 1234/56", "591 01  ŽĎÁR NAD SÁZAVOU"],
                      ["Jan Dvořák", "Dlouhá 1", "110 00  PRAHA 1"]]
        let report = try EnvelopePrinter.print(blocks, sender: ["Kontakt Demo s.r.o.", "Vinohradská 12", "120 00  PRAHA 2"], format: format, to: pdf)
        #expect(report.envelopes == 2 && report.shrunk.isEmpty && report.truncated.isEmpty)
        let sizes = try PDFText.pageSizes(pdf)
        #expect(sizes.count == 2 && sizes.allSatisfy { abs($0.width - format.page.width) < 0.5 && abs($0.height - format.page.height) < 0.5 })
        let lines = try PDFText.lines(pdf)[0]
        let zone = format.recipientZone
        let firm = try #require(lines.first { $0.text == "Strojírny Žďár, s.r.o." })
        let town = try #require(lines.first { $0.text == "591 01  ŽĎÁR NAD SÁZAVOU" })
        // Within ±1 mm of the zone's left edge; the first baseline and the last inside the zone.
        #expect(abs(firm.x - zone.x) <= 1, "x \(firm.x) vs \(zone.x)")
        #expect(firm.y > zone.y && town.y <= zone.y + zone.height, "\(firm.y)…\(town.y) vs \(zone.y)…\(zone.y + zone.height)")
        // The recipient's zone is at least 40 mm below the top; the sender's block ends above 40 mm.
        #expect(zone.y >= 40)
        let sender = try #require(lines.first { $0.text == "120 00  PRAHA 2" })
        #expect(sender.x < 11 && sender.y <= 40)
    }
}
