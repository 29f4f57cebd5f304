// Attributes and roles as a person reads them: the attribute's label ("Oblast"), the code-list
// value's label ("Morava"), the role's label ("Zákazník") — in Czech order of the labels. The
// codes stay what the JSON output and the segment language use.

extension AttributeSchema {
    /// `values` of an `entity`'s attributes as (label, value) pairs, in Czech order of the labels.
    public func displayed(_ values: [String: AttributeValue], of entity: EntityKind) -> [(label: String, value: String)] {
        values.map { name, value -> (label: String, value: String) in
            let definition = try? definition(named: name, on: entity)
            let label = definition.map { $0.label.isEmpty ? $0.name : $0.label } ?? name
            guard let list = definition?.codeList, case .text(let code) = value,
                  let entry = codeBook.values(of: list).first(where: { $0.code == code }) else { return (label, value.description) }
            return (label, entry.label.isEmpty ? code : entry.label)
        }.sorted(byCzech: \.label)
    }
}

extension CodeBook {
    /// "Zákazník, Potenciální zákazník": the roles' labels from the `role` code list, or their
    /// codes where it has none.
    public func roleLabels(_ roles: [Role]) -> String {
        roles.map { role in values(of: CodeListName.role).first { $0.code == role.rawValue }?.label ?? role.rawValue }.joined(separator: ", ")
    }
}
