// One recipient's merge fields: the person, their firm, the referent sending, the campaign,
// today, and the salutations.

import CRM

/// The values a template is rendered with. Attributes are fields by name (`territory`) and by
/// owner (`firm.territory`); a person's attribute wins the bare name over a firm's.
public struct MergeContext {
    let values: [String: Any]
    /// The salutation the context uses, with whether the gender was inferred from the name.
    public let salutation: Salutation

    /// - Parameter uses: the fields the template uses (`Template.fields`); the address block
    ///   is composed only when asked for. Nil composes everything.
    public init(person: Person?, firm: Firm, referent: Referent?, campaign: String, today: CivilDate, uses: Set<String>? = nil) {
        var values: [String: Any] = [:]
        var firmFields: [String: Any] = [
            "name": firm.name, "ico": firm.ico?.digits ?? "", "dic": firm.dic?.value ?? "",
            "street": firm.address.street ?? "", "city": firm.address.city ?? "", "zip": firm.address.zip ?? "",
            "country": firm.address.country.code, "email": firm.email?.value ?? "", "phone": firm.phone ?? "", "web": firm.web ?? "",
        ]
        if uses?.contains("firm.address") != false {
            firmFields["address"] = AddressBlock(firmName: firm.name, person: person?.name, gender: person?.gender ?? .unknown, address: firm.address).text
        }
        for (name, value) in firm.attributes {
            firmFields[name] = MergeContext.value(value)
            values[name] = MergeContext.value(value)
        }
        values["firm"] = firmFields
        if let person {
            var personFields: [String: Any] = [
                "first": person.name.first, "last": person.name.last, "name": person.name.withTitles,
                "titleBefore": person.name.titleBefore ?? "", "titleAfter": person.name.titleAfter ?? "",
                "function": person.function ?? "", "email": person.email?.value ?? "", "phone": person.phone ?? "",
                "mobile": person.mobile ?? "", "gender": person.gender == .unknown ? "" : person.gender.rawValue,
            ]
            for (name, value) in person.attributes {
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
