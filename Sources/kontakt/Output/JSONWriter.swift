// A streaming JSON writer: objects are written as they are read from the database, so a list
// of any length costs constant memory.

/// Writes JSON tokens into an output buffer, placing commas itself.
///
///     let json = JSONWriter(output: buffer)
///     json.object { json.field("id", 1); json.field("name", "Alfa") }
final class JSONWriter {
    private let output: OutputBuffer
    /// Whether the current container already has an element (so the next needs a comma).
    private var needsComma: [Bool] = [false]

    init(output: OutputBuffer) { self.output = output }

    func object(_ body: () throws -> Void) rethrows {
        separate(); output.append(byte: UInt8(ascii: "{")); needsComma.append(false)
        try body()
        needsComma.removeLast(); output.append(byte: UInt8(ascii: "}"))
    }

    func array(_ body: () throws -> Void) rethrows {
        separate(); output.append(byte: UInt8(ascii: "[")); needsComma.append(false)
        try body()
        needsComma.removeLast(); output.append(byte: UInt8(ascii: "]"))
    }

    func key(_ name: String) {
        separate()
        string(name, separated: false)
        output.append(byte: UInt8(ascii: ":"))
        pendingValueAfterKey = true
    }

    func field(_ name: String, _ value: String?) { key(name); if let value { string(value) } else { null() } }
    func field(_ name: String, _ value: Int64?) { key(name); if let value { raw(String(value)) } else { null() } }
    func field(_ name: String, _ value: Bool) { key(name); raw(value ? "true" : "false") }
    func field(_ name: String, number value: Double) { key(name); raw(value.isFinite ? formatNumber(value) : "null") }
    func objectField(_ name: String, _ body: () throws -> Void) rethrows { key(name); try object(body) }
    func arrayField(_ name: String, _ body: () throws -> Void) rethrows { key(name); try array(body) }
    func field(_ name: String, strings values: [String]) { key(name); array { values.forEach { string($0) } } }

    func string(_ value: String) { string(value, separated: true) }
    func null() { raw("null") }
    func newline() { output.append(byte: 0x0A) }

    private var pendingValueAfterKey = false

    private func separate() {
        if pendingValueAfterKey { pendingValueAfterKey = false; return }
        if needsComma[needsComma.count - 1] { output.append(byte: UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    private func raw(_ text: String) {
        separate()
        output.append(text)
    }

    private func formatNumber(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    private func string(_ value: String, separated: Bool) {
        if separated { separate() }
        output.append(byte: UInt8(ascii: "\""))
        // Most text needs no escaping: copy it in one go, byte loops only where needed.
        let copied = value.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: JSONWriter.needsEscape) else { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if copied != true { for byte in value.utf8 { appendEscaped(byte) } }
        output.append(byte: UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
        case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            output.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        default: output.append(byte: byte)
        }
    }
}
