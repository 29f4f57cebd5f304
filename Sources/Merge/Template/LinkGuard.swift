// Links whose target a merged value begins: `[Smlouva]({{contract.url}})` must not become a
// `javascript:` or `data:` link when the value is one. Such targets keep only the http, https
// and mailto schemes; any other becomes `#`. Targets that begin with the template's own text
// (`https://firma.cz/?id={{person.id}}`) fix their scheme themselves and are left alone.

enum LinkGuard {
    /// Put before a merged value that starts an `href` or `src` attribute in the HTML part.
    /// Merged values are HTML-escaped, so no value can contain it: only the template's own
    /// attributes carry it.
    static let marker = "<kontakt-link>"

    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The HTML template with the marker before every merge tag that starts a link target.
    static func marking(_ html: String) -> String {
        var result = ""
        // The template's own text cannot carry the marker: raw HTML in the Markdown could.
        var rest = Substring(html.contains(marker) ? html.replacingOccurrences(of: marker, with: "&lt;kontakt-link&gt;") : html)
        while let attribute = nextTarget(in: rest) {
            result += rest[..<attribute]
            rest = rest[attribute...]
            // Past `href="` (or `src="`) and any spaces, a merge tag decides the scheme.
            let quote = rest.firstIndex(of: "\"")!
            result += rest[...quote]
            rest = rest[rest.index(after: quote)...]
            let spaces = rest.prefix { $0 == " " }
            result += spaces
            rest = rest.dropFirst(spaces.count)
            if rest.hasPrefix("{{") { result += marker }
        }
        return result + rest
    }

    private static func nextTarget(in text: Substring) -> Substring.Index? {
        [text.firstRange(of: "href=\""), text.firstRange(of: "src=\"")].compactMap { $0?.lowerBound }.min()
    }

    /// A rendered HTML part with each marked target checked and the markers removed.
    static func guarding(_ html: String) -> String {
        guard html.contains(marker) else { return html }
        var result = ""
        var rest = Substring(html)
        while let found = rest.firstRange(of: marker) {
            result += rest[..<found.lowerBound]
            rest = rest[found.upperBound...]
            let end = rest.firstIndex(of: "\"") ?? rest.endIndex
            let target = rest[..<end]
            result += isSafe(target) ? String(target) : "#"
            rest = rest[end...]
        }
        return result + rest
    }

    /// A target without a scheme (a relative link) or with an allowed one. Browsers drop tabs,
    /// line breaks and leading spaces in URLs (`java\tscript:`), so those are not counted.
    static func isSafe(_ target: Substring) -> Bool {
        let letters = target.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        var scheme = ""
        for scalar in letters {
            if scalar == ":" { return allowedSchemes.contains(scheme.lowercased()) }
            if scalar == "/" || scalar == "?" || scalar == "#" { return true }
            scheme.unicodeScalars.append(scalar)
        }
        return true
    }
}
