// Quoted-printable (RFC 2045 §6.7) for the text parts: readable where the text is ASCII, with
// every line within 76 characters whatever the input.

enum QuotedPrintable {
    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Encodes text whose lines end in LF, CRLF or CR; the output's lines end in CRLF.
    ///
    /// Besides what the RFC requires (`=`, bytes outside printable ASCII, spaces and tabs at
    /// the end of a line), a `.` or the `F` of `From ` at the start of a text line is encoded,
    /// so no transport can take the line for the end of the message or mangle it into `>From`.
    static func appendEncoded(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            output.reserveCapacity(output.count + bytes.count + bytes.count / 2)
            var lineLength = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == 0x0D || byte == 0x0A {
                    output.append(0x0D); output.append(0x0A)
                    lineLength = 0
                    index += byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
                    continue
                }
                let atLineStart = lineLength == 0
                var escape = byte == 0x3D || byte > 0x7E || (byte < 0x20 && byte != 0x09)
                if !escape, byte == 0x20 || byte == 0x09 {
                    escape = index + 1 == count || bytes[index + 1] == 0x0D || bytes[index + 1] == 0x0A
                }
                if !escape, atLineStart {
                    escape = byte == 0x2E || (byte == 0x46 && index + 4 < count && bytes[index + 1] == 0x72 && bytes[index + 2] == 0x6F
                                              && bytes[index + 3] == 0x6D && bytes[index + 4] == 0x20)
                }
                let width = escape ? 3 : 1
                // A soft line break keeps every line at most 76 characters, `=` included.
                if lineLength + width > 75 {
                    output.append(0x3D); output.append(0x0D); output.append(0x0A)
                    lineLength = 0
                }
                if escape {
                    output.append(0x3D); output.append(hex[Int(byte >> 4)]); output.append(hex[Int(byte & 15)])
                } else {
                    output.append(byte)
                }
                lineLength += width
                index += 1
            }
        }
    }
}
