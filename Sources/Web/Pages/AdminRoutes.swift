// /admin/…: users, referents, code lists, attributes and settings. Every route asks the
// workspace, whose policy refuses anyone but an admin — a crafted request from a sales user gets
// the same 403 as the missing link.

import CRM
import Hummingbird
import Store
import Workspace

extension Site {
    func addAdmin(to pages: RouterGroup<WebContext>) {
        pages.get("admin") { _, _ -> Response in .redirect(to: "/admin/users", type: .found) }
        pages.get("admin/users") { request, context -> Response in
            try await usersPage(context: context, notice: FormFields(query: request)["notice"].map(adminNotice))
        }
        pages.post("admin/users") { request, context -> Response in
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            let role = UserRole(rawValue: form["role"] ?? "") ?? .sales
            do {
                try await run { try $0.accounts.add(login: form.text("login") ?? "", referent: form["referent"] ?? "", role: role,
                                                     password: form["password"] ?? "", by: principal) }
            } catch {
                return try await usersPage(context: context, error: try Site.formFailure(error).message)
            }
            return .redirect(to: "/admin/users?notice=saved", type: .normal)
        }
        pages.post("admin/users/:login/:action") { request, context -> Response in
            let login = try Site.parameter(context, "login")
            let action = try context.parameters.require("action")
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            switch action {
            case "disable", "enable": try await run { try $0.accounts.setDisabled(action == "disable", login: login, by: principal) }
            case "role":
                guard let role = UserRole(rawValue: form["role"] ?? "") else { throw HTTPError(.unprocessableContent, message: "role is admin or sales") }
                try await run { try $0.accounts.setRole(role, login: login, by: principal) }
            case "token":
                let token = try await run { try $0.accounts.issueToken(login: login, by: principal) }
                return try await usersPage(context: context, newToken: token)
            default: throw HTTPError(.notFound)
            }
            return .redirect(to: "/admin/users?notice=saved", type: .normal)
        }
        pages.get("admin/referents") { request, context -> Response in
            try await adminPage("adminReferents", tab: "Referents", context: context, notice: FormFields(query: request)["notice"].map(adminNotice))
        }
        pages.post("admin/referents") { request, context -> Response in
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            return try await adminChange("adminReferents", tab: "Referents", back: "/admin/referents", context: context) {
                try $0.catalog.addReferent(code: form.text("code") ?? "", name: form.text("name") ?? "", email: form.text("email"), by: principal)
            }
        }
        pages.post("admin/referents/:code/:action") { request, context -> Response in
            let code = try Site.parameter(context, "code")
            let active = try context.parameters.require("action") == "activate"
            _ = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            return try await adminChange("adminReferents", tab: "Referents", back: "/admin/referents", context: context) {
                try $0.catalog.setReferentActive(active, code: code, by: principal)
            }
        }
        pages.get("admin/codelists") { request, context -> Response in
            try await adminPage("adminCodeLists", tab: "Codelists", context: context, notice: FormFields(query: request)["notice"].map(adminNotice))
        }
        pages.post("admin/codelists") { request, context -> Response in
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            return try await adminChange("adminCodeLists", tab: "Codelists", back: "/admin/codelists", context: context) {
                try $0.catalog.addCodeList(name: form.text("name") ?? "", label: form.text("label") ?? "", by: principal)
            }
        }
        pages.post("admin/codelists/:list") { request, context -> Response in
            let list = try Site.parameter(context, "list")
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            return try await adminChange("adminCodeLists", tab: "Codelists", back: "/admin/codelists", context: context) {
                try $0.catalog.addCodeValue(list: list, code: form.text("code") ?? "", label: form.text("label") ?? "", outcome: form.text("outcome"), by: principal)
            }
        }
        pages.post("admin/codelists/:list/:code") { request, context -> Response in
            let list = try Site.parameter(context, "list"), code = try Site.parameter(context, "code")
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            return try await adminChange("adminCodeLists", tab: "Codelists", back: "/admin/codelists", context: context) {
                try $0.catalog.editCodeValue(list: list, code: code, label: form.text("label") ?? "", by: principal)
            }
        }
        pages.post("admin/codelists/:list/:code/:action") { request, context -> Response in
            let list = try Site.parameter(context, "list"), code = try Site.parameter(context, "code")
            let retire = try context.parameters.require("action") == "retire"
            _ = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            return try await adminChange("adminCodeLists", tab: "Codelists", back: "/admin/codelists", context: context) {
                try $0.catalog.setCodeValueRetired(retire, list: list, code: code, by: principal)
            }
        }
        pages.get("admin/attributes") { request, context -> Response in
            try await adminPage("adminAttributes", tab: "Attributes", context: context, notice: FormFields(query: request)["notice"].map(adminNotice))
        }
        pages.post("admin/attributes") { request, context -> Response in
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            let entity = EntityKind(rawValue: form["entity"] ?? "") ?? .firm
            let type = AttributeType(rawValue: form["type"] ?? "") ?? .text
            return try await adminChange("adminAttributes", tab: "Attributes", back: "/admin/attributes", context: context) {
                try $0.catalog.defineAttribute(name: form.text("name") ?? "", on: entity, type: type, codeList: form.text("codeList"),
                                               label: form.text("label") ?? "", by: principal)
            }
        }
        pages.post("admin/attributes/:entity/:name") { request, context -> Response in
            guard let entity = EntityKind(rawValue: try context.parameters.require("entity")) else { throw HTTPError(.notFound) }
            let name = try Site.parameter(context, "name")
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            return try await adminChange("adminAttributes", tab: "Attributes", back: "/admin/attributes", context: context) {
                try $0.catalog.editAttribute(name: name, on: entity, label: form.text("label") ?? "", by: principal)
            }
        }
        pages.get("admin/settings") { request, context -> Response in
            try await adminPage("adminSettings", tab: "Settings", context: context, notice: FormFields(query: request)["notice"].map(adminNotice))
        }
        pages.post("admin/settings") { request, context -> Response in
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            return try await adminChange("adminSettings", tab: "Settings", back: "/admin/settings", context: context) {
                try $0.catalog.setSetting(form["key"] ?? "", form["value"], by: principal)
            }
        }
    }

    private func adminNotice(_ key: String) -> String { key == "saved" ? renderer.text["form.saved"] : "" }

    /// Runs a change and goes back to its page, or shows the page again with the sentence.
    private func adminChange(_ template: String, tab: String, back: String, context: WebContext,
                             _ change: @escaping @Sendable (Workspace) throws -> Void) async throws -> Response {
        do {
            try await run(change)
        } catch {
            let failure = Failure(error)
            guard failure.kind != .forbidden, failure.kind != .failed else { throw error }
            return try await adminPage(template, tab: tab, context: context, error: failure.message, status: Site.status(of: failure.kind))
        }
        return .redirect(to: back + "?notice=saved", type: .normal)
    }

    private func usersPage(context: WebContext, notice: String? = nil, error: String? = nil, newToken: String? = nil) async throws -> Response {
        let principal = try context.principal
        let users = try await run { try $0.accounts.list(by: principal) }
        let referents = try await run { try $0.catalog.referents() }.filter(\.active)
        var values: [String: Any] = [
            "users": users.map { user in
                Presentation.compact(["login": user.login, "referent": user.referent, "role": user.role.rawValue, "disabled": user.disabled ? true : nil,
                                      "otherRole": user.role == .admin ? "sales" : "admin"])
            },
            "referents": referents.map { ["code": $0.code, "name": $0.name] },
            "tabUsers": true, "notice": notice ?? false, "error": error ?? false, "newToken": newToken ?? false,
        ]
        if newToken != nil { values["notice"] = false }
        return try await page("admin", title: renderer.text["admin.title"], values: values, context: context, nav: "Admin",
                              status: error == nil ? .ok : .unprocessableContent)
    }

    private func adminPage(_ template: String, tab: String, context: WebContext, notice: String? = nil, error: String? = nil,
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = try context.principal
        _ = try await run { try $0.accounts.list(by: principal) }  // refuses anyone but an admin
        var values: [String: Any] = ["tab" + tab: true, "notice": notice ?? false, "error": error ?? false]
        switch template {
        case "adminReferents":
            values["referents"] = try await run { try $0.catalog.referents() }.map { referent in
                Presentation.compact(["code": referent.code, "name": referent.name, "email": referent.email?.value, "active": referent.active ? true : nil])
            }
        case "adminCodeLists", "adminAttributes":
            let lists = try await run { try $0.catalog.codeLists() }
            values["lists"] = lists.map { list -> [String: Any] in
                ["name": list.name, "title": list.label.isEmpty ? list.name : list.label,
                 "values": list.values.map { value in
                     Presentation.compact(["list": list.name, "code": value.code, "label": value.label, "outcome": value.outcome?.rawValue,
                                           "retired": value.retired ? true : nil])
                 }]
            }
            if template == "adminAttributes" {
                values["attributes"] = try await run { try $0.catalog.attributes() }.map { definition in
                    Presentation.compact(["name": definition.name, "entity": definition.entity.rawValue, "type": definition.type.rawValue,
                                          "codeList": definition.codeList, "label": definition.label])
                }
            }
        case "adminSettings":
            values["settings"] = try await run { try $0.catalog.settings() }.map { setting in
                Presentation.compact(["key": setting.key, "value": setting.value, "meaning": setting.meaning])
            }
        default: break
        }
        return try await page(template, title: renderer.text["admin.title"], values: values, context: context, nav: "Admin", status: status)
    }
}
