// The audit entries of a change: one per field whose value differs, for contacts, firms and
// persons (attributes by their names), written in the same transaction as the change.

import CRM
import Store

enum AuditTrail {
    static func changes(entity: String, id: Int64?, from old: [String: String?], to new: [String: String?], actor: String) -> [AuditEntry] {
        let now = Timestamp.now()
        return Set(old.keys).union(new.keys).sorted().compactMap { field in
            let before = old[field] ?? nil, after = new[field] ?? nil
            guard before != after else { return nil }
            return AuditEntry(at: now, actor: actor, action: "edit", entity: entity, entityId: id, field: field, oldValue: before, newValue: after)
        }
    }

    static func entry(_ action: String, entity: String, id: Int64?, actor: String, field: String? = nil, value: String? = nil) -> AuditEntry {
        AuditEntry(at: Timestamp.now(), actor: actor, action: action, entity: entity, entityId: id, field: field, newValue: value)
    }

    static func fields(_ c: Contact) -> [String: String?] {
        ["personId": c.personId.map(String.init), "date": c.date.iso, "status": c.status.rawValue, "doneAt": c.doneAt?.iso, "kind": c.kind,
         "referent": c.referent, "result": c.result, "text": c.text, "note": c.note, "nextDate": c.next?.date.iso, "nextTask": c.next?.task,
         "nextReferent": c.next?.referent]
    }

    static func fields(_ f: Firm) -> [String: String?] {
        var fields: [String: String?] = [
            "name": f.name, "ico": f.ico?.digits, "dic": f.dic.map { "\($0)" }, "roles": f.roles.map(\.rawValue).joined(separator: ","),
            "street": f.address.street, "city": f.address.city, "zip": f.address.zip, "country": f.address.country.code,
            "email": f.email?.value, "phone": f.phone, "web": f.web, "note": f.note,
        ]
        for (name, value) in f.attributes { fields["attr:" + name] = value.description }
        return fields
    }

    static func fields(_ p: Person) -> [String: String?] {
        var fields: [String: String?] = [
            "firmId": String(p.firmId), "titleBefore": p.name.titleBefore, "first": p.name.first, "last": p.name.last, "titleAfter": p.name.titleAfter,
            "gender": p.gender.rawValue, "function": p.function, "email": p.email?.value, "phone": p.phone, "mobile": p.mobile, "note": p.note,
            "emailConsent": p.emailConsent ? "yes" : "no", "street": p.address?.street, "city": p.address?.city, "zip": p.address?.zip,
            "country": p.address?.country.code,
        ]
        for (name, value) in p.attributes { fields["attr:" + name] = value.description }
        return fields
    }
}
