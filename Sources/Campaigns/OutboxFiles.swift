// Files in the Outbox: a campaign's folder, the staging folder a rendering writes into, its
// messages and its manifest.

import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A rendering's files are written into a staging folder inside the campaign's folder and
/// moved into place only after the journal that names them (with their SHA-256) is committed.
/// So the journal never names a file another rendering wrote: a rendering that fails or is
/// killed before its commit leaves the earlier files as they were, and its staging folder is
/// removed by the next rendering or send; one killed after its commit (while moving) is
/// completed by the next send, which knows it from the rendering id the commit recorded.
final class OutboxStaging {
    let folder: String
    let renderId: String
    var path: String { OutboxStaging.path(folder: folder, renderId: renderId) }
    /// The names written, in order.
    private(set) var names: [String] = []

    static let prefix = ".rendering-"

    private init(folder: String, renderId: String) {
        self.folder = folder
        self.renderId = renderId
    }

    static func path(folder: String, renderId: String) -> String { folder + "/" + prefix + renderId }

    /// Creates the campaign's folder (if new) and an empty staging folder in it. Staging
    /// folders killed runs left go first: the `committed` one into place, the others away.
    static func begin(folder: String, renderId: String, committed: String?) throws -> OutboxStaging {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try discardAbandoned(folder: folder, keeping: committed)
        let staging = OutboxStaging(folder: folder, renderId: renderId)
        guard mkdir(staging.path, 0o755) == 0 else { throw OutboxError.cannotWrite(path: staging.path, reason: String(cString: strerror(errno))) }
        return staging
    }

    /// Where a file of this rendering is written before it is moved into place.
    func file(_ name: String) -> String {
        names.append(name)
        return path + "/" + name
    }

    /// After the commit: every staged file replaces its namesake (`rename` is atomic, so a
    /// reader sees the old file or the new, never half of one), then the messages an earlier
    /// rendering left that this one did not write again are removed, and so are the letters'
    /// and labels' PDFs when this rendering printed none.
    func moveIntoPlace() throws {
        try Self.moveAll(from: path, into: folder)
        let current = Set(names)
        try Self.remove(in: folder) { name in
            (name.hasSuffix(".eml") || name == "letters.pdf" || name == "labels.pdf") && !current.contains(name)
        }
        try Self.syncDirectory(folder)
    }

    /// A failed rendering removes what it staged; the campaign's folder stays as it was.
    func discard() { Self.removeTree(path) }

    /// Deals with the staging folders killed runs left in `folder`: the one of `committed` (the
    /// rendering the journal names) is moved into place, every other one removed.
    static func discardAbandoned(folder: String, keeping committed: String?) throws {
        for name in try entries(of: folder) where name.hasPrefix(prefix) {
            let staged = folder + "/" + name
            if let committed, name == prefix + committed {
                try moveAll(from: staged, into: folder)
                try syncDirectory(folder)
            } else {
                removeTree(staged)
            }
        }
    }

    private static func moveAll(from staged: String, into folder: String) throws {
        for name in try entries(of: staged) where rename(staged + "/" + name, folder + "/" + name) != 0 {
            throw OutboxError.cannotWrite(path: folder + "/" + name, reason: String(cString: strerror(errno)))
        }
        rmdir(staged)
    }

    private static func remove(in folder: String, where matches: (String) -> Bool) throws {
        for name in try entries(of: folder) where matches(name) && unlink(folder + "/" + name) != 0 && errno != ENOENT {
            throw OutboxError.cannotWrite(path: folder + "/" + name, reason: String(cString: strerror(errno)))
        }
    }

    private static func removeTree(_ path: String) {
        guard let names = try? entries(of: path) else { return }
        for name in names { unlink(path + "/" + name) }
        rmdir(path)
    }

    private static func syncDirectory(_ folder: String) throws {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        fsync(descriptor)
    }

    /// The names in a folder (without `.` and `..`), gathered before anything is changed: a
    /// folder changed while it is read may list an entry twice or not at all.
    static func entries(of folder: String) throws -> [String] {
        guard let directory = opendir(folder) else {
            if errno == ENOENT { return [] }
            throw OutboxError.cannotWrite(path: folder, reason: String(cString: strerror(errno)))
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

/// A file written through the C library: one open, one write, one close per message, with none
/// of Foundation's atomic-write temporaries (a rendering's staging folder is what makes its
/// files appear at once). An existing file is overwritten in place and cut to the new length.
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
