// Adding, changing and removing firms and persons: `kontakt firm|person add|edit|remove` and the
// record pages' forms, each in one transaction with its audit entries.

import CRM
import Store

extension Workspace.FirmDirectory {
    @discardableResult
    public func add(_ input: FirmInput, by principal: Principal) throws -> Int64 {
        try Policy.check(.editFirm, principal)
        return try workspace.database.write { db in
            let schema = try workspace.catalogCache.catalog(db).schema
            let firm = try Firm.create(input, schema: schema)
            let id = try Firms.insert(firm, schema: schema, db: db)
            try AuditLog.append([AuditTrail.entry("add", entity: "firm", id: id, actor: principal.auditName)], db: db)
            return id
        }
    }

    /// Changes a firm; fields left nil stay, an empty text clears. Each changed field is audited.
    public func edit(id: Int64, _ input: FirmInput, by principal: Principal) throws {
        try Policy.check(.editFirm, principal)
        try workspace.database.write { db in
            let schema = try workspace.catalogCache.catalog(db).schema
            let before = try Firms.fetch(id: id, schema: schema, db: db)
            var firm = before
            try firm.apply(input, schema: schema)
            try Firms.update(firm, schema: schema, db: db)
            try AuditLog.append(AuditTrail.changes(entity: "firm", id: id, from: AuditTrail.fields(before), to: AuditTrail.fields(firm), actor: principal.auditName), db: db)
        }
    }

    /// Removes a firm (with `force`, its persons and contacts too, each contact leaving a
    /// snapshot); admins and the command line only.
    public func remove(id: Int64, force: Bool, reason: String?, by principal: Principal) throws {
        try Policy.check(.removeFirm, principal)
        try workspace.database.write { db in
            let name = try Firms.fetch(id: id, schema: try workspace.catalogCache.catalog(db).schema, db: db).name
            try Firms.remove(id: id, force: force, reason: reason, db: db)
            try AuditLog.append([AuditTrail.entry("remove", entity: "firm", id: id, actor: principal.auditName, field: "name", value: name)], db: db)
        }
    }

    /// The attribute definitions and code lists, for a new record's form.
    public func schema() throws -> AttributeSchema {
        try workspace.database.read { db in try workspace.catalogCache.catalog(db).schema }
    }

    /// The firm's own record, for an edit form.
    public func firm(id: Int64) throws -> (firm: Firm, schema: AttributeSchema) {
        try workspace.database.read { db in
            let schema = try workspace.catalogCache.catalog(db).schema
            return (try Firms.fetch(id: id, schema: schema, db: db), schema)
        }
    }
}

extension Workspace.PersonDirectory {
    @discardableResult
    public func add(firmId: Int64, _ input: PersonInput, by principal: Principal) throws -> Int64 {
        try Policy.check(.editPerson, principal)
        return try workspace.database.write { db in
            let schema = try workspace.catalogCache.catalog(db).schema
            try Firms.requireExisting(id: firmId, db: db)
            let person = try Person.create(firmId: firmId, input, schema: schema)
            let id = try Persons.insert(person, schema: schema, db: db)
            try AuditLog.append([AuditTrail.entry("add", entity: "person", id: id, actor: principal.auditName)], db: db)
            return id
        }
    }

    /// Changes a person, optionally moving them to another firm; each changed field is audited.
    public func edit(id: Int64, moveTo firmId: Int64? = nil, _ input: PersonInput, by principal: Principal) throws {
        try Policy.check(.editPerson, principal)
        try workspace.database.write { db in
            let schema = try workspace.catalogCache.catalog(db).schema
            let before = try Persons.fetch(id: id, schema: schema, db: db).person
            var person = before
            if let firmId {
                try Firms.requireExisting(id: firmId, db: db)
                person.firmId = firmId
            }
            try person.apply(input, schema: schema)
            try Persons.update(person, schema: schema, db: db)
            try AuditLog.append(AuditTrail.changes(entity: "person", id: id, from: AuditTrail.fields(before), to: AuditTrail.fields(person), actor: principal.auditName), db: db)
        }
    }

    public func remove(id: Int64, force: Bool, by principal: Principal) throws {
        try Policy.check(.removePerson, principal)
        try workspace.database.write { db in
            let name = try Persons.fetch(id: id, schema: try workspace.catalogCache.catalog(db).schema, db: db).person.name.plain
            try Persons.remove(id: id, force: force, db: db)
            try AuditLog.append([AuditTrail.entry("remove", entity: "person", id: id, actor: principal.auditName, field: "name", value: name)], db: db)
        }
    }

    public func person(id: Int64) throws -> (person: Person, schema: AttributeSchema) {
        try workspace.database.read { db in
            let schema = try workspace.catalogCache.catalog(db).schema
            return (try Persons.fetch(id: id, schema: schema, db: db).person, schema)
        }
    }
}
