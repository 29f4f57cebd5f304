// The page templates, compiled once at start-up. Mustache escapes every {{value}} for HTML
// (quotes included, so values are safe in attributes too); no template uses {{{raw}}}.

import Mustache

enum Templates {
    static let all: [String: String] = [
        "layout": layout, "login": login, "error": error, "day": day, "firms": firms, "firm": firm, "person": person,
        "search": search, "timeline": timeline, "changes": changes, "logForm": logForm, "admin": admin,
        "recordForm": recordForm, "adminNav": adminNav, "adminReferents": adminReferents, "adminCodeLists": adminCodeLists,
        "adminAttributes": adminAttributes, "adminSettings": adminSettings, "mail": mail,
    ]

    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in all { try library.register(text, named: name) }
        return library
    }
}
