// Reading CSV (RFC 4180 with the delimiters spreadsheets really use) from UTF-8 bytes.

import CRM

/// One record of a CSV file with the line it starts on (1 is the header).
public struct CSVRecord: Sendable {
    public let line: Int
    public let fields: [String]
}

public enum Delimiter: Sendable, Equatable {
    case auto
    case byte(UInt8)

    /// `auto`, `;`, `,`, `tab` (or a literal tab), `|`.
    public init(parsing text: String) throws {
        switch text.lowercased() {
        case "auto": self = .auto
        case ";", "semicolon": self = .byte(UInt8(ascii: ";"))
        case ",", "comma": self = .byte(UInt8(ascii: ","))
        case "tab", "\t", "\\t": self = .byte(0x09)
        case "|", "pipe": self = .byte(UInt8(ascii: "|"))
        default: throw InterchangeError.usage("\"\(text)\" is not a supported delimiter: expected auto, ;, ,, tab or |")
        }
    }

    public var name: String {
        switch self {
        case .auto: return "auto"
        case .byte(0x09): return "tab"
        case .byte(let byte): return String(UnicodeScalar(byte))
        }
    }
}

public enum CSVReader {
    /// The delimiter that occurs most often outside quotes in the first line: `;` (Czech
    /// Excel), `,` or tab.
    public static func sniff(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ";"): 0, UInt8(ascii: ","): 0, 0x09: 0]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (byte == 0x0A || byte == 0x0D) { break }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }!
        return best.value > 0 ? best.key : UInt8(ascii: ",")
    }

    /// Parses every record. Quoted fields may hold delimiters, `""` and line breaks; blank
    /// lines are skipped; an unclosed quote is an error naming the line it opened on.
    public static func records(_ bytes: [UInt8], delimiter: UInt8) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = 0
        var quoted = false
        var fieldWasQuoted = false
        let quote = UInt8(ascii: "\"")

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == quote {
                    if index + 1 < bytes.count && bytes[index + 1] == quote { field.append(quote); index += 2; continue }
                    quoted = false
                    // After a closing quote comes the delimiter or the end of the line: anything
                    // else means the quotes are unbalanced, and reading on would merge records.
                    if index + 1 < bytes.count, ![delimiter, 0x0A, 0x0D].contains(bytes[index + 1]) {
                        let rest = bytes[(index + 1)...].prefix { $0 != delimiter && $0 != 0x0A && $0 != 0x0D }.prefix(20)
                        throw InterchangeError.encoding("line \(line): text after the closing quote of a field (…\"\(PlainText.printable(String(decoding: rest, as: UTF8.self)))): "
                                                        + "quote the whole field and double each quote inside it (\"\"), or leave the field unquoted")
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case quote where field.isEmpty && !fieldWasQuoted:
                quoted = true
                fieldWasQuoted = true
            case delimiter:
                endField()
            case 0x0D:
                break // CR of CRLF; a lone CR is not a line break in the files we meet
            case 0x0A:
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(byte)
            }
            index += 1
        }
        if quoted {
            throw InterchangeError.encoding("line \(recordLine): a quoted field is opened but never closed (the quotes are unbalanced): close it with \", and double each quote inside it")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
