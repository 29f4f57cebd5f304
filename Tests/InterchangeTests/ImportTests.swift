// CSV imports into a real SQLite file: all or nothing, every error listed.

import CRM
import Foundation
import GRDB
import Store
import Testing
@testable import Interchange

@Suite final class ImportTests {
    /// The folders the test made, removed when it ends (Swift Testing makes an instance per test).
    private var folders: [URL] = []

    deinit { for folder in folders { try? FileManager.default.removeItem(at: folder) } }

    func setUp() throws -> (KontaktDatabase, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-import-\(UUID().uuidString)")
        folders.append(folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try KontaktDatabase(path: folder.appendingPathComponent("k.sqlite").path, create: true)
        try database.write { db in
            try CodeLists.seedDefaults(db: db)
            try CodeLists.addList(name: "territory", label: "Teritorium", db: db)
            try CodeLists.addValue(CodeValue(list: "territory", code: "morava", label: "Morava"), db: db)
            try AttributeDefinitions.define(AttributeDefinition(name: "territory", entity: .firm, type: .text, codeList: "territory"), db: db)
            try Referents.add(Referent(code: "novak", name: "Jan Novák"), db: db)
        }
        return (database, folder)
    }

    func firmCount(_ database: KontaktDatabase) throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM firm") ?? -1 }
    }

    @Test func czechHeadersAndAttributesImport() throws {
        let (database, folder) = try setUp()
        let file = folder.appendingPathComponent("firmy.csv")
        try Data(try TextEncoding.windows1250.encode("Název;IČO;Ulice;Město;PSČ;territory\nStrojírny Dvořák s.r.o.;25596641;Dlouhá 1;Třebíč;67401;Morava\n")).write(to: file)
        let report = try CSVImport.run(path: file.path, target: .firms, options: ImportOptions(), database: database)
        #expect(report.encoding == .windows1250)
        #expect(report.delimiter == ";")
        #expect(report.imported == 1)
        let firm = try database.read { db in try Firms.fetch(id: 1, schema: try AttributeDefinitions.schema(db: db), db: db) }
        #expect(firm.name == "Strojírny Dvořák s.r.o.")
        #expect(firm.address.zip == "674 01")
        #expect(firm.attributes["territory"] == .text("morava"))
    }

    @Test func invalidRowsAbortTheImportAndAreAllListed() throws {
        let (database, folder) = try setUp()
        let file = folder.appendingPathComponent("bad.csv")
        try "name,ico,zip\nAlfa,25596641,11000\nBeta,25596642,11000\nGama,,1100\n".write(to: file, atomically: false, encoding: .utf8)
        #expect(throws: InterchangeError.invalidRows([
            "\(file.path):3: ico: \"25596642\" is not a valid IČO: its check digit is 2 but should be 1",
            "\(file.path):4: zip: \"1100\" is not a PSČ: expected 5 digits written NNN NN, e.g. 110 00",
        ])) {
            try CSVImport.run(path: file.path, target: .firms, options: ImportOptions(), database: database)
        }
        #expect(try firmCount(database) == 0)

        let report = try CSVImport.run(path: file.path, target: .firms, options: ImportOptions(skipInvalid: true), database: database)
        #expect(report.imported == 1)
        #expect(report.skipped.count == 2)
        #expect(try firmCount(database) == 1)
    }

    @Test func dryRunWritesNothing() throws {
        let (database, folder) = try setUp()
        let file = folder.appendingPathComponent("ok.csv")
        try "name\nAlfa\nBeta\n".write(to: file, atomically: false, encoding: .utf8)
        let report = try CSVImport.run(path: file.path, target: .firms, options: ImportOptions(dryRun: true), database: database)
        #expect(report.imported == 2)
        #expect(try firmCount(database) == 0)
    }

    @Test func unknownColumnSuggestsAFieldAndMapFixesIt() throws {
        let (database, folder) = try setUp()
        let file = folder.appendingPathComponent("cols.csv")
        try "name,teritory,Firma zkratka\nAlfa,Morava,A\n".write(to: file, atomically: false, encoding: .utf8)
        do {
            _ = try CSVImport.run(path: file.path, target: .firms, options: ImportOptions(), database: database)
            Issue.record("unknown columns were accepted")
        } catch let InterchangeError.invalidRows(lines) {
            #expect(lines.count == 2)
            #expect(lines[0].hasPrefix("\(file.path):1: teritory: the column is neither a field nor a defined attribute"))
            #expect(lines[0].contains("did you mean \"territory\"?"))
        }
        let report = try CSVImport.run(path: file.path, target: .firms,
                                       options: ImportOptions(mappings: ["teritory": "territory", "Firma zkratka": "note"]), database: database)
        #expect(report.imported == 1)
    }

    @Test func contactsReferToFirmsByIcoAndPersonsByEmail() throws {
        let (database, folder) = try setUp()
        let firms = folder.appendingPathComponent("f.csv"), persons = folder.appendingPathComponent("p.csv"), contacts = folder.appendingPathComponent("c.csv")
        try "name;ico\nAlfa;25596641\n".write(to: firms, atomically: false, encoding: .utf8)
        try "firm;first;last;email\n25596641;Jan;Dvořák;jan@alfa.cz\nAlfa;Eva;Malá;eva@alfa.cz\n".write(to: persons, atomically: false, encoding: .utf8)
        try "firm;person;date;kind;referent;result;text;nextDate;nextTask\n25596641;jan@alfa.cz;29.11.2026 10:00;Schůzka;novak;promise;Úvodní schůzka;5.12.2026;Poslat nabídku\nAlfa;Eva Malá;2026-11-30;call;novak;;Telefonát;;\n"
            .write(to: contacts, atomically: false, encoding: .utf8)
        for (target, file) in [(ImportTarget.firms, firms), (.persons, persons)] {
            _ = try CSVImport.run(path: file.path, target: target, options: ImportOptions(), database: database)
        }
        let report = try CSVImport.run(path: contacts.path, target: .contacts, options: ImportOptions(), database: database)
        #expect(report.imported == 2)
        #expect(report.tasksCreated == 1)
        var listed: [(String, String?, Int64?)] = []
        try database.read { db in try Contacts.forEach(ContactFilter(firmId: 1), db: db) { listed.append(($0.contact.kind, $0.personName?.last, $0.contact.personId)) } }
        #expect(listed.map(\.0) == ["task", "call", "meeting"])
        #expect(listed.map(\.1) == ["Dvořák", "Malá", "Dvořák"])
    }

    @Test func largeFileWithOneBadRowWritesNothingAndKeepsIndexes() throws {
        let (database, folder) = try setUp()
        let firms = folder.appendingPathComponent("f.csv"), persons = folder.appendingPathComponent("p.csv")
        try "name;ico\nAlfa;25596641\n".write(to: firms, atomically: false, encoding: .utf8)
        _ = try CSVImport.run(path: firms.path, target: .firms, options: ImportOptions(), database: database)
        // More rows than the bulk threshold, so indexes are dropped and rebuilt; row 4,002 is bad.
        var text = "firm;first;last;email\n"
        for index in 0..<(CSVImport.bulkThreshold + 100) {
            text += "25596641;Jan;Novák\(index);\(index == 4_000 ? "bad@" : "jan\(index)@alfa.cz")\n"
        }
        try text.write(to: persons, atomically: false, encoding: .utf8)
        let indexes = { try database.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person' ORDER BY name") } }
        let before = try indexes()
        #expect(throws: InterchangeError.invalidRows(["\(persons.path):4002: email: \"bad@\" is not an e-mail address: expected name@domain.tld"])) {
            try CSVImport.run(path: persons.path, target: .persons, options: ImportOptions(), database: database)
        }
        #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person") } == 0)
        #expect(try indexes() == before)

        let report = try CSVImport.run(path: persons.path, target: .persons, options: ImportOptions(skipInvalid: true), database: database)
        #expect(report.imported == CSVImport.bulkThreshold + 99)
        #expect(try indexes() == before)
        let plan = try database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM person WHERE email = 'jan7@alfa.cz' COLLATE NOCASE").map { $0["detail"] as String }
        }
        #expect(plan.joined().contains("person_by_email"))
    }

    func addAlfa(_ database: KontaktDatabase, _ folder: URL) throws {
        let firms = folder.appendingPathComponent("alfa.csv")
        try "name;ico\nAlfa;25596641\n".write(to: firms, atomically: false, encoding: .utf8)
        _ = try CSVImport.run(path: firms.path, target: .firms, options: ImportOptions(), database: database)
    }

    func importError(_ text: [UInt8], target: ImportTarget = .persons, in folder: URL, database: KontaktDatabase) -> String? {
        let file = folder.appendingPathComponent("x-\(UUID().uuidString).csv")
        try? Data(text).write(to: file)
        do { _ = try CSVImport.run(path: file.path, target: target, options: ImportOptions(), database: database); return nil } catch { return "\(error)" }
    }

    @Test func hostileFilesAreRefusedWithTheirLineAndWriteNothing() throws {
        let (database, folder) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        try addAlfa(database, folder)
        let header = "firm;first;last;email\n"
        // Text after a closing quote: the quotes are unbalanced, never a merged record.
        let afterQuote = importError(Array((header + "Alfa;Jan;\"Novák\" ml.;jan@alfa.cz\nAlfa;Eva;Malá;eva@alfa.cz\n").utf8), in: folder, database: database)
        #expect(afterQuote?.contains("line 2: text after the closing quote") == true, "\(String(describing: afterQuote))")
        let unbalanced = importError(Array((header + "Alfa;Jan;\"Novák;jan@alfa.cz\nAlfa;Eva;Malá;eva@alfa.cz\n").utf8), in: folder, database: database)
        #expect(unbalanced?.contains("line 2: a quoted field is opened but never closed") == true, "\(String(describing: unbalanced))")
        // Control characters in names are refused with the line, shown as escapes.
        for control in ["\u{0}", "\u{1B}[31m", "\r", "\u{202E}"] {
            let text = header + "Alfa;\"Jan\(control)x\";Novák;jan@alfa.cz\n"
            let error = importError(Array(text.utf8), in: folder, database: database)
            #expect(error?.contains(":2: first: contains the control character U+") == true, "\(String(describing: error))")
        }
        // UTF-8 rows pasted into a Windows-1250 file.
        var mixed = try TextEncoding.windows1250.encode(header + "Alfa;Jiří;Dvořák;jiri@alfa.cz\n")
        mixed += Array("Alfa;Žofie;Černá;zofie@alfa.cz\n".utf8)
        let mixedError = importError(mixed, in: folder, database: database)
        #expect(mixedError?.contains("mixes encodings: line 3 is UTF-8 but line 2 is not") == true, "\(String(describing: mixedError))")
        #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person") } == 0)
    }

    @Test func excelUnicodeTextIsRead() throws {
        let (database, folder) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("unicode.txt")
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Název\tIČO\r\nŽelezárny Třinec\t25596641\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try Data(bytes).write(to: file)
        let report = try CSVImport.run(path: file.path, target: .firms, options: ImportOptions(), database: database)
        #expect(report.encoding == .utf16le && report.delimiter == "tab" && report.imported == 1)
        #expect(try database.read { db in try String.fetchOne(db, sql: "SELECT name FROM firm") } == "Železárny Třinec")
    }

    @Test func reImportingPersonsSkipsUpdatesOrRefusesThoseWithTheSameEmail() throws {
        let (database, folder) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        try addAlfa(database, folder)
        let file = folder.appendingPathComponent("lide.csv")
        try "firm;first;last;email;function\nAlfa;Jan;Novák;jan@alfa.cz;\nAlfa;Eva;Malá;eva@alfa.cz;účetní\n".write(to: file, atomically: false, encoding: .utf8)
        _ = try CSVImport.run(path: file.path, target: .persons, options: ImportOptions(), database: database)
        // Eva withdrew consent meanwhile; the spreadsheet comes again with a new function for Jan.
        try database.write { db in try db.execute(sql: "UPDATE person SET email_consent = 0 WHERE email = 'eva@alfa.cz'") }
        try "firm;first;last;email;function\nAlfa;Jan;Novák;JAN@alfa.cz;jednatel\nAlfa;Eva;Malá;eva@alfa.cz;\nAlfa;Petr;Nový;petr@alfa.cz;\n"
            .write(to: file, atomically: false, encoding: .utf8)
        let skipped = try CSVImport.run(path: file.path, target: .persons, options: ImportOptions(dryRun: true), database: database)
        #expect(skipped.imported == 1 && skipped.duplicatesSkipped == 2)
        #expect(throws: InterchangeError.self) { try CSVImport.run(path: file.path, target: .persons, options: ImportOptions(onDuplicate: .error), database: database) }
        let updated = try CSVImport.run(path: file.path, target: .persons, options: ImportOptions(onDuplicate: .update), database: database)
        #expect(updated.imported == 1 && updated.duplicatesUpdated == 2)
        let rows = try database.read { db in try Row.fetchAll(db, sql: "SELECT email, function, email_consent FROM person ORDER BY id") }
        #expect(rows.map { "\($0[0] as String) \(($0[1] as String?) ?? "-") \($0[2] as Int)" } == ["JAN@alfa.cz jednatel 1", "eva@alfa.cz účetní 0", "petr@alfa.cz - 1"])
        // The same e-mail twice in one file is an error naming both lines.
        try "firm;first;last;email\nAlfa;Ota;A;ota@alfa.cz\nAlfa;Ota;B;OTA@alfa.cz\n".write(to: file, atomically: false, encoding: .utf8)
        #expect(throws: InterchangeError.invalidRows(["\(file.path):3: email: OTA@alfa.cz is also on line 2 of this file: each person once"])) {
            try CSVImport.run(path: file.path, target: .persons, options: ImportOptions(), database: database)
        }
    }

    @Test func personsWithoutAnEmailAreFoundByFirmAndName() throws {
        let (database, folder) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        try addAlfa(database, folder)
        let file = folder.appendingPathComponent("lide.csv")
        try "firm;first;last;phone\nAlfa;Karel;Dvořák;\nAlfa;Eva;Malá;\n".write(to: file, atomically: false, encoding: .utf8)
        _ = try CSVImport.run(path: file.path, target: .persons, options: ImportOptions(), database: database)
        // Again, spelt without diacritics and with a phone; and a new person.
        try "firm;first;last;phone\nAlfa;karel;DVORAK;602 123 456\nAlfa;Petr;Nový;\n".write(to: file, atomically: false, encoding: .utf8)
        let skipped = try CSVImport.run(path: file.path, target: .persons, options: ImportOptions(dryRun: true), database: database)
        #expect(skipped.imported == 1 && skipped.duplicatesSkipped == 1)
        let updated = try CSVImport.run(path: file.path, target: .persons, options: ImportOptions(onDuplicate: .update), database: database)
        #expect(updated.imported == 1 && updated.duplicatesUpdated == 1)
        let rows = try database.read { db in try Row.fetchAll(db, sql: "SELECT last, coalesce(phone, '-') FROM person ORDER BY id") }
        #expect(rows.map { "\($0[0] as String) \($0[1] as String)" } == ["DVORAK +420 602 123 456", "Malá -", "Nový -"])
        try "firm;first;last\nAlfa;Ota;Černý\nAlfa;Ota;Cerny\n".write(to: file, atomically: false, encoding: .utf8)
        #expect(throws: InterchangeError.invalidRows(["\(file.path):3: last: Ota Cerny of firm 1 is also on line 2 of this file: each person once"])) {
            try CSVImport.run(path: file.path, target: .persons, options: ImportOptions(), database: database)
        }
    }

    @Test func reImportingFirmsFindsThemByICOOrNameAndTown() throws {
        let (database, folder) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("firmy.csv")
        try "name;ico;city;phone\nAlfa s.r.o.;25596641;Brno;\nBeta a.s.;;Olomouc;\nGama;;Praha;\n".write(to: file, atomically: false, encoding: .utf8)
        _ = try CSVImport.run(path: file.path, target: .firms, options: ImportOptions(), database: database)
        // Again, with a phone for Alfa (renamed, same IČO), Beta spelt without diacritics in
        // another case, a Gama in another town (a firm of its own) and a new Delta.
        try "name;ico;city;phone\nALFA spol. s r.o.;25596641;Brno;602 111 222\nbeta A.S.;;olomouc;603 000 000\nGama;;Ostrava;\nDelta;;Zlín;\n"
            .write(to: file, atomically: false, encoding: .utf8)
        let skipped = try CSVImport.run(path: file.path, target: .firms, options: ImportOptions(dryRun: true), database: database)
        #expect(skipped.imported == 2 && skipped.duplicatesSkipped == 2)
        #expect(throws: InterchangeError.self) { try CSVImport.run(path: file.path, target: .firms, options: ImportOptions(onDuplicate: .error), database: database) }
        let updated = try CSVImport.run(path: file.path, target: .firms, options: ImportOptions(onDuplicate: .update), database: database)
        #expect(updated.imported == 2 && updated.duplicatesUpdated == 2)
        let rows = try database.read { db in try Row.fetchAll(db, sql: "SELECT name, coalesce(phone, '-'), city FROM firm ORDER BY id") }
        #expect(rows.map { "\($0[0] as String)|\($0[1] as String)|\($0[2] as String)" } ==
                ["ALFA spol. s r.o.|+420 602 111 222|Brno", "beta A.S.|+420 603 000 000|olomouc", "Gama|-|Praha", "Gama|-|Ostrava", "Delta|-|Zlín"])
        // The same IČO twice in one file is an error naming both lines.
        try "name;ico\nOmega;27074358\nOmega II;27074358\n".write(to: file, atomically: false, encoding: .utf8)
        #expect(throws: InterchangeError.invalidRows(["\(file.path):3: ico: IČO 27074358 is also on line 2 of this file: each firm once"])) {
            try CSVImport.run(path: file.path, target: .firms, options: ImportOptions(), database: database)
        }
    }

    @Test func exportedCellsThatLookLikeFormulasAreNeutralisedAndReadBack() {
        var csv = CSVWriter(delimiter: ";", neutralizingFormulas: true)
        csv.write(["=HYPERLINK(\"http://x\")", "+420 602 123 456", "-1500", "@SUM(A1)", "-2,5", "Novák", "- odrážka"])
        #expect(csv.text == "\"'=HYPERLINK(\"\"http://x\"\")\";'+420 602 123 456;-1500;'@SUM(A1);-2,5;Novák;'- odrážka\r\n")
        #expect(CSVWriter.restored("'=HYPERLINK(x)") == "=HYPERLINK(x)" && CSVWriter.restored("'s-Hertogenbosch") == "'s-Hertogenbosch")
    }
}
