// One recipient's merge fields: the person, their firm, the referent sending, the campaign,
// today, and the salutations.

import CRM

/// The values a template is rendered with. Attributes are fields by name (`territory`) and by
/// owner (`firm.territory`); a person's attribute wins the bare name over a firm's.
public struct MergeContext {
    let values: MergeFields
    /// The salutation the context uses, with whether the gender was inferred from the name.
    public let salutation: Salutation

    /// - Parameters:
    ///   - uses: the fields the template uses (`Template.selection`); nil composes every field.
    ///   - codeLabels: the labels code-list values print as (`{{territory}}` → "Morava").
    ///   - channel: what the message becomes, for `{{#channel.letter}}…{{/channel.letter}}`.
    ///   - unsubscribeToken: the recipient's signed token for one-click unsubscribe links.
    ///   - unsubscribeURL: the whole link with that token (the setting mail.unsubscribe-url), or "".
    public init(person: Person?, firm: Firm, referent: Referent?, campaign: String, today: CivilDate, uses: FieldSelection? = nil,
                codeLabels: CodeLabels = .none, channel: MergeChannel = .email, unsubscribeToken: String = "",
                unsubscribeURL: String = "") {
        // Only the fields a template names are composed: a campaign builds one context per
        // recipient, and most templates use a handful of fields.
        let firmUse = uses?.firm ?? .all, personUse = uses?.person ?? .all
        var values: [String: Any] = [:]
        var firmFields: [String: Any] = [:]
        func firmField(_ key: String, _ value: @autoclosure () -> Any) { if firmUse.wants(key) { firmFields[key] = value() } }
        firmField("id", firm.id.map(String.init) ?? "")
        firmField("name", firm.name)
        firmField("ico", firm.ico?.digits ?? "")
        firmField("dic", firm.dic?.value ?? "")
        firmField("street", firm.address.street ?? "")
        firmField("city", firm.address.city ?? "")
        firmField("zip", firm.address.zip ?? "")
        firmField("country", firm.address.country.code)
        firmField("email", firm.email?.value ?? "")
        firmField("phone", firm.phone ?? "")
        firmField("web", firm.web ?? "")
        firmField("address", AddressBlock(firmName: firm.name, person: person?.name, gender: person?.gender ?? .unknown, address: firm.address).text)
        for (name, value) in firm.attributes where firmUse.wants(name) {
            let merged = MergeContext.value(value, attribute: name, on: .firm, labels: codeLabels)
            firmFields[name] = merged
            values[name] = merged
        }
        values["firm"] = MergeFields(firmFields)
        if let person {
            var personFields: [String: Any] = [:]
            func personField(_ key: String, _ value: @autoclosure () -> Any) { if personUse.wants(key) { personFields[key] = value() } }
            personField("id", person.id.map(String.init) ?? "")
            personField("first", person.name.first)
            personField("last", person.name.last)
            personField("name", person.name.withTitles)
            personField("titleBefore", person.name.titleBefore ?? "")
            personField("titleAfter", person.name.titleAfter ?? "")
            personField("function", person.function ?? "")
            personField("email", person.email?.value ?? "")
            personField("phone", person.phone ?? "")
            personField("mobile", person.mobile ?? "")
            personField("gender", person.gender == .unknown ? "" : person.gender.rawValue)
            for (name, value) in person.attributes where personUse.wants(name) {
                let merged = MergeContext.value(value, attribute: name, on: .person, labels: codeLabels)
                personFields[name] = merged
                values[name] = merged
            }
            values["person"] = MergeFields(personFields)
        }
        values["referent"] = MergeFields(["code": referent?.code ?? "", "name": referent?.name ?? "", "email": referent?.email?.value ?? ""])
        values["campaign"] = MergeFields(["name": campaign])
        values["today"] = MergeDate(date: today)
        values["channel"] = MergeFields(["email": channel == .email, "letter": channel == .letter])
        values["unsubscribe"] = MergeFields(["token": unsubscribeToken, "url": unsubscribeURL])
        salutation = Salutation(name: person?.name, gender: person?.gender ?? .unknown)
        values["salutation"] = salutation.formal
        values["salutationInformal"] = salutation.informal
        values["vocative"] = MergeFields(["first": salutation.vocativeFirst, "last": salutation.vocativeLast])
        self.values = MergeFields(values)
    }

    static func value(_ value: AttributeValue, attribute: String, on entity: EntityKind, labels: CodeLabels) -> Any {
        switch value {
        case .text(let text):
            guard labels.isCoded(attribute, on: entity) else { return text }
            // A code the list no longer has prints as stored.
            return MergeCode(code: text, label: labels.label(of: text, attribute: attribute, on: entity) ?? text)
        case .number(let number): return MergeNumber(value: number)
        case .date(let date): return MergeDate(date: date)
        }
    }

    /// Whether a field (`person.email`) has no value for this recipient.
    public func isEmpty(_ path: String) -> Bool {
        var current: Any? = values
        for part in path.split(separator: ".") {
            current = (current as? MergeFields)?.child(named: String(part))
        }
        switch current {
        case nil: return true
        case let text as String: return text.trimmingSpaces.isEmpty
        case let code as MergeCode: return code.code.trimmingSpaces.isEmpty
        default: return false
        }
    }
}

/// What a message becomes: the text in `{{#channel.email}}…{{/channel.email}}` or
/// `{{#channel.letter}}…{{/channel.letter}}` appears only there.
public enum MergeChannel: Sendable {
    case email, letter
}

/// Which fields of each group a template uses, worked out once per template so that building
/// a recipient's context asks one set per field.
public struct FieldSelection: Sendable {
    /// The keys of one group (`firm`, `person`) a template uses: all of them when it names the
    /// group itself (a section), else those it names as `group.key` or as a bare attribute.
    struct Group: Sendable {
        static let all = Group(everything: true, keys: [])
        let everything: Bool
        let keys: Set<String>

        func wants(_ key: String) -> Bool { everything || keys.contains(key) }
    }

    let firm: Group
    let person: Group

    public init(fields: Set<String>) {
        func group(_ name: String) -> Group {
            let prefix = name + "."
            // `firm.territory.code` and `territory.code` want the attribute `territory`.
            let keys = fields.map { field -> String in
                let key = field.hasPrefix(prefix) ? field.dropFirst(prefix.count) : Substring(field)
                return String(key.prefix { $0 != "." })
            }
            return Group(everything: fields.contains(name), keys: Set(keys))
        }
        firm = group("firm")
        person = group("person")
    }
}
