// RFC 6376 §3.4: the "relaxed" canonicalization of header fields and body, the one that survives
// relays which refold headers or trim trailing spaces.

enum DKIMCanonicalization {
    /// `name:value` with the name lower-cased, the value unfolded, every run of spaces and tabs
    /// one space, none at either end of the value or around the colon (§3.4.2); no line end.
    static func relaxedHeader(_ field: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(field.count)
        guard let colon = field.firstIndex(of: 0x3A) else { return output }
        for byte in field[field.startIndex..<colon] where !isSpace(byte) && byte != 0x0D && byte != 0x0A {
            output.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        output.append(0x3A)
        var pendingSpace = false
        var wroteValue = false
        for byte in field[(colon + 1)...] {
            if byte == 0x0D || byte == 0x0A { continue }
            if isSpace(byte) { pendingSpace = true; continue }
            if pendingSpace && wroteValue { output.append(0x20) }
            pendingSpace = false
            wroteValue = true
            output.append(byte)
        }
        return output
    }

    /// The body with spaces at line ends removed, runs of spaces one space, empty lines at the
    /// end removed and every line ended by CRLF (§3.4.4); an empty body stays empty. Bare LF
    /// ends a line as CRLF would: the message is sent with CRLF line ends.
    static func relaxedBody(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var line: [UInt8] = []
        var emptyLinesPending = 0
        func endLine() {
            while let last = line.last, isSpace(last) { line.removeLast() }
            if line.isEmpty {
                emptyLinesPending += 1
            } else {
                for _ in 0..<emptyLinesPending { output += [0x0D, 0x0A] }
                emptyLinesPending = 0
                output += line
                output += [0x0D, 0x0A]
            }
            line.removeAll(keepingCapacity: true)
        }
        var index = body.startIndex
        var sawAnything = false
        while index < body.endIndex {
            let byte = body[index]
            sawAnything = true
            if byte == 0x0A {
                endLine()
            } else if byte == 0x0D && index + 1 < body.endIndex && body[index + 1] == 0x0A {
                // The LF ends the line.
            } else if isSpace(byte) {
                if line.last != 0x20 { line.append(0x20) }
            } else {
                line.append(byte)
            }
            index += 1
        }
        // A last line without its line end still counts as a line.
        if sawAnything && !line.isEmpty { endLine() }
        return output
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}
