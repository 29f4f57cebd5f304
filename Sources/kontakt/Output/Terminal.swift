// Buffered standard output and error lines: the only place the CLI writes to the terminal.

import Foundation

enum Terminal {
    static func printError(_ message: String, prefixed: Bool = true) {
        let text = (prefixed ? "error: " : "") + message + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

}

/// Collects output bytes and writes them to stdout in large blocks: listing 100,000 persons
/// must not cost 100,000 system calls.
final class OutputBuffer {
    private var bytes: [UInt8] = []
    private let flushThreshold = 1 << 16

    init() { bytes.reserveCapacity(flushThreshold + 4096) }

    func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= flushThreshold { flush() }
    }

    func append(byte: UInt8) { bytes.append(byte) }

    func append<S: Sequence>(contentsOf sequence: S) where S.Element == UInt8 { bytes.append(contentsOf: sequence) }

    func flushIfFull() { if bytes.count >= flushThreshold { flush() } }

    func flush() {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break } // a closed pipe (| head): nothing more to say
                offset += written
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
