// Quoted-printable (RFC 2045 §6.7) for the text parts: readable where the text is ASCII, with
// every line within 76 characters whatever the input.

enum QuotedPrintable {
    /// Encodes text whose lines end in LF, CRLF or CR; the output's lines end in CRLF.
    ///
    /// Besides what the RFC requires (`=`, bytes outside printable ASCII, spaces and tabs at
    /// the end of a line), a `.` or the `F` of `From ` at the start of a text line is encoded,
    /// so no transport can take the line for the end of the message or mangle it into `>From`.
    static func appendEncoded(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            // At worst every byte is escaped (3 octets) with a soft break after each 25, or is a
            // lone CR or LF that becomes CRLF: 4 octets per input byte always suffice.
            let encoded = [UInt8](unsafeUninitializedCapacity: count * 4) { out, written in
                var lineLength = 0
                var index = 0
                var end = 0
                while index < count {
                    let byte = bytes[index]
                    if byte == 0x0D || byte == 0x0A {
                        out[end] = 0x0D; out[end + 1] = 0x0A; end += 2
                        lineLength = 0
                        index += byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
                        continue
                    }
                    var escape = byte == 0x3D || byte > 0x7E || (byte < 0x20 && byte != 0x09)
                    if !escape, byte == 0x20 || byte == 0x09 {
                        escape = index + 1 == count || bytes[index + 1] == 0x0D || bytes[index + 1] == 0x0A
                    }
                    if !escape, lineLength == 0 {
                        escape = byte == 0x2E || (byte == 0x46 && index + 4 < count && bytes[index + 1] == 0x72 && bytes[index + 2] == 0x6F
                                                  && bytes[index + 3] == 0x6D && bytes[index + 4] == 0x20)
                    }
                    let width = escape ? 3 : 1
                    // A soft line break keeps every line at most 76 characters, `=` included.
                    if lineLength + width > 75 {
                        out[end] = 0x3D; out[end + 1] = 0x0D; out[end + 2] = 0x0A; end += 3
                        lineLength = 0
                    }
                    if escape {
                        out[end] = 0x3D; out[end + 1] = hexDigit(byte >> 4); out[end + 2] = hexDigit(byte & 15); end += 3
                    } else {
                        out[end] = byte; end += 1
                    }
                    lineLength += width
                    index += 1
                }
                written = end
            }
            output += encoded
        }
    }

    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x37 + nibble }
}
