// A contact: one logged call, meeting, letter, e-mail, event — or a task still to do.

public struct Contact: Equatable, Sendable {
    public var id: Int64?
    public var firmId: Int64
    public var personId: Int64?
    public var date: ContactDate
    public var status: ContactStatus
    /// When a task was marked done; nil for an open task and for plain contacts.
    public var doneAt: ContactDate?
    public var kind: String
    public var referent: String
    public var result: String?
    public var text: String
    public var note: String?
    public var next: NextContact?
    /// For a task created from another contact's "next contact": that contact.
    public var originContactId: Int64?

    public init(id: Int64? = nil, firmId: Int64, personId: Int64? = nil, date: ContactDate, status: ContactStatus = .contact,
                doneAt: ContactDate? = nil, kind: String, referent: String, result: String? = nil, text: String,
                note: String? = nil, next: NextContact? = nil, originContactId: Int64? = nil) {
        self.id = id; self.firmId = firmId; self.personId = personId; self.date = date; self.status = status
        self.doneAt = doneAt; self.kind = kind; self.referent = referent; self.result = result; self.text = text
        self.note = note; self.next = next; self.originContactId = originContactId
    }

    public var isOpenTask: Bool { status == .task && doneAt == nil }

    /// The open task that a "next contact" asks for: dated, for the next referent, with the
    /// next task as its text.
    public func followUpTask(taskKind: String) -> Contact? {
        guard let next else { return nil }
        return Contact(firmId: firmId, personId: personId, date: next.date, status: .task, kind: taskKind,
                       referent: next.referent, text: next.task, originContactId: id)
    }

    /// Applies typed input, checking codes against the code book and referents.
    public mutating func apply(_ input: ContactInput, references: ContactReferences) throws {
        var errors = ValidationErrors()
        errors.capture { if let text = input.date { date = try ContactDate(parsing: text) } }
        errors.capture { if let text = input.status { status = try ContactStatus(parsing: text) } }
        errors.capture { if let text = input.kind { kind = try references.codeBook.resolve(text, in: CodeListName.kind, field: "kind").code } }
        errors.capture { if let text = input.referent { referent = try references.referent(text, field: "referent") } }
        errors.capture {
            if let text = input.result {
                result = try Optional(text).nonBlank.map { try references.codeBook.resolve($0, in: CodeListName.result, field: "result").code }
            }
        }
        errors.capture { if let text = input.text { self.text = try ShortText.validate(text) } }
        if let note = input.note { self.note = Optional(note).nonBlank }
        errors.capture { try applyNext(input, references: references) }
        if status == .contact { doneAt = nil }
        try errors.throwIfAny()
    }

    private mutating func applyNext(_ input: ContactInput, references: ContactReferences) throws {
        guard input.nextDate != nil || input.nextTask != nil || input.nextReferent != nil else { return }
        if input.nextDate?.trimmingSpaces == "" { next = nil; return }
        var errors = ValidationErrors()
        var date = next?.date
        var task = next?.task
        var nextReferent = next?.referent ?? referent
        errors.capture { if let text = input.nextDate { date = try ContactDate(parsing: text, field: "nextDate") } }
        errors.capture { if let text = input.nextTask { task = try ShortText.validate(text, field: "nextTask") } }
        errors.capture { if let text = input.nextReferent.nonBlank { nextReferent = try references.referent(text, field: "nextReferent") } }
        if date == nil { errors.add(field: "nextDate", "a next contact needs a date") }
        if task == nil { errors.add(field: "nextTask", "a next contact needs a task, e.g. \"send the offer\"") }
        try errors.throwIfAny()
        if let date, let task { next = NextContact(date: date, task: task, referent: nextReferent) }
    }
}

/// "Příští kontakt": when talks go on, the date, what to do and who does it.
public struct NextContact: Equatable, Sendable {
    public var date: ContactDate
    public var task: String
    public var referent: String

    public init(date: ContactDate, task: String, referent: String) {
        self.date = date; self.task = task; self.referent = referent
    }
}

/// Typed-in contact fields: nil means "not given".
public struct ContactInput: Sendable {
    public var date, status, kind, referent, result, text, note, nextDate, nextTask, nextReferent: String?

    public init(date: String? = nil, status: String? = nil, kind: String? = nil, referent: String? = nil,
                result: String? = nil, text: String? = nil, note: String? = nil, nextDate: String? = nil,
                nextTask: String? = nil, nextReferent: String? = nil) {
        self.date = date; self.status = status; self.kind = kind; self.referent = referent; self.result = result
        self.text = text; self.note = note; self.nextDate = nextDate; self.nextTask = nextTask; self.nextReferent = nextReferent
    }
}

/// What a contact's codes are checked against.
public struct ContactReferences: Sendable {
    public let codeBook: CodeBook
    public let referents: [Referent]
    /// History may name referents who have left (an import of old contacts); new work may not.
    public let allowsInactive: Bool

    public init(codeBook: CodeBook, referents: [Referent], allowsInactive: Bool = false) {
        self.codeBook = codeBook; self.referents = referents; self.allowsInactive = allowsInactive
    }

    func referent(_ text: String, field: String) throws -> String {
        let trimmed = text.trimmingSpaces
        if let match = referents.first(where: { $0.code == trimmed }) ?? referents.first(where: { Folding.fold($0.code) == Folding.fold(trimmed) }) {
            guard match.active || allowsInactive else {
                throw ValidationError(field: field, message: "referent \(match.code) (\(match.name)) has left: give another referent, or `kontakt referent activate \(match.code)`")
            }
            return match.code
        }
        let codes = referents.filter { $0.active || allowsInactive }.map(\.code)
        let known = codes.isEmpty ? "no referents exist yet (kontakt referent add CODE --name NAME)" : "expected one of \(codes.joined(separator: ", "))"
        throw ValidationError(field: field, message: "\"\(text)\" is not a referent: \(known)\(NearestMatch.hint(for: trimmed, among: codes))")
    }
}

/// The names of the code lists the domain itself relies on.
public enum CodeListName {
    public static let kind = "kind"
    public static let result = "result"
    /// The labels of a firm's roles (customer, prospect, supplier).
    public static let role = "role"
    /// The kind given to tasks created from a "next contact".
    public static let taskKind = "task"
}
