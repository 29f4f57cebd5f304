// New and edited firms and persons, and their removal (admins): forms of every field with
// typed editors for the attributes, errors beside the fields they concern, one transaction
// with its audit entries behind each save.

import CRM
import Hummingbird
import Workspace

/// One field of a record form, as the template reads it.
struct FormField {
    enum Kind { case text, email, tel, number, date, textarea, select([(value: String, label: String)]), checkbox }
    let name: String
    let label: String
    let kind: Kind
    var value: String
    var required = false

    func values(error: String?) -> [String: Any] {
        var values: [String: Any] = ["name": name, "label": label, "value": value, "error": error ?? false, "required": required]
        switch kind {
        case .textarea: values["isTextarea"] = true
        case .checkbox: values["isCheckbox"] = true; values["checked"] = value == "yes"
        case .select(let options):
            values["isSelect"] = true
            values["options"] = options.map { ["value": $0.value, "label": $0.label, "selected": $0.value == value] as [String: Any] }
        default:
            values["isInput"] = true
            switch kind {
            case .email: values["type"] = "email"
            case .tel: values["type"] = "tel"
            case .number: values["type"] = "number"; values["step"] = "any"
            case .date: values["type"] = "date"
            default: values["type"] = "text"
            }
        }
        return values
    }
}

extension Site {
    func addRecordForms(to pages: RouterGroup<WebContext>) {
        pages.get("firms/new") { _, context -> Response in
            let schema = try await run { try $0.firms.schema() }
            return try await firmForm(nil, schema: schema, context: context)
        }
        pages.post("firms") { request, context -> Response in
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            let input = Site.firmInput(form)
            do {
                let id = try await run { try $0.firms.add(input, by: principal) }
                return .redirect(to: "/firms/\(id)", type: .normal)
            } catch {
                let schema = try await run { try $0.firms.schema() }
                return try await firmForm(nil, schema: schema, context: context, form: form, failure: try Site.formFailure(error))
            }
        }
        pages.get("firms/:id/edit") { _, context -> Response in
            let id = try Site.id(context)
            let (firm, schema) = try await run { try $0.firms.firm(id: id) }
            return try await firmForm(firm, schema: schema, context: context)
        }
        pages.post("firms/:id") { request, context -> Response in
            let id = try Site.id(context)
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            let input = Site.firmInput(form)
            do {
                try await run { try $0.firms.edit(id: id, input, by: principal) }
                return .redirect(to: "/firms/\(id)?saved=1", type: .normal)
            } catch {
                let (firm, schema) = try await run { try $0.firms.firm(id: id) }
                return try await firmForm(firm, schema: schema, context: context, form: form, failure: try Site.formFailure(error))
            }
        }
        pages.post("firms/:id/remove") { request, context -> Response in
            let id = try Site.id(context)
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            try await run { try $0.firms.remove(id: id, force: form["force"] == "yes", reason: form.text("reason"), by: principal) }
            return .redirect(to: "/firms", type: .normal)
        }
        pages.get("firms/:id/persons/new") { _, context -> Response in
            let firmId = try Site.id(context)
            let schema = try await run { try $0.firms.firm(id: firmId).schema }
            return try await personForm(nil, firmId: firmId, schema: schema, context: context)
        }
        pages.post("firms/:id/persons") { request, context -> Response in
            let firmId = try Site.id(context)
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            let input = Site.personInput(form)
            do {
                let id = try await run { try $0.people.add(firmId: firmId, input, by: principal) }
                return .redirect(to: "/persons/\(id)", type: .normal)
            } catch {
                let schema = try await run { try $0.firms.schema() }
                return try await personForm(nil, firmId: firmId, schema: schema, context: context, form: form, failure: try Site.formFailure(error))
            }
        }
        pages.get("persons/:id/edit") { _, context -> Response in
            let id = try Site.id(context)
            let (person, schema) = try await run { try $0.people.person(id: id) }
            return try await personForm(person, firmId: person.firmId, schema: schema, context: context)
        }
        pages.post("persons/:id") { request, context -> Response in
            let id = try Site.id(context)
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            let input = Site.personInput(form)
            do {
                try await run { try $0.people.edit(id: id, input, by: principal) }
                return .redirect(to: "/persons/\(id)?saved=1", type: .normal)
            } catch {
                let (person, schema) = try await run { try $0.people.person(id: id) }
                return try await personForm(person, firmId: person.firmId, schema: schema, context: context, form: form, failure: try Site.formFailure(error))
            }
        }
        pages.post("persons/:id/remove") { request, context -> Response in
            let id = try Site.id(context)
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            let firmId = try await run { try $0.people.person(id: id).person.firmId }
            try await run { try $0.people.remove(id: id, force: form["force"] == "yes", by: principal) }
            return .redirect(to: "/firms/\(firmId)", type: .normal)
        }
    }

    /// A validation failure to show in the form; anything else is the error page's.
    static func formFailure(_ error: any Error) throws -> Failure {
        let failure = Failure(error)
        guard failure.kind == .invalid || failure.kind == .conflict else { throw error }
        return failure
    }

    private func firmForm(_ firm: Firm?, schema: AttributeSchema, context: WebContext, form: FormFields? = nil, failure: Failure? = nil) async throws -> Response {
        let t = renderer.text
        func value(_ name: String, _ stored: String?) -> String { form?[name] ?? stored ?? "" }
        func role(_ role: Role) -> String {
            if let form { return form["role.\(role.rawValue)"] == "yes" ? "yes" : "" }
            return firm?.roles.contains(role) == true ? "yes" : ""
        }
        var fields = [
            FormField(name: "name", label: t["field.name"], kind: .text, value: value("name", firm?.name), required: true),
            FormField(name: "ico", label: t["field.ico"], kind: .text, value: value("ico", firm?.ico?.digits)),
            FormField(name: "dic", label: t["field.dic"], kind: .text, value: value("dic", firm?.dic.map { "\($0)" })),
            FormField(name: "role.customer", label: t["field.customer"], kind: .checkbox, value: role(.customer)),
            FormField(name: "role.prospect", label: t["field.prospect"], kind: .checkbox, value: role(.prospect)),
            FormField(name: "role.supplier", label: t["field.supplier"], kind: .checkbox, value: role(.supplier)),
            FormField(name: "street", label: t["field.street"], kind: .text, value: value("street", firm?.address.street)),
            FormField(name: "city", label: t["field.city"], kind: .text, value: value("city", firm?.address.city)),
            FormField(name: "zip", label: t["field.zip"], kind: .text, value: value("zip", firm?.address.zip)),
            FormField(name: "country", label: t["field.country"], kind: .text, value: value("country", firm?.address.country.code ?? "CZ")),
            FormField(name: "email", label: t["field.email"], kind: .email, value: value("email", firm?.email?.value)),
            FormField(name: "phone", label: t["field.phone"], kind: .tel, value: value("phone", firm?.phone)),
            FormField(name: "web", label: t["field.web"], kind: .text, value: value("web", firm?.web)),
            FormField(name: "note", label: t["field.note"], kind: .textarea, value: value("note", firm?.note)),
        ]
        fields += attributeFields(.firm, schema: schema, stored: firm?.attributes ?? [:], form: form)
        let id = firm?.id
        var values: [String: Any] = [
            "heading": id == nil ? t["firm.new"] : t["firm.edit"] + ": " + (firm?.name ?? ""),
            "action": id.map { "/firms/\($0)" } ?? "/firms", "cancel": id.map { "/firms/\($0)" } ?? "/firms",
            "removeAction": id != nil && context.identity?.role == .admin ? "/firms/\(id!)/remove" : false,
        ]
        values.merge(Self.formValues(fields, failure)) { $1 }
        return try await page("recordForm", title: values["heading"] as! String, values: values, context: context, nav: "Firms",
                              status: failure == nil ? .ok : .unprocessableContent)
    }

    private func personForm(_ person: Person?, firmId: Int64, schema: AttributeSchema, context: WebContext, form: FormFields? = nil,
                            failure: Failure? = nil) async throws -> Response {
        let t = renderer.text
        func value(_ name: String, _ stored: String?) -> String { form?[name] ?? stored ?? "" }
        let consent = form.map { $0["emailConsent"] == "yes" ? "yes" : "" } ?? ((person?.emailConsent ?? true) ? "yes" : "")
        var fields = [
            FormField(name: "titleBefore", label: t["field.titleBefore"], kind: .text, value: value("titleBefore", person?.name.titleBefore)),
            FormField(name: "first", label: t["field.first"], kind: .text, value: value("first", person?.name.first)),
            FormField(name: "last", label: t["field.last"], kind: .text, value: value("last", person?.name.last), required: true),
            FormField(name: "titleAfter", label: t["field.titleAfter"], kind: .text, value: value("titleAfter", person?.name.titleAfter)),
            FormField(name: "gender", label: t["field.gender"], kind: .select([("m", t["field.genderMale"]), ("f", t["field.genderFemale"]), ("unknown", t["field.genderUnknown"])]),
                      value: value("gender", person?.gender.rawValue ?? "unknown")),
            FormField(name: "function", label: t["field.function"], kind: .text, value: value("function", person?.function)),
            FormField(name: "email", label: t["field.email"], kind: .email, value: value("email", person?.email?.value)),
            FormField(name: "phone", label: t["field.phone"], kind: .tel, value: value("phone", person?.phone)),
            FormField(name: "mobile", label: t["field.mobile"], kind: .tel, value: value("mobile", person?.mobile)),
            FormField(name: "emailConsent", label: t["field.emailConsent"], kind: .checkbox, value: consent),
            FormField(name: "street", label: t["field.street"], kind: .text, value: value("street", person?.address?.street)),
            FormField(name: "city", label: t["field.city"], kind: .text, value: value("city", person?.address?.city)),
            FormField(name: "zip", label: t["field.zip"], kind: .text, value: value("zip", person?.address?.zip)),
            FormField(name: "note", label: t["field.note"], kind: .textarea, value: value("note", person?.note)),
        ]
        fields += attributeFields(.person, schema: schema, stored: person?.attributes ?? [:], form: form)
        let id = person?.id
        var values: [String: Any] = [
            "heading": id == nil ? t["person.new"] : t["person.edit"] + ": " + (person?.name.withTitles ?? ""),
            "action": id.map { "/persons/\($0)" } ?? "/firms/\(firmId)/persons", "cancel": id.map { "/persons/\($0)" } ?? "/firms/\(firmId)",
            "removeAction": id != nil && context.identity?.role == .admin ? "/persons/\(id!)/remove" : false,
        ]
        values.merge(Self.formValues(fields, failure)) { $1 }
        return try await page("recordForm", title: values["heading"] as! String, values: values, context: context, nav: "Firms",
                              status: failure == nil ? .ok : .unprocessableContent)
    }

    /// An editor per attribute: a code list's values, a number or a date field, or text.
    private func attributeFields(_ entity: EntityKind, schema: AttributeSchema, stored: [String: AttributeValue], form: FormFields?) -> [FormField] {
        schema.definitions(on: entity).map { definition in
            let name = "attr." + definition.name
            let value = form?[name] ?? stored[definition.name]?.description ?? ""
            let label = definition.label.isEmpty ? definition.name : definition.label
            if let list = definition.codeList {
                let options = [("", renderer.text["form.none"])] + schema.codeBook.values(of: list).filter { !$0.retired || $0.code == value }
                    .map { ($0.code, $0.label.isEmpty ? $0.code : $0.label) }
                return FormField(name: name, label: label, kind: .select(options), value: value)
            }
            switch definition.type {
            case .number: return FormField(name: name, label: label, kind: .number, value: value)
            case .date: return FormField(name: name, label: label, kind: .date, value: value)
            case .text: return FormField(name: name, label: label, kind: .text, value: value)
            }
        }
    }

    static func formValues(_ fields: [FormField], _ failure: Failure?) -> [String: Any] {
        var byField: [String: String] = [:]
        for (field, message) in failure?.fields ?? [] { byField[field] = byField[field].map { $0 + "; " + message } ?? message }
        let errors = failure.map { failure in failure.fields.isEmpty ? [failure.message] : failure.fields.map { "\($0.field): \($0.message)" } } ?? []
        return ["fields": fields.map { field in
                    field.values(error: byField[field.name] ?? byField[field.name.replacingOccurrences(of: "attr.", with: "")])
                }, "formErrors": errors, "has_formErrors": !errors.isEmpty]
    }

    static func firmInput(_ form: FormFields) -> FirmInput {
        FirmInput(name: form["name"] ?? "", ico: form["ico"] ?? "", dic: form["dic"] ?? "",
                  roles: Role.allCases.filter { form["role.\($0.rawValue)"] == "yes" }.map(\.rawValue),
                  street: form["street"] ?? "", city: form["city"] ?? "", zip: form["zip"] ?? "", country: form["country"] ?? "",
                  email: form["email"] ?? "", phone: form["phone"] ?? "", web: form["web"] ?? "", note: form["note"] ?? "",
                  attributes: attributeAssignments(form))
    }

    static func personInput(_ form: FormFields) -> PersonInput {
        PersonInput(first: form["first"] ?? "", last: form["last"] ?? "", titleBefore: form["titleBefore"] ?? "", titleAfter: form["titleAfter"] ?? "",
                    gender: form["gender"] ?? "unknown", function: form["function"] ?? "", email: form["email"] ?? "", phone: form["phone"] ?? "",
                    mobile: form["mobile"] ?? "", note: form["note"] ?? "", emailConsent: form["emailConsent"] == "yes" ? "yes" : "no",
                    attributes: attributeAssignments(form), street: form["street"] ?? "", city: form["city"] ?? "", zip: form["zip"] ?? "")
    }

    static func attributeAssignments(_ form: FormFields) -> [AttributeAssignment] {
        form.names.filter { $0.hasPrefix("attr.") }.sorted().map { AttributeAssignment(name: String($0.dropFirst(5)), raw: form[$0] ?? "") }
    }
}
