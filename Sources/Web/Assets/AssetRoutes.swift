// The stylesheet and the script, from the binary, cacheable for a year: their URLs carry a
// version that changes with their content.

import Hummingbird
import NIOCore

enum AssetRoutes {
    static func add(to router: Router<WebContext>) {
        router.get("assets/app.css") { _, _ in asset(StyleSheet.css, type: "text/css; charset=utf-8") }
        router.get("assets/app.js") { _, _ in asset(Script.javaScript, type: "text/javascript; charset=utf-8") }
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=31536000, immutable"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
