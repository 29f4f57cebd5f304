// The columns of a firm list: the firm's own fields and every firm attribute, each with its
// label and how a firm's cell reads (code-list values by their labels).

import CRM

public struct FirmRow: Sendable {
    public let firm: Firm
    public let cells: [String]
}

public struct FirmColumn: Sendable, Equatable {
    /// `ico`, `city` …, or `attr:NAME`.
    public let key: String
    public let label: String
    let read: Reader

    enum Reader: Sendable, Equatable {
        case field(String)
        case attribute(String)
    }

    public static func == (a: FirmColumn, b: FirmColumn) -> Bool { a.key == b.key }

    /// What a list shows when the user has chosen nothing.
    public static let defaultKeys = ["ico", "city", "roles"]

    static let fields: [(String, String)] = [
        ("ico", "IČO"), ("dic", "DIČ"), ("street", "Ulice"), ("city", "Obec"), ("zip", "PSČ"), ("country", "Země"),
        ("roles", "Role"), ("email", "E-mail"), ("phone", "Telefon"), ("web", "Web"),
    ]

    static func all(schema: AttributeSchema) -> [FirmColumn] {
        fields.map { FirmColumn(key: $0.0, label: $0.1, read: .field($0.0)) }
            + schema.definitions(on: .firm).map { (definition: $0, label: $0.label.isEmpty ? $0.name : $0.label) }.sorted(byCzech: \.label).map {
                FirmColumn(key: "attr:" + $0.definition.name, label: $0.label, read: .attribute($0.definition.name))
            }
    }

    static func chosen(_ keys: [String], from available: [FirmColumn]) -> [FirmColumn] {
        keys.compactMap { key in available.first { $0.key == key } }
    }

    func cell(_ firm: Firm, _ schema: AttributeSchema) -> String {
        switch read {
        case .field(let name):
            switch name {
            case "ico": return firm.ico?.digits ?? ""
            case "dic": return firm.dic.map { "\($0)" } ?? ""
            case "street": return firm.address.street ?? ""
            case "city": return firm.address.city ?? ""
            case "zip": return firm.address.zip ?? ""
            case "country": return firm.address.country.code
            case "roles": return schema.codeBook.roleLabels(firm.roles)
            case "email": return firm.email?.value ?? ""
            case "phone": return firm.phone ?? ""
            case "web": return firm.web ?? ""
            default: return ""
            }
        case .attribute(let name):
            guard let value = firm.attributes[name] else { return "" }
            return schema.displayed([name: value], of: .firm).first?.value ?? value.description
        }
    }
}
