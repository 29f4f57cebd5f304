// Message-IDs and MIME boundaries: unique without coordination.

import Synchronization

enum MessageID {
    /// 96 random bits drawn once per process: with the counter below, every Message-ID is
    /// unique across processes and machines without a system call per message.
    static let processToken: String = {
        var generator = SystemRandomNumberGenerator()
        return hex(generator.next()) + String(hex(generator.next()).prefix(8))
    }()

    private static let counter = Atomic<UInt64>(0)

    /// `<random token.counter@domain>`, on the sender's domain as RFC 5322 §3.6.4 recommends.
    static func make(domain: String) -> String {
        let sequence = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return "<\(processToken).\(String(sequence, radix: 36))@\(domain)>"
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

enum Boundary {
    /// `=_` cannot occur in quoted-printable (which writes `=` as `=3D`) nor in base64, so a
    /// boundary that starts with it never collides with a part's content; the two levels of
    /// a message (mixed, alternative) differ in their last word, and neither is a prefix of the
    /// other.
    static let mixed = "=_kontakt_" + MessageID.processToken + "_mixed"
    static let alternative = "=_kontakt_" + MessageID.processToken + "_alt"
}

/// MIME parameter values (RFC 2045 §5.1, RFC 2231): a quoted string when plain and short,
/// else `name*0*=utf-8''…` percent-encoded pieces that fold between them.
enum ParameterValue {
    /// RFC 5987 attr-char: what may stand unencoded in an extended value.
    private static let attributeCharacters = Set("!#$&+-.^_`|~".utf8)

    static func words(_ name: String, _ value: String) -> [String] {
        if HeaderText.isPlain(value), value.utf8.count <= 60 {
            var quoted = "\""
            for character in value {
                if character == "\"" || character == "\\" { quoted.append("\\") }
                quoted.append(character)
            }
            return ["\(name)=\(quoted)\""]
        }
        var pieces: [String] = []
        var current = ""
        // Pieces break between characters: readers decode each piece on its own, so a
        // character's bytes must not be split across two.
        for character in value {
            var encoded = ""
            for byte in String(character).utf8 {
                if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || attributeCharacters.contains(byte) {
                    encoded.unicodeScalars.append(UnicodeScalar(byte))
                } else {
                    encoded += "%" + String(MessageID.hex(UInt64(byte)).suffix(2)).uppercased()
                }
            }
            if current.utf8.count + encoded.utf8.count > 50, !current.isEmpty {
                pieces.append(current)
                current = ""
            }
            current += encoded
        }
        if !current.isEmpty || pieces.isEmpty { pieces.append(current) }
        if pieces.count == 1 { return ["\(name)*=utf-8''\(pieces[0])"] }
        return pieces.enumerated().map { index, piece in
            let value = index == 0 ? "utf-8''\(piece)" : piece
            return "\(name)*\(index)*=\(value)" + (index < pieces.count - 1 ? ";" : "")
        }
    }
}
