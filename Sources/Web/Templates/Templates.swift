// The page templates, compiled once at start-up. Mustache escapes every {{value}} for HTML
// (quotes included, so values are safe in attributes too). The only {{{unescaped}}} values are
// {{{…HTML}}}: parts of pages our own templates rendered (RenderedHTML), escaped there.

import Mustache

enum Templates {
    static let all: [String: String] = [
        "layout": layout, "login": login, "error": error, "day": day, "firms": firms, "firm": firm, "person": person,
        "search": search, "timeline": timeline, "changes": changes, "logForm": logForm, "admin": admin,
        "recordForm": recordForm, "adminNav": adminNav, "adminReferents": adminReferents, "adminCodeLists": adminCodeLists,
        "adminAttributes": adminAttributes, "adminSettings": adminSettings, "mail": mail, "unsubscribe": unsubscribe,
        "campaigns": campaigns, "campaignNew": campaignNew, "campaign": campaign, "campaignRecipient": campaignRecipient,
        "segments": segments, "segmentEditor": segmentEditor, "reports": reports, "report": report, "print": print, "history": history,
        "templates": templates, "templateEditor": templateEditor,
        "import": importUpload, "importCheck": importCheck, "importHidden": importHidden, "importDone": importDone,
    ]

    /// The templates with their words put in: `{{t.log.kind}}` becomes the (escaped) words of
    /// the language once, at start-up, instead of a lookup through the context at every use.
    static func library(words: UIText) throws -> MustacheLibrary {
        MustacheContentTypes.register(KontaktHTML(), named: KontaktHTML.name)
        var library = MustacheLibrary()
        // Every template (partials too, which start afresh) escapes with KontaktHTML.
        for (name, text) in all { try library.register("{{% CONTENT_TYPE: \(KontaktHTML.name)}}" + withWords(text, words), named: name) }
        return library
    }

    static func withWords(_ template: String, _ words: UIText) -> String {
        var output = ""
        var rest = template[...]
        while let start = rest.range(of: "{{t.") {
            output += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "}}") else { break }
            let key = String(rest[start.upperBound ..< end.lowerBound])
            output += HTMLEscaping.escape(words[key])
            rest = rest[end.upperBound...]
        }
        return output + rest
    }
}
