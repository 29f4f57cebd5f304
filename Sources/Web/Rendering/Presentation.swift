// Domain values as the pages' templates read them: plain dictionaries of strings, flags and
// lists, with absent values left out (Mustache treats a missing key as false).

import CRM
import Foundation
import Mustache
import Store
import Workspace

/// A value that is not there: false in a section, nothing when shown.
struct Blank: MustacheCustomRenderable, CustomStringConvertible {
    var renderText: String { "" }
    var isNull: Bool { true }
    var description: String { "" }
}

enum Presentation {
    /// "29.11.2026" or "29.11.2026 14:30".
    static func date(_ date: ContactDate) -> String {
        guard let minute = date.minuteOfDay else { return date.date.czech }
        let minutes = minute % 60
        return "\(date.date.czech) \(minute / 60):\(minutes < 10 ? "0" : "")\(minutes)"
    }

    /// "12 345": thousands apart by a no-break space, as Czech writes them.
    static func number(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append("\u{00A0}") }
            text.append(digit)
        }
        return text
    }

    static func label(_ code: String?, in list: String, _ book: CodeBook) -> String? {
        guard let code else { return nil }
        return book.values(of: list).first { $0.code == code }.map { $0.label.isEmpty ? code : $0.label } ?? code
    }

    /// Absent and empty values become `Blank`, never a missing key: Mustache looks a missing
    /// key up in the enclosing contexts, and a person without a phone would show the firm's.
    static func compact(_ values: [String: Any?]) -> [String: Any] {
        values.mapValues { value -> Any in
            guard let value else { return Blank() }
            if let text = value as? String, text.isEmpty { return Blank() }
            return value
        }
    }

    static func entry(_ listing: ContactListing, book: CodeBook, withMessage: Bool) -> [String: Any] {
        let c = listing.contact
        let next: [String: Any]? = c.next.map { ["date": date($0.date), "task": $0.task, "referent": $0.referent] }
        return compact([
            "id": c.id.map(String.init), "date": date(c.date), "kind": c.kind, "kindLabel": label(c.kind, in: CodeListName.kind, book),
            "referent": c.referent, "personName": listing.personName?.withTitles, "personId": c.personId.map(String.init),
            "firmId": String(c.firmId), "firmName": listing.firmName,
            "resultLabel": label(c.result, in: CodeListName.result, book), "text": c.text, "note": c.note,
            "isTask": c.status == .task ? true : nil, "done": c.doneAt.map(date), "next": next, "hasMessage": withMessage ? true : nil,
        ])
    }

    static func timeline(_ page: TimelinePage, basePath: String) -> [String: Any] {
        var values: [String: Any] = [
            "entries": page.contacts.map { entry($0, book: page.codeBook, withMessage: page.withMessage.contains($0.contact.id ?? 0)) },
        ]
        if let next = page.next { values["olderHref"] = basePath + "?before=" + Query.escape(PageCursor.text(next)) + "#timeline-heading" }
        return values
    }

    /// The open tasks and the timeline page, rendered once while the records stand: the same
    /// for every user (no form, no token in it).
    static func timelineFragment(_ page: TimelinePage, openTasks: [ContactListing], basePath: String, renderer: PageRenderer) -> RenderedHTML {
        let shown = page.contacts.map { $0.contact.id ?? 0 }
        let key = "\(basePath)|\(shown.first ?? 0)|\(shown.last ?? 0)|\(shown.count)|\(openTasks.count)"
        return renderer.fragment("timeline", key: key, version: page.version) {
            var values = timeline(page, basePath: basePath)
            values["openTasks"] = openTasks.map { entry($0, book: page.codeBook, withMessage: false) }
            values["has_openTasks"] = !openTasks.isEmpty
            return values
        }
    }

    static func changes(_ entries: [AuditEntry]) -> [String: Any] {
        let rows = entries.map { entry -> [String: Any] in
            compact(["at": entry.at.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC"), "actor": entry.actor,
                     "field": entry.field ?? entry.action, "old": entry.oldValue, "new": entry.newValue])
        }
        return ["changes": rows, "has_changes": !rows.isEmpty]
    }

    /// The choices of a code list, retired values left out, `selected` marked.
    static func choices(_ list: String, _ book: CodeBook, selected: String?) -> [[String: Any]] {
        book.values(of: list).filter { !$0.retired }.map { value in
            compact(["code": value.code, "label": value.label.isEmpty ? value.code : value.label, "selected": value.code == selected ? true : nil])
        }
    }

    /// The log form's values: kinds, results, persons to choose from.
    static func logForm(action: String, book: CodeBook, persons: [Person], selectedPerson: Int64?, draft: [String: String] = [:], errors: [String] = []) -> [String: Any] {
        let personChoices = persons.map { person in
            compact(["id": person.id.map(String.init), "name": person.name.withTitles, "selected": person.id == selectedPerson ? true : nil])
        }
        return ["logAction": action, "kinds": choices(CodeListName.kind, book, selected: draft["kind"] ?? "call"),
                "results": choices(CodeListName.result, book, selected: draft["result"]), "personChoices": personChoices,
                "has_personChoices": !personChoices.isEmpty, "draft": draft, "formErrors": errors, "has_formErrors": !errors.isEmpty]
    }
}

/// Query strings for links.
enum Query {
    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    static func string(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }
}
