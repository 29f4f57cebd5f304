// The suppression list as users see it (`kontakt suppression`): what bounces, refusals and
// complaints put there, and the entries made or taken back by hand. Anyone signed in may look;
// only an administrator changes it, and every change is audited.

import CRM
import Campaigns
import GRDB
import Mail
import Store

extension Workspace {
    public var suppression: SuppressionList { SuppressionList(workspace: self) }

    public struct SuppressionList: Sendable {
        let workspace: Workspace

        public func list(reason: Suppression.Reason? = nil, after address: String = "", limit: Int = 1000) throws -> [Suppression] {
            try workspace.database.read { db in try Suppressions.list(reason: reason, after: address, limit: min(max(limit, 1), 10_000), db: db) }
        }

        public func entry(address: String) throws -> Suppression? {
            try workspace.database.read { db in try Suppressions.entry(address: address, db: db) }
        }

        /// Adds an address by hand; one listed already keeps its first reason. Returns whether it was new.
        @discardableResult
        public func add(address: String, note: String?, by principal: Principal) throws -> Bool {
            try Policy.check(.administer, principal)
            let checked: String
            do { checked = try MailAddress(address.trimmingSpaces).address.lowercased() } catch { throw WorkspaceError.invalid(field: "address", "\(error)") }
            return try workspace.database.write { db in
                let person = try Persons.ids(withEmail: checked, db: db).first
                let added = try Suppressions.add(Suppression(address: checked, reason: .manual, detail: note, personId: person, campaignId: nil,
                                                             source: principal.auditName, since: Timestamp.now()), db: db)
                if added {
                    try AuditLog.append([AuditTrail.entry("suppress", entity: "address", id: person, actor: principal.auditName, field: "address", value: checked)], db: db)
                }
                return added
            }
        }

        /// Takes an address off the list (a mailbox that works again); whether it was listed.
        @discardableResult
        public func remove(address: String, by principal: Principal) throws -> Bool {
            try Policy.check(.administer, principal)
            return try workspace.database.write { db in
                let removed = try Suppressions.remove(address: address.trimmingSpaces, db: db)
                if removed {
                    try AuditLog.append([AuditTrail.entry("unsuppress", entity: "address", id: nil, actor: principal.auditName, field: "address",
                                                          value: address.trimmingSpaces.lowercased())], db: db)
                }
                return removed
            }
        }
    }
}
