// An e-mail address checked by the rule the mail layer sends by: what the CRM accepts, a
// campaign can send to, so no address is found wanting in the middle of a rendering.

/// A validated address `local@domain`, without display name, spaces or control characters.
///
/// The part before `@` is an RFC 5322 dot-atom of ASCII letters, digits and `!#$%&'*+-/=?^_`{|}~`
/// (an address like `ä@firma.cz` needs SMTPUTF8, which few servers offer). The domain is
/// labels of letters, digits and hyphens; an internationalised domain (`kavárna.cz`) is
/// accepted and sent in its ASCII form (`xn--kavrna-rta.cz`), but not invisible characters
/// (zero-width spaces) nor a label that mixes scripts (a Cyrillic `а` among Latin letters, the
/// classic look-alike). The check runs over UTF-8 bytes first: imports validate one address per row.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ text: String, field: String = "email") throws {
        let trimmed = text.trimmingSpaces
        if let problem = EmailAddress.problem(in: trimmed) {
            throw ValidationError(field: field, message: "\"\(text)\" is not an e-mail address: \(problem)")
        }
        value = trimmed
    }

    /// An address read back from the database, where only validated addresses are written:
    /// lists of 100,000 persons need not check each one again.
    public init(stored value: String) { self.value = value }

    private static let atextSymbols: Set<UInt8> = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    /// What is wrong with an address, or nil.
    static func problem(in text: String) -> String? {
        let bytes = Array(text.utf8)
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")), at > 0, at < bytes.count - 1, bytes.firstIndex(of: UInt8(ascii: "@")) == at else {
            return "expected name@domain.tld"
        }
        guard bytes.count <= 254 else { return "it is longer than 254 characters" }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        guard local.count <= 64 else { return "the part before @ is longer than 64 characters" }
        for atom in local.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard !atom.isEmpty else { return "a dot may not start or end the part before @, nor follow another dot" }
            for byte in atom where !(isAlphanumeric(byte) || atextSymbols.contains(byte)) {
                if byte < 0x20 || byte == 0x7F { return "it contains a control character" }
                if byte >= 0x80 { return "the part before @ has letters outside ASCII, which most mail servers refuse" }
                return "the character \"\(String(decoding: [byte], as: UTF8.self))\" is not allowed before @"
            }
        }
        if domain.allSatisfy({ $0 < 0x80 }) { return asciiDomainProblem(domain) }
        return internationalDomainProblem(String(decoding: domain, as: UTF8.self))
    }

    private static func asciiDomainProblem(_ domain: ArraySlice<UInt8>) -> String? {
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "the domain needs a dot (name@domain.tld)" }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                  label.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else {
                return "the domain must be labels of letters, digits and hyphens separated by dots"
            }
        }
        guard let tld = labels.last, tld.count >= 2, tld.contains(where: { !(0x30...0x39).contains($0) }) else {
            return "the domain ends in \"\(String(decoding: labels.last ?? [], as: UTF8.self))\", which is no top-level domain"
        }
        return nil
    }

    /// Scripts a domain label's letters may come from, one per label.
    private enum Script { case latin, cyrillic, greek, other }

    private static func script(of scalar: Unicode.Scalar) -> Script {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
        case 0x400...0x52F: return .cyrillic
        default: return .other
        }
    }

    private static func internationalDomainProblem(_ domain: String) -> String? {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "the domain needs a dot (name@domain.tld)" }
        for label in labels {
            guard !label.isEmpty, label.first != "-", label.last != "-" else {
                return "the domain must be labels of letters, digits and hyphens separated by dots"
            }
            var scripts = Set<Script>()
            for scalar in label.unicodeScalars {
                if scalar.properties.generalCategory == .format || scalar.properties.isWhitespace || scalar.properties.isDefaultIgnorableCodePoint {
                    return "the domain contains an invisible character (U+\(String(scalar.value, radix: 16, uppercase: true)))"
                }
                if scalar == "-" || (scalar.isASCII && isAlphanumeric(UInt8(scalar.value))) {
                    if scalar.isASCII, scalar.properties.isAlphabetic { scripts.insert(.latin) }
                    continue
                }
                guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
                    return "the character \"\(scalar)\" is not allowed in a domain"
                }
                if scalar.properties.isAlphabetic { scripts.insert(script(of: scalar)) }
            }
            if scripts.count > 1 {
                return "the domain label \"\(label)\" mixes letters of different scripts (a look-alike of another domain?)"
            }
        }
        return nil
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    public var description: String { value }
}
