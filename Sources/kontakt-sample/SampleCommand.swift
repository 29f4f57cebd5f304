// `kontakt-sample`: writes realistic, deterministic Czech CSV files for the demo and benchmarks.

import ArgumentParser
import CRM
import Foundation
import Interchange
import Store

@main
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kontakt-sample",
        abstract: "Deterministic Czech sample data: CSV files to import, or a large database for benchmarks.",
        subcommands: [CSVFiles.self, DatabaseCommand.self], defaultSubcommand: CSVFiles.self)
}

struct CSVFiles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Write sample firms.csv, persons.csv and contacts.csv (Czech names, valid IČOs, ';'-separated) into a folder.",
        discussion: "The same --seed always gives the same files. Firms carry the attributes territory, industry, employees and source; persons department, seniority, trained and interest.")

    @Argument(help: "The folder to write into.") var folder: String
    @Option(help: "How many firms.") var firms = 50
    @Option(help: "How many persons, spread over the firms.") var persons = 150
    @Option(help: "How many contacts.") var contacts = 400
    @Flag(help: "Give every contact to the first firm (for the history benchmark).") var singleFirm = false
    @Option(help: "The firms file's encoding: utf-8 or windows-1250 (as Czech Excel saves it).") var firmsEncoding = "windows-1250"
    @Option(help: "The random seed.") var seed: UInt64 = 2026

    func run() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var generator = SampleData(seed: seed, firmCount: firms)
        try write(generator.firmsCSV(), name: "firms.csv", encoding: try TextEncoding(parsing: firmsEncoding))
        try write(generator.personsCSV(count: persons), name: "persons.csv", encoding: .utf8)
        try write(generator.contactsCSV(count: contacts, singleFirm: singleFirm), name: "contacts.csv", encoding: .utf8)
        print("Wrote \(firms) firms, \(persons) persons and \(contacts) contacts to \(folder)/.")
    }

    private func write(_ text: String, name: String, encoding: TextEncoding) throws {
        let path = (folder as NSString).appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: path, contents: Data(try encoding.encode(text))) else {
            throw CleanExit.message("cannot write \(path)")
        }
    }
}

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "database",
        abstract: "Write a large database directly (for the segmentation benchmark): firms with 10 attributes, persons with 3, contacts.",
        discussion: "Code lists territory, industry, source, size, language, interest; referents novak, svobodova, dvorak, cerna, kral. Refuses an existing file.")

    @Argument(help: "The database file to create.") var path: String
    @Option(help: "How many firms.") var firms = 200_000
    @Option(help: "How many persons, spread evenly over the firms.") var persons = 1_000_000
    @Option(help: "How many contacts.") var contacts = 2_000_000
    @Option(help: "The random seed.") var seed: UInt64 = 2026

    func validate() throws {
        if firms < 1 || persons < 0 || contacts < 0 { throw ValidationError("give at least one firm, and no negative counts") }
    }

    func run() throws {
        if FileManager.default.fileExists(atPath: path) { throw CleanExit.message("\(path) exists already; remove it first") }
        var generator = BenchmarkDatabase(firms: firms, persons: persons, contacts: contacts, random: SeededRandom(seed: seed))
        try generator.write(to: path)
        print("Wrote \(firms) firms, \(persons) persons and \(contacts) contacts to \(path).")
    }
}
