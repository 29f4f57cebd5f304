// Finds e-mail addresses in free text (a bounce's words, a header value): the characters around
// each `@` that an address may hold, a domain with a dot, lower-cased.

enum AddressScanner {
    static func addresses(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var found: [String] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "@" else { index += 1; continue }
            var start = index
            while start > 0, isLocal(scalars[start - 1]) { start -= 1 }
            var end = index + 1
            while end < scalars.count, isDomain(scalars[end]) { end += 1 }
            var local = String(String.UnicodeScalarView(scalars[start..<index]))
            var domain = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            while local.hasPrefix(".") || local.hasPrefix("=") || local.hasPrefix("-") || local.hasPrefix("'") || local.hasPrefix("`") { local.removeFirst() }
            // Exchange writes `SMTP:x@y` and `smtp=x@y`.
            if local.lowercased().hasPrefix("smtp=") { local.removeFirst(5) }
            while domain.hasSuffix(".") || domain.hasSuffix("-") { domain.removeLast() }
            if !local.isEmpty, domain.contains("."), !domain.hasPrefix("."), !domain.contains(".."),
               let tld = domain.split(separator: ".").last, tld.count >= 2, tld.allSatisfy({ $0.isLetter }) {
                found.append((local + "@" + domain).lowercased())
            }
            index = end
        }
        return found
    }

    private static func isLocal(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._%+-=!#$&'*/?^`{|}~".unicodeScalars.contains(scalar)) && scalar != "@"
    }

    private static func isDomain(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-"
    }
}
