// Logging contacts and working through tasks: `kontakt contact add|edit|done`, the firm page's
// "log a contact" form, my day's done / reschedule / log the outcome, and POST /api/v1/contacts.

import CRM
import GRDB
import Store

/// A contact to log: on a firm, or on a person (whose firm it then is).
public struct LogContact: Sendable {
    public var firmId: Int64?
    public var personId: Int64?
    /// The fields as typed; a missing referent is the signed-in user's, a missing date now.
    public var fields: ContactInput

    public init(firmId: Int64? = nil, personId: Int64? = nil, fields: ContactInput) {
        self.firmId = firmId; self.personId = personId; self.fields = fields
    }
}

public struct LoggedContact: Sendable, Equatable {
    public let contactId: Int64
    public let taskId: Int64?
}

extension Workspace {
    public struct ContactLog: Sendable {
        let workspace: Workspace

        public func log(_ request: LogContact, by principal: Principal) throws -> LoggedContact {
            var fields = request.fields
            if fields.referent == nil { fields.referent = principal.referent }
            let now = workspace.clock()
            return try workspace.database.write { db in
                guard let firmId = try request.firmId ?? request.personId.map({ try Persons.firmId(ofPerson: $0, db: db) }) else {
                    throw WorkspaceError.invalid(field: "firm", "a contact belongs to a firm or a person; name one")
                }
                var contact = Contact(firmId: firmId, personId: request.personId, date: now, kind: "", referent: "", text: "")
                try contact.apply(fields, references: try workspace.catalogCache.catalog(db).contactReferences)
                guard !contact.referent.isEmpty else { throw WorkspaceError.invalid(field: "referent", "a contact needs a referent") }
                try Policy.check(.logContact(referent: contact.referent), principal)
                let ids = try Contacts.record(contact, db: db)
                var entries = [AuditEntry(at: Timestamp.now(), actor: principal.auditName, action: "add", entity: "contact", entityId: ids.contactId)]
                if let task = ids.taskId { entries.append(AuditEntry(at: Timestamp.now(), actor: principal.auditName, action: "add", entity: "contact", entityId: task)) }
                try AuditLog.append(entries, db: db)
                return LoggedContact(contactId: ids.contactId, taskId: ids.taskId)
            }
        }

        /// Changes a contact; fields not given stay. Each changed field is audited.
        public func edit(id: Int64, personId: Int64?? = nil, fields: ContactInput, by principal: Principal) throws {
            try workspace.database.write { db in
                let before = try Contacts.fetch(id: id, db: db).contact
                var contact = before
                if let personId { contact.personId = personId }
                try contact.apply(fields, references: try workspace.catalogCache.catalog(db).contactReferences)
                try Policy.check(.editContact(referent: before.referent, becoming: contact.referent), principal)
                try Contacts.update(contact, db: db)
                try AuditLog.append(AuditTrail.changes(entity: "contact", id: id, from: AuditTrail.fields(before), to: AuditTrail.fields(contact), actor: principal.auditName), db: db)
            }
        }

        /// Marks a task done (now, or at `date`).
        public func markDone(id: Int64, at date: ContactDate? = nil, by principal: Principal) throws {
            let when = date ?? workspace.clock()
            try workspace.database.write { db in
                let before = try Contacts.fetch(id: id, db: db).contact
                try Policy.check(.editContact(referent: before.referent, becoming: before.referent), principal)
                try Contacts.markDone(id: id, at: when, db: db)
                try AuditLog.append([AuditEntry(at: Timestamp.now(), actor: principal.auditName, action: "done", entity: "contact", entityId: id,
                                                field: "doneAt", newValue: when.iso)], db: db)
            }
        }

        /// Moves an open task to another day (keeping its time of day, if it had one).
        public func reschedule(id: Int64, to date: ContactDate, by principal: Principal) throws {
            try workspace.database.write { db in
                let before = try Contacts.fetch(id: id, db: db).contact
                try Policy.check(.editContact(referent: before.referent, becoming: before.referent), principal)
                guard before.isOpenTask else {
                    throw WorkspaceError.conflict(before.status == .task ? "task \(id) was done already on \(before.doneAt!.iso)" : "contact \(id) is not a task, so it cannot be rescheduled")
                }
                var contact = before
                contact.date = date
                try Contacts.update(contact, db: db)
                try AuditLog.append(AuditTrail.changes(entity: "contact", id: id, from: AuditTrail.fields(before), to: AuditTrail.fields(contact), actor: principal.auditName), db: db)
            }
        }

        /// Completes a task and logs what came of it as a contact (with its own next step),
        /// in one transaction: my day's "log the outcome".
        public func complete(taskId: Int64, outcome: ContactInput, by principal: Principal) throws -> LoggedContact {
            let now = workspace.clock()
            return try workspace.database.write { db in
                let task = try Contacts.fetch(id: taskId, db: db).contact
                try Policy.check(.editContact(referent: task.referent, becoming: task.referent), principal)
                guard task.isOpenTask else { throw WorkspaceError.conflict("task \(taskId) is not open; only an open task can be completed") }
                var fields = outcome
                if fields.referent == nil { fields.referent = principal.referent ?? task.referent }
                var contact = Contact(firmId: task.firmId, personId: task.personId, date: now, kind: "", referent: "", text: "", originContactId: taskId)
                try contact.apply(fields, references: try workspace.catalogCache.catalog(db).contactReferences)
                try Policy.check(.logContact(referent: contact.referent), principal)
                try Contacts.markDone(id: taskId, at: now, db: db)
                let ids = try Contacts.record(contact, db: db)
                var entries = [AuditEntry(at: Timestamp.now(), actor: principal.auditName, action: "done", entity: "contact", entityId: taskId, field: "doneAt", newValue: now.iso),
                               AuditEntry(at: Timestamp.now(), actor: principal.auditName, action: "add", entity: "contact", entityId: ids.contactId)]
                if let next = ids.taskId { entries.append(AuditEntry(at: Timestamp.now(), actor: principal.auditName, action: "add", entity: "contact", entityId: next)) }
                try AuditLog.append(entries, db: db)
                return LoggedContact(contactId: ids.contactId, taskId: ids.taskId)
            }
        }

        /// The code lists contacts are written with (kinds, results), for forms.
        public func codeBook() throws -> CodeBook {
            try workspace.database.read { db in try workspace.catalogCache.catalog(db).schema.codeBook }
        }

        public func show(id: Int64) throws -> ContactListing {
            try workspace.database.read { db in try Contacts.fetch(id: id, db: db) }
        }

        /// The contacts a filter selects, newest first (open tasks soonest first), as they are
        /// read; a kind may be given by its code or label (an unknown one is an error about
        /// `kindField`, the name the front end asked for it by).
        public func forEach(_ filter: ContactFilter, kind: String? = nil, kindField: String = "kind", _ body: (ContactListing) throws -> Void) throws {
            try workspace.database.read { db in
                var filter = filter
                if let kind { filter.kind = try workspace.catalogCache.catalog(db).schema.codeBook.resolve(kind, in: CodeListName.kind, field: kindField).code }
                try Contacts.forEach(filter, db: db, body)
            }
        }

        /// Removes a contact from the history, keeping its snapshot and the reason; audited.
        public func remove(id: Int64, reason: String?, by principal: Principal) throws {
            try Policy.check(.removeContact, principal)
            try workspace.database.write { db in
                try Contacts.remove(id: id, reason: reason, db: db)
                try AuditLog.append([AuditTrail.entry("remove", entity: "contact", id: id, actor: principal.auditName, field: "reason", value: reason)], db: db)
            }
        }

        /// The exact bytes of the e-mail a contact logs, or nil when it logs none.
        public func message(contactId: Int64) throws -> [UInt8]? {
            try workspace.database.read { db in
                _ = try Contacts.fetch(id: contactId, db: db)
                return try DeliveryJournal.message(contactId: contactId, db: db)
            }
        }

    }
}
