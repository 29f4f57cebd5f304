// The text encodings of spreadsheets people hand us: UTF-8, and the Windows-1250 and
// ISO-8859-2 files that Czech Excel and older systems write.

/// A supported file encoding, with detection and conversion to and from UTF-8 bytes.
///
///     let encoding = TextEncoding.detect(bytes)          // .windows1250 for a Czech Excel CSV
///     let utf8 = try encoding.utf8Bytes(from: bytes)
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case windows1250 = "windows-1250"
    case iso88592 = "iso-8859-2"
    /// Excel's "Unicode text" (UTF-16 little-endian with a BOM, tab-separated), and its
    /// big-endian twin; read, never written.
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"

    /// Accepts the usual spellings: `utf8`, `cp1250`, `win1250`, `latin2`, `iso8859-2` …
    public init(parsing text: String) throws {
        let key = text.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "utf8": self = .utf8
        case "windows1250", "cp1250", "win1250", "1250": self = .windows1250
        case "iso88592", "latin2", "l2", "iso885921987": self = .iso88592
        case "utf16", "utf16le", "unicode": self = .utf16le
        case "utf16be": self = .utf16be
        default:
            throw InterchangeError.usage("\"\(text)\" is not a supported encoding: expected auto, utf-8, windows-1250, iso-8859-2 or utf-16")
        }
    }

    /// UTF-8 when the bytes are valid UTF-8 (with or without BOM). Otherwise Windows-1250,
    /// unless no byte falls in 0x80–0x9F (controls in ISO-8859-2) while the bytes of š, ž or ť
    /// in ISO-8859-2 do occur: then ISO-8859-2.
    public static func detect(_ bytes: [UInt8]) -> TextEncoding {
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16le }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16be }
        if isValidUTF8(bytes) { return .utf8 }
        var seenC1 = false
        var seenLatin2Letters = false
        for byte in bytes where byte >= 0x80 {
            if byte <= 0x9F { seenC1 = true }
            if [0xA9, 0xAB, 0xAE, 0xB9, 0xBB, 0xBE].contains(byte) { seenLatin2Letters = true }
        }
        return !seenC1 && seenLatin2Letters ? .iso88592 : .windows1250
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// The text as UTF-8 bytes without a BOM. A byte the code page leaves undefined is an
    /// error naming its line.
    public func utf8Bytes(from bytes: [UInt8]) throws -> [UInt8] {
        switch self {
        case .utf16le, .utf16be:
            return try TextEncoding.utf8(fromUTF16: bytes, littleEndian: self == .utf16le)
        case .utf8:
            guard TextEncoding.isValidUTF8(bytes) else {
                let line = TextEncoding.firstInvalidUTF8Line(bytes)
                throw InterchangeError.encoding("line \(line) is not valid UTF-8; if the file comes from Excel on Windows, try --encoding windows-1250")
            }
            return bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        case .windows1250, .iso88592:
            let table = self == .windows1250 ? CodePages.windows1250 : CodePages.iso88592
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 8)
            var line = 1
            for byte in bytes {
                if byte == 0x0A { line += 1 }
                if byte < 0x80 { output.append(byte); continue }
                let scalar = table[Int(byte - 0x80)]
                guard scalar != 0, let unicode = Unicode.Scalar(scalar) else {
                    throw InterchangeError.encoding("line \(line) has the byte 0x\(String(byte, radix: 16, uppercase: true)), which \(rawValue) does not define")
                }
                output.append(contentsOf: String(Character(unicode)).utf8)
            }
            return output
        }
    }

    /// The text in this encoding; characters the code page lacks are reported with their line.
    public func encode(_ text: String) throws -> [UInt8] {
        switch self {
        case .utf8, .utf16le, .utf16be: return Array(text.utf8)
        case .windows1250, .iso88592:
            let reverse = self == .windows1250 ? TextEncoding.windows1250Reverse : TextEncoding.iso88592Reverse
            var output: [UInt8] = []
            output.reserveCapacity(text.utf8.count)
            var line = 1
            for scalar in text.unicodeScalars {
                if scalar == "\n" { line += 1 }
                if scalar.value < 0x80 { output.append(UInt8(scalar.value)); continue }
                guard let byte = reverse[scalar.value] else {
                    throw InterchangeError.encoding("line \(line): the character \"\(Character(scalar))\" cannot be written in \(rawValue); use --encoding utf-8")
                }
                output.append(byte)
            }
            return output
        }
    }

    private static let windows1250Reverse = reverseTable(CodePages.windows1250)
    private static let iso88592Reverse = reverseTable(CodePages.iso88592)

    private static func reverseTable(_ table: [UInt32]) -> [UInt32: UInt8] {
        var reverse: [UInt32: UInt8] = [:]
        for (offset, scalar) in table.enumerated() where scalar != 0 { reverse[scalar] = UInt8(0x80 + offset) }
        return reverse
    }

    private static func utf8(fromUTF16 bytes: [UInt8], littleEndian: Bool) throws -> [UInt8] {
        var body = bytes.starts(with: littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) ? Array(bytes.dropFirst(2)) : bytes
        if body.count % 2 == 1 { body.removeLast() }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        for index in stride(from: 0, to: body.count, by: 2) {
            units.append(littleEndian ? UInt16(body[index]) | UInt16(body[index + 1]) << 8 : UInt16(body[index]) << 8 | UInt16(body[index + 1]))
        }
        var output: [UInt8] = []
        output.reserveCapacity(units.count)
        var line = 1
        var iterator = units.makeIterator()
        var decoder = Unicode.UTF16()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                output.append(contentsOf: String(Character(scalar)).utf8)
            case .emptyInput: return output
            case .error: throw InterchangeError.encoding("line \(line) is not valid UTF-16 (a lone surrogate)")
            }
        }
    }

    /// Lines that are UTF-8 (with Czech letters in it) in a file that is not UTF-8 as a whole:
    /// rows pasted from another source. Reading it in one code page would garble some rows, so
    /// the file is refused with the first line of each kind.
    public static func mixedLines(_ bytes: [UInt8]) -> (utf8: Int, other: Int)? {
        let czech = Set("áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ".unicodeScalars)
        var firstUTF8: Int?, firstOther: Int?
        var line = 1
        for chunk in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            defer { line += 1 }
            guard chunk.contains(where: { $0 >= 0x80 }) else { continue }
            if isValidUTF8(Array(chunk)) {
                if firstUTF8 == nil, String(decoding: chunk, as: UTF8.self).unicodeScalars.contains(where: czech.contains) { firstUTF8 = line }
            } else if firstOther == nil {
                firstOther = line
            }
            if let firstUTF8, let firstOther { return (firstUTF8, firstOther) }
        }
        return nil
    }

    private static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if !isValidUTF8(Array(bytes[start..<index])) { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}
