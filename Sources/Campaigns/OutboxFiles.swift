// Files in the Outbox: a campaign's folder, its messages and its manifest.

import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

enum OutboxFolder {
    /// Creates the folder, or readies it for a new rendering: the manifest goes, the messages
    /// stay to be overwritten in place (see `removeStale`).
    static func prepare(_ folder: String) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if manager.fileExists(atPath: folder + "/manifest.csv") { try manager.removeItem(atPath: folder + "/manifest.csv") }
    }

    /// Removes the `.eml` files an earlier rendering left that this one did not write again
    /// (`isCurrent` says which it wrote). A re-rendering overwrites the rest in place: deleting
    /// 100,000 files and creating them anew costs the file system minutes where overwriting
    /// costs seconds (freed blocks are discarded, new ones allocated).
    static func removeStale(_ folder: String, isCurrent: (String) throws -> Bool) throws {
        guard let directory = opendir(folder) else { throw OutboxError.cannotWrite(path: folder, reason: String(cString: strerror(errno))) }
        // Names are gathered first and removed after: a folder changed while it is read may
        // list an entry twice or not at all.
        var stale: [String] = []
        do {
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name.hasSuffix(".eml"), try !isCurrent(name) { stale.append(name) }
            }
        }
        for name in stale where unlink(folder + "/" + name) != 0 && errno != ENOENT {
            throw OutboxError.cannotWrite(path: folder + "/" + name, reason: String(cString: strerror(errno)))
        }
    }
}

/// A file written through the C library: one open, one write, one close per message, with none
/// of Foundation's atomic-write temporaries. An existing file is overwritten in place and cut
/// to the new length, not truncated first: its blocks are reused rather than freed and
/// allocated again.
final class OutboxFile {
    private let path: String
    private var descriptor: Int32
    private var length = 0

    init(_ path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
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
        length += bytes.count
    }

    func finish() throws {
        guard descriptor >= 0 else { return }
        if ftruncate(descriptor, off_t(length)) != 0 { throw OutboxError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
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
