// Letters laid out per ČSN 01 6910, read back by pypdf: the address block in its window zone
// within ±1 mm, the salutation, a long body carried onto a numbered continuation page with
// nothing lost, and one-letter words bound to the next.

import Foundation
import Testing
@testable import Print

@Suite(.serialized) struct LetterTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-letters-\(UUID().uuidString)")

    func letter(paragraphs: Int, name: String) -> Letter {
        var letter = Letter(sender: ["Kontakt Demo s.r.o.", "Vinohradská 12, 120 00  Praha 2"],
                            recipient: ["Strojírny Žďár, s.r.o.", "Ing. \(name)", "Náměstí Republiky 1234/56", "591 01  ŽĎÁR NAD SÁZAVOU"],
                            subject: "Nabídka servisní smlouvy", salutation: "Vážená paní inženýrko,",
                            paragraphs: (1...paragraphs).map { "Odstavec \($0): posíláme <b>nabídku</b> a v příloze i ceník služeb, které u nás objednáváte pravidelně každý rok." }
                                + ["• první položka seznamu", "Poslední odstavec dopisu."])
        letter.date = "29. listopadu 2026"
        letter.signature = ["Jan Novák"]
        return letter
    }

    @Test(arguments: [AddressWindow.right, .left])
    func lettersStartOnNewPagesWithTheAddressInTheWindow(window: AddressWindow) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("dopisy.pdf").path
        var options = LetterOptions()
        options.window = window
        options.foldMarks = true
        let printer = try LetterPrinter(path: pdf, options: options)
        printer.add(letter(paragraphs: 30, name: "Alžběta Nováková"))
        printer.add(letter(paragraphs: 2, name: "Eva Dvořáková"))
        try printer.finish()
        #expect(printer.letters == 2)
        let pages = try PDFText.lines(pdf)
        #expect(pages.count == printer.pages && pages.count >= 3)
        let first = pages[0]
        let zone = LetterPrinter.addressZone(window)
        let firm = try #require(first.first { $0.text == "Strojírny Žďár, s.r.o." })
        let town = try #require(first.first { $0.text == "591 01  ŽĎÁR NAD SÁZAVOU" })
        #expect(abs(firm.x - zone.x) <= 1, "x \(firm.x) vs \(zone.x)")
        #expect(firm.y > zone.y && firm.y <= zone.y + 5 && town.y <= zone.y + zone.height, "\(firm.y)…\(town.y) vs \(zone.y)")
        #expect(first.contains { $0.text == "Vážená paní inženýrko," })
        // The sender's header (stamped as a recorded part) ends 30 mm from the top.
        let header = try PDFText.words(pdf, page: 1).filter { ["Kontakt", "Vinohradská"].contains($0.text) }
        #expect(header.count == 2 && header.allSatisfy { $0.bottom <= 30 && abs($0.left - 20) <= 1 }, "\(header)")
        // The long letter goes on to a numbered page; nothing is lost and the second letter starts afresh.
        let all = pages.flatMap { $0.map(\.text) }.joined(separator: "\n")
        #expect(pages[1].contains { $0.text == "– 2 –" })
        for number in 1...30 { #expect(all.contains("Odstavec \(number):"), "paragraph \(number)") }
        let second = try #require(pages.firstIndex { page in page.contains { $0.text == "Ing. Eva Dvořáková" } })
        #expect(second == pages.count - 1 && pages[second].contains { $0.text == "Vážená paní inženýrko," })
    }

    @Test func oneLetterWordsAreBoundToTheNextWord() {
        let czech = LetterOptions().bindingWords
        #expect(Typography.bind("v Praze a u nás <b>s námi</b> i", words: czech) == "v\u{00A0}Praze a\u{00A0}u\u{00A0}nás <b>s\u{00A0}námi</b> i")
        #expect(Typography.bind("<span a=\"v x\">o tom</span>", words: czech) == "<span a=\"v x\">o\u{00A0}tom</span>")
        #expect(Typography.bind("v Praze", words: []) == "v Praze")
    }
}
