// A message goes out with CRLF line ends whatever an editor made of its file: libcurl
// dot-stuffs only lines that follow a CRLF, and is never asked to convert line ends itself.

enum LineEnds {
    /// `bytes` with every bare LF and bare CR turned into CRLF; the same array when there is
    /// none (the usual case: the message writer writes CRLF).
    static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        var clean = true
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 2; continue }
                clean = false; break
            }
            if byte == 0x0A { clean = false; break }
            index += 1
        }
        if clean { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 32)
        index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D || byte == 0x0A {
                result.append(0x0D); result.append(0x0A)
                index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }
}
