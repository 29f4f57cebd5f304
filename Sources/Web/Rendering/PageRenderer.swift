// Pages from templates: the values every page needs (the user, the CSRF token, the asset
// version) merged with the page's own, rendered by Mustache, which escapes each value.

import Hummingbird
import Mustache
import NIOCore
import Store
import Workspace

struct PageRenderer: Sendable {
    let library: MustacheLibrary
    /// The words, for sentences the routes put together (the templates have theirs built in).
    let text: UIText
    let fragments = FragmentCache()

    init(text: UIText = .czech) throws {
        library = try Templates.library(words: text)
        self.text = text
    }

    /// A template rendered as a part of a page, kept while the records stand at `version`;
    /// `values` is called only when it has to be rendered.
    func fragment(_ template: String, key: String, version: StoreVersion, values: () -> [String: Any]) -> RenderedHTML {
        fragments.fragment(template + "|" + key, at: version) { library.render(values(), withTemplate: template) ?? "" }
    }

    /// The version in asset URLs: a change of the stylesheet or script changes it, so browsers
    /// may cache them for a year.
    static let assetVersion: String = {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in (StyleSheet.css + Script.javaScript).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return String(hash, radix: 36)
    }()

    func page(_ template: String, title: String, values: [String: Any], context: WebContext, csrf: String,
              nav: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        var all = values
        all["lang"] = text.language
        all["title"] = title
        all["assetVersion"] = Self.assetVersion
        all["csrf"] = csrf
        if let user = context.identity {
            all["user"] = true
            all["login"] = user.login
            all["isAdmin"] = user.role == .admin
        }
        if let nav { all["nav" + nav] = true }
        let html = library.render(all, withTemplate: template) ?? ""
        return Self.html(html, status: status)
    }

    /// A capped count as pages write it: "1 234", or "více než 1 000" past the cap.
    func countText(_ count: CappedCount) -> String {
        count.isCapped ? text["firms.more"] : Presentation.number(count.value)
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
