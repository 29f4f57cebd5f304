// The names an expression may use, listed for an editor's completion: every field of persons,
// firms and contacts with what it holds, and for a code-list field the list its values come from.

import CRM

public struct FieldEntry: Sendable, Equatable {
    /// As typed: `territory`, or `firm.territory` where the bare name would mean the person's.
    public let name: String
    /// person, firm or contact.
    public let owner: String
    /// What it holds, as the checker's messages say it ("text", "a code of the list …").
    public let holds: String
    /// The code list its values come from.
    public let codeList: String?
}

extension Vocabulary {
    /// The fields a segment of `target` may name, its own first; then the contact fields
    /// (`has contact where …`).
    public func entries(for target: EntityKind) -> [FieldEntry] {
        let own: Owner = target == .person ? .person : .firm
        let other: Owner = target == .person ? .firm : .person
        var entries: [FieldEntry] = []
        var seen = Set<String>()
        func add(_ field: Field, prefix: String?) {
            let name = (prefix.map { $0 + "." } ?? "") + field.name
            guard seen.insert(Folding.fold(name)).inserted else { return }
            var list: String?
            if case .code(let codeList, _) = field.type { list = codeList }
            entries.append(FieldEntry(name: name, owner: "\(field.owner)", holds: field.type.described, codeList: list))
        }
        for field in fields(of: own) { add(field, prefix: nil) }
        // A person segment reads the firm's fields bare where the person has no field of that name.
        for field in fields(of: other) {
            let clash = fields(of: own).contains { Folding.fold($0.name) == Folding.fold(field.name) }
            add(field, prefix: target == .person && !clash ? nil : "\(other)")
        }
        for field in fields(of: .contact) { add(field, prefix: nil) }
        return entries
    }
}
