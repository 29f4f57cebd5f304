// One recipient's merge fields: the person, their firm, the referent sending, the campaign,
// today, and the salutations.

import CRM

/// The values a template is rendered with. Attributes are fields by name (`territory`) and by
/// owner (`firm.territory`); a person's attribute wins the bare name over a firm's.
public struct MergeContext {
    let values: [String: Any]
    /// The salutation the context uses, with whether the gender was inferred from the name.
    public let salutation: Salutation

    /// - Parameter uses: the fields the template uses (`Template.fields`); nil composes every
    ///   field.
    public init(person: Person?, firm: Firm, referent: Referent?, campaign: String, today: CivilDate, uses: Set<String>? = nil) {
        // Only the fields a template names are composed: a campaign builds one context per
        // recipient, and most templates use a handful of fields.
        func wanted(_ group: String, _ key: String) -> Bool {
            guard let uses else { return true }
            return uses.contains(group) || uses.contains(group + "." + key) || uses.contains(key)
        }
        var values: [String: Any] = [:]
        var firmFields: [String: Any] = [:]
        func firmField(_ key: String, _ value: @autoclosure () -> Any) { if wanted("firm", key) { firmFields[key] = value() } }
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
        for (name, value) in firm.attributes where wanted("firm", name) {
            firmFields[name] = MergeContext.value(value)
            values[name] = MergeContext.value(value)
        }
        values["firm"] = firmFields
        if let person {
            var personFields: [String: Any] = [:]
            func personField(_ key: String, _ value: @autoclosure () -> Any) { if wanted("person", key) { personFields[key] = value() } }
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
            for (name, value) in person.attributes where wanted("person", name) {
                personFields[name] = MergeContext.value(value)
                values[name] = MergeContext.value(value)
            }
            values["person"] = personFields
        }
        values["referent"] = ["code": referent?.code ?? "", "name": referent?.name ?? "", "email": referent?.email?.value ?? ""]
        values["campaign"] = ["name": campaign]
        values["today"] = MergeDate(date: today)
        salutation = Salutation(name: person?.name, gender: person?.gender ?? .unknown)
        values["salutation"] = salutation.formal
        values["salutationInformal"] = salutation.informal
        values["vocative"] = ["first": salutation.vocativeFirst, "last": salutation.vocativeLast]
        self.values = values
    }

    static func value(_ value: AttributeValue) -> Any {
        switch value {
        case .text(let text): return text
        case .number(let number): return MergeNumber(value: number)
        case .date(let date): return MergeDate(date: date)
        }
    }

    /// Whether a field (`person.email`) has no value for this recipient.
    public func isEmpty(_ path: String) -> Bool {
        var current: Any? = values
        for part in path.split(separator: ".") {
            current = (current as? [String: Any])?[String(part)]
        }
        switch current {
        case nil: return true
        case let text as String: return text.trimmingSpaces.isEmpty
        default: return false
        }
    }
}
