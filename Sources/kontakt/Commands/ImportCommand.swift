// `kontakt import firms|persons|contacts FILE`: CSV in any of the encodings Czech offices use.

import ArgumentParser
import CRM
import Interchange

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import firms, persons or contacts from a CSV file (all rows or none).",
        discussion: """
            Columns are named like the command-line options (firms: name, ico, dic, roles, street, city, zip, country, email, phone, web, note; \
            persons: firm (IČO or exact name), first, last, titleBefore, titleAfter, gender, function, email, phone, mobile, note, emailConsent; \
            contacts: firm, person (e-mail or "first last"), date, kind, status, referent, result, text, note, nextDate, nextTask, nextReferent, doneAt), \
            common Czech headers (název, IČO, ulice, PSČ, jméno, příjmení …) or a user attribute's name. Other headers: --map "Header=field", or --map "Header=-" to leave a column out.
            The encoding (UTF-8 with or without BOM, Windows-1250, ISO-8859-2) and the delimiter (; , tab) are detected.
            Any invalid row stops the import with every error listed as file:line: column: message and nothing written.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "firms, persons or contacts.") var target: String
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "auto, utf-8, windows-1250 or iso-8859-2.") var encoding = "auto"
    @Option(help: "auto, ;, ,, tab or |.") var delimiter = "auto"
    @Option(name: .customLong("map"), help: ArgumentHelp("Read a column as a field or attribute.", valueName: "COLUMN=FIELD")) var mappings: [String] = []
    @Flag(help: "Import the valid rows and report the others.") var skipInvalid = false
    @Flag(help: "Check everything, write nothing.") var dryRun = false
    @Option(name: .customLong("on-duplicate"), help: "A person row whose e-mail, or a firm row whose IČO (else name and town), is already in the CRM: skip (default), update that record from the row's non-blank cells, or error.")
    var onDuplicate = "skip"
    @OptionGroup var output: JSONOption

    func run() throws {
        guard let importTarget = ImportTarget(rawValue: target) else {
            throw InterchangeError.usage("\"\(target)\" cannot be imported: expected firms, persons or contacts")
        }
        var maps: [String: String] = [:]
        for mapping in mappings {
            guard let equals = mapping.firstIndex(of: "="), equals != mapping.startIndex else {
                throw InterchangeError.usage("--map \"\(mapping)\": expected COLUMN=FIELD")
            }
            maps[String(mapping[..<equals])] = String(mapping[mapping.index(after: equals)...])
        }
        let options = ImportOptions(encoding: encoding == "auto" ? nil : try TextEncoding(parsing: encoding),
                                    delimiter: try Delimiter(parsing: delimiter), mappings: maps, skipInvalid: skipInvalid, dryRun: dryRun,
                                    onDuplicate: try duplicatePolicy())
        let report = try CSVImport.run(path: file, target: importTarget, options: options, database: try global.open())
        let buffer = OutputBuffer()
        if output.json {
            let json = JSONWriter(output: buffer)
            json.object {
                json.field("target", report.target.rawValue); json.field("file", report.file)
                json.field("encoding", report.encoding.rawValue); json.field("delimiter", report.delimiter)
                json.field("rows", Int64(report.rows)); json.field("imported", Int64(report.imported))
                json.field("tasksCreated", Int64(report.tasksCreated))
                json.field("duplicatesSkipped", Int64(report.duplicatesSkipped)); json.field("duplicatesUpdated", Int64(report.duplicatesUpdated))
                json.field("skipped", strings: report.skipped); json.field("skippedRows", Int64(report.skippedRows)); json.field("dryRun", report.dryRun)
            }
            json.newline()
        } else {
            let verb = report.dryRun ? "Checked" : "Imported"
            buffer.append("\(verb) \(report.imported) of \(report.rows) \(report.target.rawValue) from \(report.file) (\(report.encoding.rawValue), delimiter \(report.delimiter))"
                          + (report.dryRun ? "; nothing written (dry run)" : "") + ".\n")
            if report.tasksCreated > 0 { buffer.append("Created \(report.tasksCreated) open task(s) from next contacts.\n") }
            let same = report.target == .firms ? "firm(s) already in the CRM with the same IČO (or name and town)" : "person(s) already in the CRM with the same e-mail"
            if report.duplicatesSkipped > 0 {
                buffer.append("Left out \(report.duplicatesSkipped) \(same) (--on-duplicate update updates them).\n")
            }
            if report.duplicatesUpdated > 0 { buffer.append("Updated \(report.duplicatesUpdated) \(same).\n") }
            if !report.skipped.isEmpty {
                buffer.append("Skipped \(report.skippedRows) invalid row(s) (\(report.skipped.count) problem(s)):\n" + report.skipped.joined(separator: "\n") + "\n")
            }
        }
    }

    private func duplicatePolicy() throws -> DuplicatePolicy {
        guard let policy = DuplicatePolicy(rawValue: onDuplicate.lowercased()) else {
            throw ValidationError("--on-duplicate is skip, update or error, not \"\(onDuplicate)\"")
        }
        return policy
    }
}
