// Imports for both front ends: a CSV file of firms, persons or contacts looked at (encoding,
// delimiter, header, first rows, what each column would be read as), checked without writing
// (every problem as `file:line: column: what is wrong`, duplicates counted), then imported all
// or nothing or skipping the invalid rows — the engine of `kontakt import`, audited as one run.

import CRM
import Interchange
import Store

// The front ends name the engine's types through these, so that only the workspace depends on
// the Interchange module.
public typealias ImportKind = ImportTarget
public typealias DuplicateHandling = DuplicatePolicy
public typealias ImportOutcome = ImportReport
public typealias ImportFileView = CSVInspection

/// What an import is asked to do with a file.
public struct ImportRequest: Sendable {
    public var path: String
    public var target: ImportTarget
    /// Column header → field or attribute name, or "-" to leave the column out.
    public var mappings: [String: String]
    public var onDuplicate: DuplicatePolicy
    public var skipInvalid: Bool

    public init(path: String, target: ImportTarget, mappings: [String: String] = [:], onDuplicate: DuplicatePolicy = .skip, skipInvalid: Bool = false) {
        self.path = path; self.target = target; self.mappings = mappings; self.onDuplicate = onDuplicate; self.skipInvalid = skipInvalid
    }
}

extension Workspace {
    public var imports: ImportDesk { ImportDesk(workspace: self) }

    public struct ImportDesk: Sendable {
        let workspace: Workspace

        public func inspect(path: String, target: ImportTarget) throws -> CSVInspection {
            try CSVImport.inspect(path: path, target: target, database: workspace.database)
        }

        /// Everything an import would do, written nowhere: every invalid row's problems listed
        /// (a mapping that cannot work is the error instead).
        public func check(_ request: ImportRequest) throws -> ImportReport {
            try CSVImport.run(path: request.path, target: request.target,
                              options: ImportOptions(mappings: request.mappings, skipInvalid: true, dryRun: true, onDuplicate: request.onDuplicate),
                              database: workspace.database)
        }

        /// Imports: with `skipInvalid` the valid rows, else all rows or none.
        public func run(_ request: ImportRequest, by principal: Principal) throws -> ImportReport {
            try Policy.check(.importRecords, principal)
            let report = try CSVImport.run(path: request.path, target: request.target,
                                           options: ImportOptions(mappings: request.mappings, skipInvalid: request.skipInvalid, onDuplicate: request.onDuplicate),
                                           database: workspace.database)
            try workspace.database.write { db in
                try AuditLog.append([AuditTrail.entry("import", entity: request.target.rawValue, id: nil, actor: principal.auditName, field: "rows",
                                                      value: "\(report.imported) imported, \(report.skippedRows) invalid left out, "
                                                          + "\(report.duplicatesSkipped) duplicates left out, \(report.duplicatesUpdated) updated")], db: db)
            }
            return report
        }
    }
}
