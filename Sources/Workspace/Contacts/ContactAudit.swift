// The audit entries of a contact's change: one per field whose value differs.

import CRM
import Store

enum ContactAudit {
    static func changes(from old: Contact, to new: Contact, actor: String) -> [AuditEntry] {
        let fields: [(String, (Contact) -> String?)] = [
            ("personId", { $0.personId.map(String.init) }), ("date", { $0.date.iso }), ("status", { $0.status.rawValue }),
            ("doneAt", { $0.doneAt?.iso }), ("kind", { $0.kind }), ("referent", { $0.referent }), ("result", { $0.result }),
            ("text", { $0.text }), ("note", { $0.note }), ("nextDate", { $0.next?.date.iso }), ("nextTask", { $0.next?.task }),
            ("nextReferent", { $0.next?.referent }),
        ]
        let now = Timestamp.now()
        return fields.compactMap { name, value in
            let before = value(old), after = value(new)
            guard before != after else { return nil }
            return AuditEntry(at: now, actor: actor, action: "edit", entity: "contact", entityId: old.id, field: name, oldValue: before, newValue: after)
        }
    }
}
