// `kontakt-sample`: writes realistic, deterministic Czech CSV files for the demo and benchmarks.

import ArgumentParser
import CRM
import Foundation
import Interchange

@main
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kontakt-sample",
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
