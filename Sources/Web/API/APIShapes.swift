// The API's JSON for firms, persons, contacts and search hits: camelCase keys, every key always
// present (null when empty), codes as codes (the pages show labels).

import CRM
import Foundation
import Store
import Workspace

enum APIShapes {
    static func firm(_ firm: Firm) -> JSONValue {
        .object([
            ("id", .integer(firm.id)), ("name", .string(firm.name)), ("ico", .string(firm.ico?.digits)), ("dic", .string(firm.dic.map { "\($0)" })),
            ("roles", .array(firm.roles.map { .string($0.rawValue) })),
            ("street", .string(firm.address.street)), ("city", .string(firm.address.city)), ("zip", .string(firm.address.zip)),
            ("country", .string(firm.address.country.code)), ("email", .string(firm.email?.value)), ("phone", .string(firm.phone)),
            ("web", .string(firm.web)), ("note", .string(firm.note)), ("attributes", attributes(firm.attributes)),
        ])
    }

    static func person(_ person: Person, firmName: String? = nil) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .integer(person.id)), ("firmId", .integer(person.firmId)), ("titleBefore", .string(person.name.titleBefore)),
            ("first", .string(person.name.first)), ("last", .string(person.name.last)), ("titleAfter", .string(person.name.titleAfter)),
            ("gender", .string(person.gender.rawValue)), ("function", .string(person.function)), ("email", .string(person.email?.value)),
            ("phone", .string(person.phone)), ("mobile", .string(person.mobile)), ("note", .string(person.note)),
            ("emailConsent", .bool(person.emailConsent)), ("attributes", attributes(person.attributes)),
        ]
        if let firmName { fields.append(("firmName", .string(firmName))) }
        return .object(fields)
    }

    static func campaign(_ summary: CampaignSummary) -> JSONValue {
        .object([("name", .string(summary.name)), ("createdAt", .string(summary.createdAt)), ("archivedAt", .string(summary.archivedAt)),
                 ("href", .string("/api/v1/campaigns/" + percentEncoded(summary.name)))])
    }

    /// A campaign's status: recipients by state (every state present), failures with the
    /// server's reply, the next retry, and the process sending it now.
    static func status(_ status: CampaignStatus) -> JSONValue {
        let c = status.campaign
        return .object([
            ("name", .string(c.name)), ("template", .string(c.templatePath)), ("templateHash", .string(c.templateHash)),
            ("expression", .string(c.expression)), ("segment", .string(c.segmentName)), ("target", .string(c.target.rawValue)),
            ("referent", .string(c.referent)), ("channel", .string(c.channel.rawValue)), ("createdAt", .string(c.createdAt)),
            ("archivedAt", .string(status.archivedAt)),
            ("recipients", .object(RecipientState.allCases.map { ($0.rawValue, .integer(Int64(status.count($0)))) })),
            ("nextRetry", .string(status.nextRetry)),
            ("running", status.running.map { lease in
                .object([("purpose", .string(lease.purpose)), ("process", .integer(Int64(lease.process))), ("host", .string(lease.host)),
                         ("since", .string(lease.takenAt))])
            } ?? .null),
            ("failures", .array(status.failures.map { failure in
                .object([("personId", .integer(failure.personId)), ("email", .string(failure.email)), ("state", .string(failure.state.rawValue)),
                         ("attempts", .integer(Int64(failure.attempts))), ("reply", .string(failure.reply))])
            })),
        ])
    }

    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? text
    }

    static func contact(_ listing: ContactListing) -> JSONValue {
        let c = listing.contact
        var fields: [(String, JSONValue)] = [
            ("id", .integer(c.id)), ("firmId", .integer(c.firmId)), ("firmName", .string(listing.firmName)), ("personId", .integer(c.personId)),
            ("personName", .string(listing.personName?.withTitles)), ("date", .string(c.date.iso)), ("status", .string(c.status.rawValue)),
            ("kind", .string(c.kind)), ("referent", .string(c.referent)), ("result", .string(c.result)), ("text", .string(c.text)),
            ("note", .string(c.note)), ("nextDate", .string(c.next?.date.iso)), ("nextTask", .string(c.next?.task)),
            ("nextReferent", .string(c.next?.referent)),
        ]
        if c.status == .task { fields.append(("done", .string(c.doneAt?.iso))) }
        return .object(fields)
    }

    static func hit(_ hit: SearchHit) -> JSONValue {
        .object([
            ("kind", .string(hit.kind.rawValue)), ("id", .integer(hit.id)), ("title", .string(hit.title)), ("detail", .string(hit.detail)),
            ("firmId", .integer(hit.firmId)), ("email", .string(hit.email)), ("phone", .string(hit.phone)),
            ("href", .string(hit.kind == .firm ? "/firms/\(hit.id)" : "/persons/\(hit.id)")),
        ])
    }

    static func attributes(_ values: [String: AttributeValue]) -> JSONValue {
        .object(values.sorted { $0.key < $1.key }.map { name, value in
            switch value {
            case .number(let number): return (name, .number(number))
            default: return (name, .string(value.description))
            }
        })
    }

    static func cursor(_ position: ListPosition?) -> JSONValue {
        .string(position.map(PageCursor.text))
    }
}
