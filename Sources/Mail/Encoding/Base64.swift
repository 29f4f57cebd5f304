// Base64 (RFC 4648) for encoded-words and attachment bodies, written straight into bytes.

enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((input.count + 2) / 3 * 4)
        append(input[...], to: &output)
        return output
    }

    /// Base64 in lines of 76 characters, each ended by CRLF (RFC 2045 §6.8).
    static func appendLines(_ input: [UInt8], to output: inout [UInt8]) {
        var start = 0
        while start < input.count {
            let end = min(start + 57, input.count) // 57 bytes are 76 characters
            append(input[start..<end], to: &output)
            output += [0x0D, 0x0A]
            start = end
        }
    }

    private static func append(_ input: ArraySlice<UInt8>, to output: inout [UInt8]) {
        var index = input.startIndex
        while index + 3 <= input.endIndex {
            let value = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            output += [alphabet[Int(value >> 18)], alphabet[Int(value >> 12 & 63)], alphabet[Int(value >> 6 & 63)], alphabet[Int(value & 63)]]
            index += 3
        }
        let rest = input.endIndex - index
        if rest == 1 {
            let value = UInt32(input[index]) << 16
            output += [alphabet[Int(value >> 18)], alphabet[Int(value >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let value = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8
            output += [alphabet[Int(value >> 18)], alphabet[Int(value >> 12 & 63)], alphabet[Int(value >> 6 & 63)], UInt8(ascii: "=")]
        }
    }
}
