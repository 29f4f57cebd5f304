// Drives the built `kontakt` binary through a user's session, as the acceptance tests do.

import Foundation
import Testing

struct Outcome {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs kontakt (built beside this test bundle) with its own database in a fresh folder.
final class Session {
    let folder: URL
    let database: String
    /// Where `kontakt` is run from: the build's folder, or an installed PREFIX/bin.
    var binaries = Session.binaryFolder

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = folder.appendingPathComponent("k.sqlite").path
    }

    /// The output of a query run by the sqlite3 shell on the session's database, which waits up
    /// to 30 s for a lock another process holds.
    func sqlite(_ query: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-cmd", ".timeout 30000", database, query]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `kontakt ARGS` started in the background on the session's database; with a `name`, its
    /// output goes to NAME.out and NAME.err in the session's folder (see `output`).
    func start(_ arguments: [String], name: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = binaries.appendingPathComponent("kontakt")
        process.arguments = ["--db", database] + arguments
        process.currentDirectoryURL = folder
        if let name {
            for stream in [".out", ".err"] { _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name + stream).path, contents: nil) }
            process.standardOutput = try FileHandle(forWritingTo: folder.appendingPathComponent(name + ".out"))
            process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent(name + ".err"))
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    /// What a process `start` named wrote, standard output then standard error.
    func output(_ name: String) -> String {
        [".out", ".err"].map { (try? String(contentsOf: folder.appendingPathComponent(name + $0), encoding: .utf8)) ?? "" }.joined()
    }

    /// The session's folder goes with it: a run leaves nothing in the temporary directory.
    deinit { try? FileManager.default.removeItem(at: folder) }

    static var binaryFolder: URL {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("kontakt").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug")
    }

    @discardableResult
    func run(_ arguments: String..., executable: String = "kontakt") throws -> Outcome {
        try run(arguments: arguments, executable: executable)
    }

    func run(arguments: [String], executable: String = "kontakt", withDatabase: Bool = true, environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = (executable == "kontakt" ? binaries : Session.binaryFolder).appendingPathComponent(executable)
        process.arguments = withDatabase ? ["--db", database] + arguments : arguments
        process.currentDirectoryURL = folder
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs and requires success; returns stdout.
    @discardableResult
    func ok(_ arguments: String...) throws -> String {
        try ok(arguments: arguments)
    }

    @discardableResult
    func ok(arguments: [String]) throws -> String {
        let outcome = try run(arguments: arguments)
        #expect(outcome.status == 0, "kontakt \(arguments.joined(separator: " ")) failed: \(outcome.stderr)")
        return outcome.stdout
    }

    func json(_ arguments: String...) throws -> Any {
        let outcome = try run(arguments: arguments + ["--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: false, encoding: .utf8)
        return url.path
    }
}

@Suite struct SessionTests {
    @Test func aSalespersonsFirstDay() throws {
        let s = try Session()
        try s.ok("init")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák", "--email", "jan@kontakt.cz")
        try s.ok("codelist", "add", "industry")
        try s.ok("codelist", "value", "add", "industry", "automotive", "--label", "Automotive")
        try s.ok("attr", "define", "industry", "--on", "firm", "--type", "text", "--codelist", "industry")
        try s.ok("attr", "define", "employees", "--on", "firm", "--type", "number")
        let firm = try s.json("firm", "add", "Alfa s.r.o.", "--ico", "25596641", "--role", "customer", "--role", "prospect",
                              "--street", "Dlouhá 12", "--city", "Praha 1", "--zip", "11000", "--set", "industry=Automotive", "--set", "employees=250") as! [String: Any]
        let firmId = firm["id"] as! Int
        let person = try s.json("person", "add", "--firm", String(firmId), "--first", "Jan", "--last", "Dvořák", "--title-before", "Ing.",
                                "--gender", "m", "--email", "jan@alfa.cz") as! [String: Any]
        let personId = person["id"] as! Int
        let added = try s.json("contact", "add", "--firm", String(firmId), "--person", String(personId), "--kind", "meeting", "--referent", "novak",
                               "--date", "29.11.2026 10:00", "--result", "promise", "--text", "Představení nabídky",
                               "--next-date", "2026-12-05", "--next-task", "Poslat nabídku") as! [String: Any]
        #expect(added["taskId"] is Int)

        let shown = try s.json("firm", "show", String(firmId)) as! [String: Any]
        #expect(shown["name"] as? String == "Alfa s.r.o.")
        #expect(shown["ico"] as? String == "25596641")
        #expect(shown["roles"] as? [String] == ["customer", "prospect"])
        #expect((shown["address"] as? [String: Any])?["zip"] as? String == "110 00")
        #expect((shown["attributes"] as? [String: Any])?["employees"] as? Int == 250)
        #expect((shown["attributes"] as? [String: Any])?["industry"] as? String == "automotive")
        let persons = shown["persons"] as! [[String: Any]]
        #expect(persons.map { $0["last"] as? String } == ["Dvořák"])
        #expect(persons[0]["emailConsent"] as? Bool == true)
        let contacts = shown["contacts"] as! [[String: Any]]
        #expect(contacts.map { $0["kind"] as? String } == ["task", "meeting"]) // newest first: the task is dated 5 December
        #expect((contacts[1]["next"] as? [String: Any])?["task"] as? String == "Poslat nabídku")
        #expect(contacts[1]["personId"] as? Int == personId)

        #expect(try s.ok("person", "address", String(personId)) == "Alfa s.r.o.\nIng. Jan Dvořák\nDlouhá 12\n110 00  PRAHA 1\n")
        let tasks = try s.json("contact", "list", "--open-tasks") as! [[String: Any]]
        #expect(tasks.count == 1)
        try s.ok("contact", "done", String(tasks[0]["id"] as! Int))
        #expect((try s.json("contact", "list", "--open-tasks") as! [Any]).isEmpty)
    }

    @Test func jsonCarriesQuotesNewlinesAndControlCharactersIntact() throws {
        let s = try Session()
        try s.ok("init")
        let note = "Řekl: \"ano\", ale\\ne\nDalší řádek\ttab\u{1}konec 😀"
        let added = try s.json("firm", "add", "Alfa \"A\" s.r.o.", "--note", note) as! [String: Any]
        let shown = try s.json("firm", "show", String(added["id"] as! Int)) as! [String: Any]
        #expect(shown["name"] as? String == "Alfa \"A\" s.r.o.")
        #expect(shown["note"] as? String == note)
    }

    @Test func errorsAreOneSentenceAndChangeNothing() throws {
        let s = try Session()
        let missing = try s.run("firm", "list")
        #expect(missing.status != 0)
        #expect(missing.stderr.hasPrefix("error: there is no database at \(s.database)"))
        try s.ok("init")
        let bad = try s.run("firm", "add", "Beta", "--ico", "25596642", "--zip", "1100")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("ico: \"25596642\" is not a valid IČO"))
        #expect(bad.stderr.contains("zip: \"1100\" is not a PSČ"))
        #expect(!bad.stderr.contains("Fatal") && !bad.stderr.contains("Stack"))
        #expect((try s.json("firm", "list") as! [Any]).isEmpty)
        let history = try s.run("contact", "remove", "1")
        #expect(history.status != 0)
        #expect(history.stderr.contains("--force"))
    }

    @Test func windows1250SpreadsheetWithDiacriticsImports() throws {
        let s = try Session()
        try s.ok("init")
        try s.ok("codelist", "add", "territory")
        try s.ok("codelist", "value", "add", "territory", "morava", "--label", "Morava")
        try s.ok("attr", "define", "territory", "--on", "firm", "--type", "text", "--codelist", "territory")
        // Written by Python's own cp1250 codec: an encoder independent of Kontakt's.
        let path = s.folder.appendingPathComponent("firmy.csv").path
        let script = "open('\(path)','wb').write('Název;IČO;Ulice;Město;PSČ;territory\\r\\nŽluťoučký kůň a.s.;25596641;Náměstí Míru 5;Třebíč;67401;Morava\\r\\nŘeznictví Šťastný s.r.o.;;Úzká 1;Čáslav;28601;morava\\r\\n'.encode('cp1250'))"
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script]
        try python.run()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
        let report = try s.json("import", "firms", path) as! [String: Any]
        #expect(report["encoding"] as? String == "windows-1250")
        #expect(report["delimiter"] as? String == ";")
        #expect(report["imported"] as? Int == 2)
        let firms = try s.json("firm", "list") as! [[String: Any]]
        #expect(firms.map { $0["name"] as? String } == ["Řeznictví Šťastný s.r.o.", "Žluťoučký kůň a.s."])
        #expect(firms.map { ($0["address"] as? [String: Any])?["city"] as? String } == ["Čáslav", "Třebíč"])
    }

    @Test func csvWithTwoBadRowsNamesLinesAndColumnsAndWritesNothing() throws {
        let s = try Session()
        try s.ok("init")
        let path = try s.write("firms.csv", "name,ico,email,zip\nAlfa,25596641,info@alfa.cz,11000\nBeta,25596642,info@beta.cz,11000\nGama,,gama@,60200\n")
        let outcome = try s.run("import", "firms", path)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("\(path):3: ico: \"25596642\" is not a valid IČO"))
        #expect(outcome.stderr.contains("\(path):4: email: \"gama@\" is not an e-mail address"))
        #expect(outcome.stderr.contains("2 errors"))
        #expect((try s.json("firm", "list") as! [Any]).isEmpty)
    }

    @Test func mappingTwoColumnsOntoOneFieldIsRefused() throws {
        let s = try Session()
        let sample = s.folder.appendingPathComponent("sample").path
        let generated = try s.run(arguments: [sample, "--firms", "20", "--persons", "60", "--contacts", "150"], executable: "kontakt-sample", withDatabase: false)
        #expect(generated.status == 0)
        try s.ok("init")
        for referent in ["novak", "svobodova", "dvorak"] { try s.ok("referent", "add", referent, "--name", referent) }
        let firms = try s.run(arguments: ["import", "firms", sample + "/firms.csv", "--map", "territory=note", "--map", "industry=web",
                                          "--map", "employees=dic", "--map", "source=country", "--dry-run"])
        // "source" mapped onto country and "industry" onto web, but web already has its column.
        #expect(firms.status == 1)
        #expect(firms.stderr.contains(":1: industry: the column fills the same field as \"web\""))
    }
}
