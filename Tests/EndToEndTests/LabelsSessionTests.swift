// `kontakt labels` through the built binary: a segment's address blocks on a preset sheet,
// read back from the PDF by pypdf.

import Foundation
import TestSupport
import Testing

@Suite struct LabelsSessionTests {
    var sheets: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Templates/labels").path
    }

    @Test func aSegmentsLabelsAfterTheSkippedOnes() throws {
        let s = try Session()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try s.ok("init")
        try s.ok("firm", "add", "Strojírny Žďár, s.r.o.", "--role", "customer", "--street", "Náměstí Republiky 1234/56", "--city", "Žďár nad Sázavou",
                 "--zip", "591 01")
        try s.ok("firm", "add", "Dodavatel", "--role", "supplier", "--street", "Dlouhá 1", "--city", "Praha", "--zip", "110 00")
        for number in 1...30 {
            try s.ok("person", "add", "--firm", "1", "--first", "Alžběta", "--last", "Nováková \(number)", "--title-before", "Ing.")
        }
        try s.ok("person", "add", "--firm", "2", "--first", "Jan", "--last", "Dodavatel")
        let pdf = s.folder.appendingPathComponent("stitky.pdf").path
        let printed = try s.ok("labels", "--where", "role = customer", "--sheet", "3x7-63.5x38.1", "--skip", "20", "--out", pdf, "--sheets", sheets)
        #expect(printed.hasPrefix("Printed 30 label(s) on 3 sheet(s) of Avery L7160 (3 × 7, 63.5 × 38.1 mm): \(pdf)"))
        let read = try Python.strings("""
            import sys, json
            from pypdf import PdfReader
            reader = PdfReader(sys.stdin.read())
            pages = [page.extract_text() for page in reader.pages]
            print(json.dumps({"pages": str(len(pages)), "first": pages[0], "count": str(sum(p.count("Ing. Alžběta Nováková") for p in pages))}))
            """, input: Data(pdf.utf8))
        #expect(read["pages"] == "3" && read["count"] == "30")
        #expect(read["first"] == "Strojírny Žďár, s.r.o.\nIng. Alžběta Nováková 1\nNáměstí Republiky 1234/56\n591 01  ŽĎÁR NAD SÁZAVOU")

        let skipAll = try s.run(arguments: ["labels", "--where", "role = customer", "--sheet", "3x7-63.5x38.1", "--skip", "21", "--sheets", sheets])
        #expect(skipAll.status != 0 && skipAll.stderr.contains("would skip the whole sheet of 21 labels"))
        let unknown = try s.run(arguments: ["labels", "--where", "role = customer", "--sheet", "3x9", "--sheets", sheets])
        #expect(unknown.status != 0 && unknown.status == 1 && unknown.stderr.contains("no label sheet \"3x9\" among the 12 known; `kontakt labels --list-sheets [FILTER]` lists them"))
        let nobody = try s.run(arguments: ["labels", "--where", "role = prospect", "--sheet", "3x8-70x37", "--sheets", sheets])
        #expect(nobody.status != 0 && nobody.stderr.contains("selects no one"))
    }

    @Test func envelopesForAFirmSegmentCarryTheRememberedSender() throws {
        let s = try Session()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try s.ok("init")
        try s.ok("firm", "add", "Strojírny Žďár, s.r.o.", "--role", "customer", "--street", "Náměstí Republiky 1234/56", "--city", "Žďár nad Sázavou",
                 "--zip", "591 01")
        try s.ok("firm", "add", "Autodíly Plzeň", "--role", "customer", "--street", "Dlouhá 1", "--city", "Plzeň", "--zip", "301 00")
        try s.ok("segment", "save", "zakaznici", "role = customer", "--firms")
        try s.ok("config", "set", "print.sender", "Kontakt Demo s.r.o.|Vinohradská 12|120 00  PRAHA 2")
        let pdf = s.folder.appendingPathComponent("obalky.pdf").path
        #expect(try s.ok("envelopes", "--segment", "zakaznici", "--format", "c5", "--out", pdf) == "Printed 2 C5 envelope(s): \(pdf)\n")
        let read = try Python.strings("""
            import sys, json
            from pypdf import PdfReader
            reader = PdfReader(sys.stdin.read())
            print(json.dumps({"pages": str(len(reader.pages)), "second": reader.pages[1].extract_text(),
                              "width": str(round(float(reader.pages[0].mediabox.width) * 25.4 / 72))}))
            """, input: Data(pdf.utf8))
        #expect(read["pages"] == "2" && read["width"] == "229")
        #expect(read["second"] == "Kontakt Demo s.r.o.\nVinohradská 12\n120 00  PRAHA 2\nStrojírny Žďár, s.r.o.\nNáměstí Republiky 1234/56\n591 01  ŽĎÁR NAD SÁZAVOU")
    }

    @Test func lettersAreLoggedAsContactsUnlessNoLog() throws {
        let s = try Session()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try s.ok("init")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák")
        try s.ok("firm", "add", "Strojírny Žďár, s.r.o.", "--role", "customer", "--street", "Náměstí Republiky 1234/56", "--city", "Žďár nad Sázavou",
                 "--zip", "591 01")
        try s.ok("person", "add", "--firm", "1", "--first", "Petr", "--last", "Dvořák", "--title-before", "Ing.", "--email", "petr@zdar.cz")
        try s.ok("person", "add", "--firm", "1", "--first", "Jana", "--last", "Svobodová", "--email", "jana@zdar.cz")
        try s.ok("person", "add", "--firm", "1", "--first", "Karel", "--last", "Bez Adresy")
        let template = try s.write("dopis.md", """
            ---
            subject: "Nabídka pro {{firm.name}}"
            required: [person.email]
            window: left
            ---
            posíláme nabídku pro **{{firm.name}}** a v příloze i ceník.
            """)
        let pdf = s.folder.appendingPathComponent("dopisy.pdf").path
        let printed = try s.ok("letters", template, "--where", "role = customer", "--out", pdf, "--sender", "Kontakt Demo s.r.o.|Vinohradská 12")
        #expect(printed.hasPrefix("Printed 2 letter(s) on 2 page(s): \(pdf); 2 contact(s) logged."))
        #expect(printed.contains("Skipped person 3: required field(s) empty: person.email"))
        let contacts = try s.json("contact", "list", "--kind", "letter") as? [[String: Any]] ?? []
        #expect(contacts.count == 2 && contacts.allSatisfy { $0["text"] as? String == "Nabídka pro Strojírny Žďár, s.r.o." })
        let read = try Python.strings("""
            import sys, json
            from pypdf import PdfReader
            pages = [p.extract_text() for p in PdfReader(sys.stdin.read()).pages]
            print(json.dumps({"first": pages[0], "second": pages[1]}))
            """, input: Data(pdf.utf8))
        #expect(read["first"]?.contains("Vážený pane inženýre,") == true && read["second"]?.contains("Vážená paní Svobodová,") == true)
        #expect(read["first"]?.contains("Strojírny Žďár, s.r.o.\nIng. Petr Dvořák\nNáměstí Republiky 1234/56\n591 01  ŽĎÁR NAD SÁZAVOU") == true)

        let unlogged = try s.ok("letters", template, "--where", "role = customer", "--out", pdf, "--no-log")
        #expect(unlogged.contains("(not logged)"))
        #expect((try s.json("contact", "list", "--kind", "letter") as? [Any])?.count == 2)

        // One letter to the firm, naming its persons; its contact has no person.
        let firmTemplate = try s.write("firma.md", "---\nsubject: \"Nabídka pro {{firm.name}}\"\n---\nposíláme nabídku.\n")
        let grouped = try s.ok("letters", firmTemplate, "--where", "role = customer", "--out", pdf, "--group-by-firm")
        #expect(grouped.hasPrefix("Printed 1 letter(s) on 1 page(s)"))
        let firmLetter = try Python.strings("""
            import sys, json
            from pypdf import PdfReader
            print(json.dumps({"text": PdfReader(sys.stdin.read()).pages[0].extract_text()}))
            """, input: Data(pdf.utf8))["text"] ?? ""
        #expect(firmLetter.contains("Vážení obchodní přátelé,") && firmLetter.contains("K\u{00A0}rukám: Ing. Petr Dvořák, Jana Svobodová, Karel Bez Adresy"))
        #expect(firmLetter.contains("Strojírny Žďár, s.r.o.\nNáměstí Republiky 1234/56"))
        let firmContacts = try s.json("contact", "list", "--kind", "letter") as? [[String: Any]] ?? []
        #expect(firmContacts.count == 3 && firmContacts.filter { $0["personId"] is NSNull || $0["personId"] == nil }.count == 1)
    }
}

@Suite struct CardSessionTests {
    @Test func aPersonsCardAndAFirmsDossierCarryTheirHistory() throws {
        let s = try Session()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try s.ok("init")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák")
        try s.ok("firm", "add", "Strojírny Žďár, s.r.o.", "--role", "customer", "--ico", "25000209", "--street", "Náměstí 1", "--city", "Žďár nad Sázavou",
                 "--zip", "591 01")
        try s.ok("person", "add", "--firm", "1", "--first", "Petr", "--last", "Dvořák", "--title-before", "Ing.", "--function", "nákupčí",
                 "--email", "petr@zdar.cz")
        try s.ok("contact", "add", "--person", "1", "--kind", "meeting", "--referent", "novak", "--date", "2026-03-02", "--text", "První schůzka v Žďáru",
                 "--next-date", "2026-12-07", "--next-task", "Poslat ceník")
        try s.ok("contact", "add", "--person", "1", "--kind", "call", "--referent", "novak", "--result", "contract", "--date", "2026-04-30",
                 "--text", "Podepsána smlouva")
        let card = s.folder.appendingPathComponent("karta.pdf").path
        #expect(try s.ok("person", "card", "1", "--out", card).hasPrefix("Printed the card of person 1 (1 page(s))"))
        let dossier = s.folder.appendingPathComponent("podklad.pdf").path
        #expect(try s.ok("firm", "dossier", "1", "--out", dossier).contains("2 contact(s)"))
        let text = try Python.strings("""
            import sys, json
            from pypdf import PdfReader
            card, dossier = sys.stdin.read().split("|")
            print(json.dumps({"card": PdfReader(card).pages[0].extract_text(), "dossier": "\\n".join(p.extract_text() for p in PdfReader(dossier).pages)}))
            """, input: Data("\(card)|\(dossier)".utf8))
        let cardText = text["card"] ?? "", dossierText = text["dossier"] ?? ""
        #expect(cardText.hasPrefix("Ing. Petr Dvořák\nnákupčí · Strojírny Žďár, s.r.o."))
        #expect(cardText.contains("Podepsána smlouva") && cardText.contains("První schůzka v Žďáru"))
        #expect(dossierText.contains("První kontakt 2.\u{00A0}března 2026") && dossierText.contains("Obchody 30.\u{00A0}4.\u{00A0}2026"))
        #expect(dossierText.contains("2026-12-07") && dossierText.contains("Poslat ceník"))
        #expect(dossierText.contains("Ing. Petr Dvořák nákupčí petr@zdar.cz"))
    }
}
