// The errors a use case adds to its engines' own (which pass through unchanged, so the command
// line keeps its sentences byte for byte), and the classification both front ends map to an
// exit code or an HTTP status.

import CRM
import Campaigns
import GRDB
import Interchange
import Mail
import Merge
import Print
import Segmentation
import Store

public enum WorkspaceError: Error, Equatable, CustomStringConvertible {
    case forbidden(String)
    case unauthenticated(String)
    case invalid(field: String?, String)
    case notFound(String)
    case conflict(String)

    public var description: String {
        switch self {
        case .forbidden(let message), .unauthenticated(let message), .notFound(let message), .conflict(let message): return message
        case .invalid(let field, let message): return field.map { "\($0): \(message)" } ?? message
        }
    }
}

/// What kind of failure an error is, whichever engine threw it.
public enum FailureKind: String, Sendable {
    case invalid, notFound, conflict, forbidden, unauthenticated, unavailable, failed
}

/// An error as a front end shows it: its kind, its sentence, and where known the field and the
/// position in the input.
public struct Failure: Sendable {
    public let kind: FailureKind
    public let message: String
    public let field: String?
    public let position: Int?
    /// The 1-based line and column of `position`.
    public let location: (line: Int, column: Int)?
    /// Field-by-field sentences, for a form that marks each field.
    public let fields: [(field: String, message: String)]

    public init(_ error: any Error) {
        var field: String?, position: Int?, location: (line: Int, column: Int)?, fields: [(field: String, message: String)] = []
        switch error {
        case let error as WorkspaceError:
            switch error {
            case .forbidden: kind = .forbidden
            case .unauthenticated: kind = .unauthenticated
            case .invalid(let name, _): kind = .invalid; field = name
            case .notFound: kind = .notFound
            case .conflict: kind = .conflict
            }
            message = "\(error)"
        case let error as CRM.ValidationError:
            kind = .invalid; field = error.field; message = "\(error)"
            fields = [(error.field, error.message)]
        case let error as ValidationErrors:
            kind = .invalid; message = error.errors.map { "\($0)" }.joined(separator: "; ")
            fields = error.errors.map { ($0.field, $0.message) }
            field = fields.first?.field
        case let error as SegmentError:
            kind = .invalid; message = "\(error)"; position = error.range?.lowerBound
            location = error.range == nil ? nil : error.location
        case let error as SavedSegmentError:
            kind = .invalid; message = "\(error)"; position = error.underlying.range?.lowerBound
            location = error.underlying.range == nil ? nil : error.underlying.location
        case let error as StoreError:
            switch error {
            case .notFound, .unknownName, .noDatabase: kind = .notFound
            case .conflict: kind = .conflict
            case .cannotOpen: kind = .unavailable
            }
            message = "\(error)"
        case let error as DatabaseError:
            switch error.resultCode {
            case .SQLITE_CONSTRAINT: kind = .conflict; message = "the database refused the change: \(error.message ?? "\(error)")"
            case .SQLITE_BUSY, .SQLITE_LOCKED: kind = .unavailable; message = "the database is busy; nothing was changed, try again"
            default: kind = .failed; message = "the database failed: \(error.message ?? "\(error)")"
            }
        case let error as MergeError:
            kind = .invalid; message = "\(error)"
            if let line = error.line { location = (line, error.column ?? 1) }
        case let error as CampaignError:
            switch error {
            case .renderFailed: kind = .invalid
            case .leased, .leaseLost, .noOutboxFolder, .archived: kind = .conflict
            }
            message = "\(error)"
        case let error as SendError:
            switch error {
            case .usage: kind = .invalid
            case .notRendered: kind = .conflict
            case .unreadable: kind = .failed
            }
            message = "\(error)"
        case is MailError, is PrintError, is UnsubscribeLinkError, is InterchangeError:
            kind = .invalid; message = "\(error)"
        default:
            kind = .failed; message = "\(error)"
        }
        self.field = field
        self.position = position
        self.location = location
        self.fields = fields
    }
}
