// Files in the Outbox: a campaign's folder, its messages and its manifest.

import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

enum OutboxFolder {
    /// Creates the folder, or empties it of an earlier rendering (its .eml files and manifest).
    static func prepare(_ folder: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".eml") || name == "manifest.csv" {
            try manager.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}

/// A file written through the C library: one open, one write, one close per message, with none
/// of Foundation's atomic-write temporaries (a re-render starts from an emptied folder).
final class OutboxFile {
    private let path: String
    private var descriptor: Int32

    init(_ path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutboxError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }

    func append(_ text: String) throws { try append(Array(text.utf8)) }

    func append(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw OutboxError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            offset += written
        }
    }

    func finish() throws {
        guard descriptor >= 0 else { return }
        let result = close(descriptor)
        descriptor = -1
        if result != 0 { throw OutboxError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit { if descriptor >= 0 { _ = close(descriptor) } }

    static func store(_ bytes: [UInt8], at path: String) throws {
        let file = try OutboxFile(path)
        try file.append(bytes)
        try file.finish()
    }
}

public enum OutboxError: Error, CustomStringConvertible, Sendable {
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}
