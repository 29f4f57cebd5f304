// Buffered standard output and error lines: the only place the CLI writes to the terminal.

import ArgumentParser
import CRM
import Foundation

enum Terminal {
    static func printError(_ message: String, prefixed: Bool = true) {
        // A message quotes what the user gave: never raw control characters to the terminal.
        let text = (prefixed ? "error: " : "") + PlainText.printable(message) + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Collects output bytes and writes them to stdout in large blocks: listing 100,000 persons
/// must not cost 100,000 system calls. The block is raw memory rather than an array because
/// every append to an array held by a class pays a run-time exclusivity check.
final class OutputBuffer {
    private let capacity = 1 << 16
    private let block: UnsafeMutablePointer<UInt8>
    private var count = 0
    /// Standard output, or a file the buffer opened (and closes).
    private let descriptor: Int32

    init() {
        block = .allocate(capacity: capacity)
        descriptor = 1
    }

    /// Writes into `path` instead of standard output.
    init(path: String) throws {
        let opened = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard opened >= 0 else { throw ExitMessage("cannot write \(path): \(String(cString: strerror(errno)))") }
        block = .allocate(capacity: capacity)
        descriptor = opened
    }

    /// Into the file at `path` (its folder created), or standard output when there is none.
    static func to(_ path: String?) throws -> OutputBuffer {
        guard let path else { return OutputBuffer() }
        try OutputFolder.create(for: path)
        return try OutputBuffer(path: path)
    }

    deinit {
        flush()
        if descriptor != 1 { close(descriptor) }
        block.deallocate()
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    @inline(__always)
    func append(byte: UInt8) {
        if count == capacity { flush() }
        block[count] = byte
        count += 1
    }

    func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        var offset = 0
        while offset < bytes.count {
            if count == capacity { flush() }
            let chunk = min(bytes.count - offset, capacity - count)
            (block + count).update(from: bytes.baseAddress! + offset, count: chunk)
            count += chunk
            offset += chunk
        }
    }

    func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    func flush() {
        var offset = 0
        while offset < count {
            let written = Foundation.write(descriptor, block + offset, count - offset)
            if written <= 0 { break } // a closed pipe (| head): nothing more to say
            offset += written
        }
        count = 0
    }
}
