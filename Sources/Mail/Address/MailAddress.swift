// A mailbox: an optional display name and an address (RFC 5322 §3.4).

/// A mailbox as headers carry it. The address is checked strictly (a dot-atom local part and a
/// domain of letters, digits and hyphens), since it is written into headers and SMTP commands
/// as it is; the display name may be any text and is encoded when written.
///
///     try MailAddress("jana@firma.cz", name: "Jana Nováková")   // Jana Nováková <jana@firma.cz>
public struct MailAddress: Hashable, Sendable {
    public let address: String
    public let displayName: String?

    /// An internationalised domain (`jan@kavárna.cz`) is kept in its ASCII form
    /// (`jan@xn--kavrna-rta.cz`), as SMTP commands and headers carry it.
    public init(_ address: String, name: String? = nil) throws {
        let ascii = try MailAddress.asciiForm(of: address)
        try MailAddress.check(ascii)
        self.address = ascii
        let trimmed = name.map(HeaderText.sanitized)?.trimmingCharacters(in: " ")
        displayName = trimmed?.isEmpty == false ? trimmed : nil
    }

    /// The domain, for Message-IDs on the sender's own domain.
    public var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    /// Characters allowed in a dot-atom besides letters and digits (RFC 5322 atext).
    private static let atextSymbols = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    /// The address with its domain's non-ASCII labels in `xn--` form; the part before `@` stays.
    static func asciiForm(of address: String) throws -> String {
        guard !address.utf8.allSatisfy({ $0 < 0x80 }), let at = address.lastIndex(of: "@") else { return address }
        let domain = address[address.index(after: at)...]
        guard domain.unicodeScalars.contains(where: { !$0.isASCII }) else { return address }
        guard let ascii = Punycode.asciiDomain(String(domain)) else { throw MailError.invalidAddress(address, reason: "its domain cannot be written in ASCII") }
        return address[...at] + ascii
    }

    static func check(_ address: String) throws {
        func fail(_ reason: String) -> MailError { .invalidAddress(address, reason: reason) }
        let bytes = Array(address.utf8)
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")), at > 0, at < bytes.count - 1 else {
            throw fail("expected local-part@domain")
        }
        guard bytes.count <= 254 else { throw fail("it is longer than 254 characters") }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        guard local.count <= 64 else { throw fail("the part before @ is longer than 64 characters") }
        for atom in local.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard !atom.isEmpty else { throw fail("a dot may not start or end the part before @, nor follow another dot") }
            for byte in atom where !(isAlphanumeric(byte) || atextSymbols.contains(byte)) {
                throw fail(byte < 0x20 || byte == 0x7F ? "it contains a control character" : "the character \"\(String(decoding: [byte], as: UTF8.self))\" is not allowed before @")
            }
        }
        for label in domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                  label.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else {
                throw fail("the domain must be labels of letters, digits and hyphens separated by dots")
            }
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text = text.dropFirst() }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}

extension MailAddress {
    /// `Jan Novák <jan@firma.cz>`, `"Novák, Jan" <jan@firma.cz>` or a bare `jan@firma.cz`, as a
    /// template's `from` or `reply-to` renders.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: " ")
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else {
            try self.init(trimmed)
            return
        }
        let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        var name = String(trimmed[..<open]).trimmingCharacters(in: " ")
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            name = String(name.dropFirst().dropLast()).replacingBackslashEscapes
        }
        try self.init(address, name: name.isEmpty ? nil : name)
    }
}

extension String {
    var replacingBackslashEscapes: String {
        var result = ""
        var escaped = false
        for character in self {
            if escaped { result.append(character); escaped = false } else if character == "\\" { escaped = true } else { result.append(character) }
        }
        return result
    }
}
