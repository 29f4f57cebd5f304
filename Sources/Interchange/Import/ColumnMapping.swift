// Which CSV column feeds which field: the CLI's option names, common Czech headers, the
// user's attributes, and `--map COLUMN=FIELD` for anything else.

import CRM

/// What an import creates.
public enum ImportTarget: String, CaseIterable, Sendable {
    case firms, persons, contacts

    var entity: EntityKind? {
        switch self {
        case .firms: return .firm
        case .persons: return .person
        case .contacts: return nil
        }
    }

    /// The tables an import of this kind writes to.
    var tables: [String] {
        switch self {
        case .firms: return ["firm", "firm_values"]
        case .persons: return ["person", "person_values"]
        case .contacts: return ["contact"]
        }
    }

    /// The fields a row may carry, with the headers Czech spreadsheets use for them.
    var fields: [(name: String, aliases: [String])] {
        switch self {
        case .firms:
            return [("name", ["nazev", "firma", "nazev firmy", "jmeno firmy", "company"]), ("ico", ["ic", "ic o"]), ("dic", []),
                    ("roles", ["role", "typ"]), ("street", ["ulice", "adresa", "ulice a cislo"]), ("city", ["mesto", "obec", "town"]),
                    ("zip", ["psc", "postcode", "postal code"]), ("country", ["zeme", "stat"]), ("email", ["e-mail", "mail"]),
                    ("phone", ["telefon", "tel", "tel."]), ("web", ["www", "webove stranky", "url"]), ("note", ["poznamka"])]
        case .persons:
            return [("firm", ["firma", "ico", "company"]), ("first", ["jmeno", "krestni jmeno", "first name", "firstname"]),
                    ("last", ["prijmeni", "last name", "lastname", "surname"]), ("titleBefore", ["titul", "titul pred", "title"]),
                    ("titleAfter", ["titul za"]), ("gender", ["pohlavi", "sex"]), ("function", ["funkce", "pozice", "job title"]),
                    ("email", ["e-mail", "mail"]), ("phone", ["telefon", "tel", "tel."]), ("mobile", ["mobil"]),
                    ("note", ["poznamka"]), ("emailConsent", ["souhlas", "souhlas s e-mailem", "consent"]),
                    ("street", ["ulice", "adresa", "ulice a cislo"]), ("city", ["mesto", "obec", "town"]),
                    ("zip", ["psc", "postcode", "postal code"]), ("country", ["zeme", "stat"])]
        case .contacts:
            return [("firm", ["firma", "ico", "company"]), ("person", ["osoba", "kontaktni osoba"]), ("date", ["datum"]),
                    ("kind", ["druh", "druh kontaktu"]), ("status", []), ("referent", ["obchodnik"]), ("result", ["vysledek"]),
                    ("text", ["strucny text", "text kontaktu"]), ("note", ["poznamka"]), ("nextDate", ["pristi kontakt", "datum pristiho kontaktu"]),
                    ("nextTask", ["ukol", "pristi ukol"]), ("nextReferent", ["pristi referent"]), ("doneAt", ["splneno", "done"])]
        }
    }

    var requiredFields: [String] {
        switch self {
        case .firms: return ["name"]
        case .persons: return ["firm", "last"]
        case .contacts: return ["firm", "date", "kind", "referent", "text"]
        }
    }
}

/// The resolved meaning of each column of a file.
struct ColumnMapping {
    /// `ignored`: a column mapped to "-" (`--map "Column=-"`), read by nobody.
    enum Target: Equatable { case field(String), attribute(String), ignored }

    /// What each column would be read as without overrides (a field's or an attribute's name),
    /// nil where nothing fits: the import page's first guess.
    static func suggestions(header: [String], target: ImportTarget, attributes: [AttributeDefinition]) -> [String?] {
        let lookup = lookup(target: target, attributes: attributes)
        return header.map { column in
            switch lookup[Folding.fold(column)] {
            case .field(let name)?, .attribute(let name)?: return name
            default: return nil
            }
        }
    }

    /// Every header a field or attribute is recognised by, folded.
    private static func lookup(target: ImportTarget, attributes: [AttributeDefinition]) -> [String: Target] {
        var lookup: [String: Target] = [:]
        for field in target.fields {
            for alias in [field.name] + field.aliases { lookup[Folding.fold(alias)] = .field(field.name) }
        }
        for name in attributes.map(\.name) { lookup[Folding.fold(name)] = lookup[Folding.fold(name)] ?? .attribute(name) }
        // The attribute's label as people head a spreadsheet's column ("Počet zaměstnanců",
        // "oblast"), case and diacritics aside; a field's or another attribute's name comes first.
        for attribute in attributes where !attribute.label.isEmpty {
            lookup[Folding.fold(attribute.label)] = lookup[Folding.fold(attribute.label)] ?? .attribute(attribute.name)
        }
        return lookup
    }

    let header: [String]
    let targets: [Target]
    /// Where each field's column is, and the attribute columns: looked up once per file,
    /// not once per row.
    let columnOfField: [String: Int]
    let attributeColumns: [(name: String, column: Int)]

    /// - Parameter overrides: `COLUMN=FIELD` pairs from `--map`, applied before the defaults.
    init(header: [String], target: ImportTarget, attributes: [AttributeDefinition], overrides: [String: String]) throws {
        let fieldNames = target.fields.map(\.name)
        let attributeNames = attributes.map(\.name)
        let lookup = Self.lookup(target: target, attributes: attributes)
        let foldedOverrides = Dictionary(overrides.map { (Folding.fold($0.key), $0.value) }, uniquingKeysWith: { _, b in b })

        var problems: [String] = []
        var targets: [Target] = []
        for column in header {
            let key = Folding.fold(column)
            if let wanted = foldedOverrides[key] {
                if wanted.trimmingSpaces == "-" { targets.append(.ignored); continue }
                if let field = fieldNames.first(where: { Folding.fold($0) == Folding.fold(wanted) }) { targets.append(.field(field)); continue }
                if let attribute = attributeNames.first(where: { Folding.fold($0) == Folding.fold(wanted) }) { targets.append(.attribute(attribute)); continue }
                problems.append("1: \(column): --map \(column)=\(wanted) names \"\(wanted)\", which is neither a field (\(fieldNames.joined(separator: ", "))) nor an attribute\(NearestMatch.hint(for: wanted, among: fieldNames + attributeNames))")
                continue
            }
            guard let target = lookup[key] else {
                problems.append("1: \(column): the column is neither a field nor a defined attribute: expected one of \((fieldNames + attributeNames).joined(separator: ", "))\(NearestMatch.hint(for: column, among: fieldNames + attributeNames)); map it with --map \"\(column)=FIELD\"")
                continue
            }
            targets.append(target)
        }
        for required in target.requiredFields where !targets.contains(.field(required)) {
            problems.append("1: \(required): the column is required for importing \(target.rawValue)")
        }
        var seen: [Target: String] = [:]
        for (column, target) in zip(header, targets) where target != .ignored {
            if let first = seen[target] { problems.append("1: \(column): the column fills the same field as \"\(first)\"") }
            seen[target] = column
        }
        guard problems.isEmpty else { throw MappingProblems(lines: problems) }
        self.header = header
        self.targets = targets
        var columnOfField: [String: Int] = [:]
        var attributeColumns: [(name: String, column: Int)] = []
        for (column, target) in targets.enumerated() {
            switch target {
            case .field(let name): columnOfField[name] = column
            case .attribute(let name): attributeColumns.append((name, column))
            case .ignored: break
            }
        }
        self.columnOfField = columnOfField
        self.attributeColumns = attributeColumns
    }

    /// The header of the column that fills `field` (a field or an attribute name), for messages.
    func column(for field: String) -> String {
        for (column, target) in zip(header, targets) {
            switch target {
            case .field(let name) where name == field, .attribute(let name) where name == field: return column
            default: continue
            }
        }
        return field
    }
}

struct MappingProblems: Error { let lines: [String] }

extension ColumnMapping.Target: Hashable {}
