// Quoted-printable (RFC 2045 §6.7) for the text parts: readable where the text is ASCII, with
// every line within 76 characters whatever the input.

enum QuotedPrintable {
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Encodes text whose lines end in LF, CRLF or CR; the output's lines end in CRLF.
    ///
    /// Besides what the RFC requires (`=`, bytes outside printable ASCII, spaces and tabs at
    /// the end of a line), a `.` or the `F` of `From ` at the start of a line is encoded, so
    /// no transport can take the line for the end of the message or mangle it into `>From`.
    static func appendEncoded(_ text: String, to output: inout [UInt8]) {
        let bytes = Array(text.utf8)
        var lineLength = 0
        var index = 0
        func emit(_ piece: [UInt8]) {
            // A soft line break keeps every line at most 76 characters, `=` included.
            if lineLength + piece.count > 75 {
                output += [UInt8(ascii: "="), 0x0D, 0x0A]
                lineLength = 0
            }
            output += piece
            lineLength += piece.count
        }
        func escaped(_ byte: UInt8) -> [UInt8] { [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 15)]] }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D || byte == 0x0A {
                output += [0x0D, 0x0A]
                lineLength = 0
                index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                continue
            }
            let atLineStart = lineLength == 0
            let nextIsLineEnd = index + 1 == bytes.count || bytes[index + 1] == 0x0D || bytes[index + 1] == 0x0A
            let startsFrom = atLineStart && byte == UInt8(ascii: "F") && bytes[index...].starts(with: Array("From ".utf8))
            if byte == UInt8(ascii: "=") || byte > 0x7E || (byte < 0x20 && byte != 0x09)
                || ((byte == 0x20 || byte == 0x09) && nextIsLineEnd)
                || (atLineStart && byte == UInt8(ascii: ".")) || startsFrom {
                emit(escaped(byte))
            } else {
                emit([byte])
            }
            index += 1
        }
    }
}
