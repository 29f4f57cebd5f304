// Importing firms, persons or contacts from a CSV file: all or nothing, every error listed.

import CRM
import Foundation
import GRDB
import Logging
import Store

public struct ImportOptions: Sendable {
    /// nil detects the encoding.
    public var encoding: TextEncoding?
    public var delimiter: Delimiter
    /// `COLUMN=FIELD` from `--map`.
    public var mappings: [String: String]
    public var skipInvalid: Bool
    public var dryRun: Bool
    /// What a row does whose person (by e-mail) or firm (by IČO, else name and town) the CRM
    /// has already.
    public var onDuplicate: DuplicatePolicy

    public init(encoding: TextEncoding? = nil, delimiter: Delimiter = .auto, mappings: [String: String] = [:],
                skipInvalid: Bool = false, dryRun: Bool = false, onDuplicate: DuplicatePolicy = .skip) {
        self.encoding = encoding; self.delimiter = delimiter; self.mappings = mappings
        self.skipInvalid = skipInvalid; self.dryRun = dryRun; self.onDuplicate = onDuplicate
    }
}

/// Re-importing the same spreadsheet must not double everyone: a person row whose e-mail is
/// already in the CRM, or a firm row whose IČO (or, without one, name and town) is, is skipped
/// (the default), updates that record (only the cells given; blank cells and absent columns
/// leave the stored value, consent included), or is an error.
public enum DuplicatePolicy: String, CaseIterable, Sendable {
    case skip, update, error
}

/// How a person or firm row is told apart from the others and from the CRM's: a person by
/// e-mail, else by firm and name; a firm by IČO, else by name and town.
private struct Duplicate {
    let kind: String
    let key: String
    let field: String
    /// The row's record as messages name it.
    let who: String
    /// "has the e-mail …", "is IČO …": what the CRM's record is already.
    let already: String
    let existing: Int64?
    /// The row as an update of the CRM's record.
    let update: PreparedRow

    init?(_ row: PreparedRow, preparer: RowPreparer, record: CSVRecord) {
        switch row {
        case let .person(person, _, existing):
            kind = "person"
            key = person.email.map { $0.value.lowercased() }
                ?? "name:" + Persons.nameInFirmKey(firmId: person.firmId, first: person.name.first, last: person.name.last)
            field = person.email == nil ? "last" : "email"
            who = person.email?.value ?? "\(person.name.plain) of firm \(person.firmId)"
            already = person.email == nil ? "is \(who)" : "has the e-mail \(who)"
            self.existing = existing
            update = existing.map { .update($0, firmId: person.firmId, input: preparer.input(record)) } ?? row
        case let .firm(firm, existing):
            kind = "firm"
            key = firm.ico.map { "ico:" + $0.digits } ?? "name:" + Firms.nameAndTownKey(firm)
            field = firm.ico == nil ? "name" : "ico"
            who = firm.ico.map { "IČO \($0.digits)" } ?? "\(firm.name) (\(firm.address.city ?? "no town"))"
            already = "is " + (firm.ico.map { "IČO \($0.digits)" } ?? "\(firm.name) in \(firm.address.city ?? "no town")")
            self.existing = existing
            update = existing.map { .updateFirm($0, input: preparer.firmInput(record)) } ?? row
        default:
            return nil
        }
    }
}

/// A file as the import page first shows it.
public struct CSVInspection: Sendable {
    public let encoding: TextEncoding
    public let delimiter: String
    public let header: [String]
    public let sample: [[String]]
    public let rows: Int
    /// Per column, the field or attribute it is read as unless mapped otherwise; nil: none fits.
    public let suggestions: [String?]
    /// The names a column may be mapped to.
    public let choices: [String]
}

public struct ImportReport: Sendable {
    public var target: ImportTarget
    public var file: String
    public var encoding: TextEncoding
    public var delimiter: String
    public var rows = 0
    public var imported = 0
    /// `file:line: column: what is wrong`, for rows left out with --skip-invalid.
    public var skipped: [String] = []
    /// Rows left out as invalid (`skipped` lists every problem; a row may have several).
    public var skippedRows = 0
    /// Open tasks created from the contacts' next contacts.
    public var tasksCreated = 0
    /// Person rows whose e-mail was already there: left out, or used to update that person.
    public var duplicatesSkipped = 0
    public var duplicatesUpdated = 0
    public var dryRun: Bool
}

/// Reads a CSV file and writes its rows in one transaction. Any invalid row aborts the whole
/// import (nothing is written) unless `skipInvalid`, which imports the valid rows and reports
/// the others.
///
///     let report = try CSVImport.run(path: "firmy.csv", target: .firms, options: ImportOptions(), database: database)
public enum CSVImport {
    /// From this many rows on, secondary indexes are rebuilt after the load.
    static let bulkThreshold = 5_000

    /// The file's encoding and delimiter (detected unless given) and its records.
    static func read(path: String, options: ImportOptions) throws -> (TextEncoding, UInt8, [CSVRecord]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InterchangeError.file(path: path, message: "cannot be read (no such file, or no permission)")
        }
        let bytes = [UInt8](data)
        let encoding = options.encoding ?? TextEncoding.detect(bytes)
        if options.encoding == nil, encoding == .windows1250 || encoding == .iso88592, let mixed = TextEncoding.mixedLines(bytes) {
            throw InterchangeError.file(path: path, message: "mixes encodings: line \(mixed.utf8) is UTF-8 but line \(mixed.other) is not (Windows-1250?); "
                                        + "save the whole file in one encoding (in Excel: CSV UTF-8)")
        }
        let text: [UInt8]
        do { text = try encoding.utf8Bytes(from: bytes) } catch let error as InterchangeError {
            throw InterchangeError.file(path: path, message: error.description)
        }
        let delimiter: UInt8
        switch options.delimiter {
        case .auto: delimiter = CSVReader.sniff(text)
        case .byte(let byte): delimiter = byte
        }
        let records: [CSVRecord]
        do { records = try CSVReader.records(text, delimiter: delimiter) } catch let error as InterchangeError {
            throw InterchangeError.file(path: path, message: error.description)
        }
        return (encoding, delimiter, records)
    }

    /// What the import page shows before anything is checked: the detected encoding and
    /// delimiter, the header, the first rows, and what each column would be read as.
    public static func inspect(path: String, target: ImportTarget, database: KontaktDatabase, sampleRows: Int = 5) throws -> CSVInspection {
        let (encoding, delimiter, records) = try read(path: path, options: ImportOptions())
        guard let header = records.first else {
            throw InterchangeError.file(path: path, message: "is empty: expected a header line naming the columns")
        }
        let columns = header.fields.map { $0.trimmingSpaces }
        let attributes = try database.read { db -> [AttributeDefinition] in
            guard let entity = target.entity else { return [] }
            return try AttributeDefinitions.schema(db: db).definitions(on: entity)
        }
        return CSVInspection(encoding: encoding, delimiter: Delimiter.byte(delimiter).name, header: columns,
                             sample: records.dropFirst().prefix(sampleRows).map(\.fields), rows: records.count - 1,
                             suggestions: ColumnMapping.suggestions(header: columns, target: target, attributes: attributes),
                             choices: target.fields.map(\.name) + attributes.map(\.name))
    }

    /// Logs what it detected and how long each phase took at `debug`, the outcome at `info`.
    public static func run(path: String, target: ImportTarget, options: ImportOptions, database: KontaktDatabase,
                           logger: Logger = Logger(label: "kontakt.import")) throws -> ImportReport {
        let clock = ContinuousClock()
        let started = clock.now
        let (encoding, delimiter, records) = try read(path: path, options: options)
        guard let header = records.first else {
            throw InterchangeError.file(path: path, message: "is empty: expected a header line naming the columns")
        }
        var report = ImportReport(target: target, file: path, encoding: encoding, delimiter: Delimiter.byte(delimiter).name, dryRun: options.dryRun)
        report.rows = records.count - 1
        logger.debug("read", metadata: ["file": "\(path)", "encoding": "\(encoding.rawValue)", "delimiter": "\(report.delimiter)",
                                        "rows": "\(report.rows)", "elapsed": "\(clock.now - started)"])

        return try database.write(commit: !options.dryRun) { db in
            let schema = try AttributeDefinitions.schema(db: db)
            let mapping: ColumnMapping
            do {
                mapping = try ColumnMapping(header: header.fields.map { $0.trimmingSpaces }, target: target,
                                            attributes: target.entity.map { schema.definitions(on: $0) } ?? [], overrides: options.mappings)
            } catch let problems as MappingProblems {
                throw InterchangeError.invalidRows(problems.lines.map { "\(path):\($0)" })
            }
            let preparer = try RowPreparer(target: target, schema: schema, mapping: mapping, db: db)
            var problems: [String] = []
            var invalidRows = 0
            // Rows already passed every check, so a database error in a group aborts the import
            // as a whole; only --skip-invalid needs each row written on its own.
            let writer = try RowWriter(schema: schema, db: db, groupSize: options.skipInvalid ? 1 : 64)
            // The first line of the file each person and firm (its Duplicate.key) was on.
            var seenInFile: [String: Int] = [:]
            func importRows() throws {
                // Checking a row is pure work over what the preparer loaded: it runs a chunk
                // ahead on another core while this thread writes, in this one transaction.
                Pipeline.run(Array(records.dropFirst()), prepare: { record -> Result<PreparedRow, Error> in Result { try preparer.prepare(record) } }) { record, outcome in
                    do {
                        var row: PreparedRow = try outcome.get()
                        if let duplicate = Duplicate(row, preparer: preparer, record: record) {
                            if let first = seenInFile[duplicate.key] {
                                throw ValidationError(field: duplicate.field, message: "\(duplicate.who) is also on line \(first) of this file: each \(duplicate.kind) once")
                            }
                            seenInFile[duplicate.key] = record.line
                            if let existing = duplicate.existing {
                                switch options.onDuplicate {
                                case .skip:
                                    report.duplicatesSkipped += 1
                                    return
                                case .error:
                                    throw ValidationError(field: duplicate.field, message: "\(duplicate.kind) \(existing) \(duplicate.already) already: "
                                                          + "pass --on-duplicate skip to leave such rows out, or update to update that \(duplicate.kind)")
                                case .update:
                                    row = duplicate.update
                                }
                            }
                        }
                        let createdTask: Bool
                        if options.skipInvalid {
                            // A row that fails half-way must leave nothing behind when the valid
                            // rows are kept; without --skip-invalid any failure rolls back all.
                            var created = false
                            try db.inSavepoint {
                                created = try writer.insert(row)
                                return .commit
                            }
                            createdTask = created
                        } else {
                            createdTask = try writer.insert(row)
                        }
                        switch row {
                        case .update, .updateFirm: report.duplicatesUpdated += 1
                        default: report.imported += 1
                        }
                        if createdTask { report.tasksCreated += 1 }
                    } catch {
                        problems.append(contentsOf: describe(error, line: record.line, path: path, mapping: mapping))
                        invalidRows += 1
                    }
                }
                try writer.finish()
            }
            // Large files load faster with the indexes rebuilt once at the end.
            if records.count > bulkThreshold {
                logger.debug("bulk load: indexes are rebuilt after the rows", metadata: ["tables": "\(target.tables)"])
                try BulkLoad.deferringIndexes(on: target.tables, db: db) { try importRows() }
            } else {
                try importRows()
            }
            logger.debug("rows written", metadata: ["elapsed": "\(clock.now - started)"])
            if !problems.isEmpty {
                guard options.skipInvalid else { throw InterchangeError.invalidRows(problems) }
                report.skipped = problems
                report.skippedRows = invalidRows
            }
            // The front end prints the summary; the log repeats it only when asked for (debug).
            logger.debug("imported", metadata: ["file": "\(path)", "target": "\(target.rawValue)", "imported": "\(report.imported)",
                                               "skipped": "\(problems.count)", "dryRun": "\(options.dryRun)"])
            return report
        }
    }

    static func describe(_ error: Error, line: Int, path: String, mapping: ColumnMapping) -> [String] {
        let errors: [ValidationError]
        switch error {
        case let error as ValidationError: errors = [error]
        case let error as ValidationErrors: errors = error.errors
        default: errors = [ValidationError(field: "record", message: "\(error)")]
        }
        return errors.map { "\(path):\(line): \(mapping.column(for: $0.field)): \($0.message)" }
    }
}

/// One data row, read by field name through the column positions the mapping computed once.
struct ImportRow {
    private let fields: [String]
    private let mapping: ColumnMapping

    init(mapping: ColumnMapping, fields: [String]) {
        self.mapping = mapping
        self.fields = fields
    }

    /// The cell's text; nil when the column is absent or the cell blank (so defaults apply).
    subscript(field: String) -> String? {
        guard let column = mapping.columnOfField[field] else { return nil }
        // A cell `export csv` protected from running as a formula ('=…) reads as it was.
        return Optional(CSVWriter.restored(fields[column])).nonBlank
    }

    /// The attribute cells that are not blank.
    var attributes: [AttributeAssignment] {
        mapping.attributeColumns.compactMap { name, column in
            fields[column].trimmingSpaces.isEmpty ? nil : AttributeAssignment(name: name, raw: CSVWriter.restored(fields[column]))
        }
    }
}
