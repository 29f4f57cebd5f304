// Reading a rendered message for sending: only the regular file rendering wrote, byte for byte
// as its SHA-256 was journalled. A file emptied, edited (an added `Bcc:`), replaced by a link
// or a folder, or gone is never sent.

import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

enum RenderedFile {
    /// The file's bytes, or why they must not be sent.
    static func read(_ path: String, expectedHash: String?) -> Result<[UInt8], Problem> {
        // O_NOFOLLOW: a symbolic link in the file's place is refused, not followed.
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT: return .failure(.missing)
            case ELOOP: return .failure(.symbolicLink)
            default: return .failure(.unreadable(String(cString: strerror(errno))))
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        guard status.st_size > 0 else { return .failure(.empty) }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return .failure(count == 0 ? .changed : .unreadable(String(cString: strerror(errno)))) }
            offset += count
        }
        if let expectedHash, SHA256.hex(bytes) != expectedHash { return .failure(.changed) }
        return .success(bytes)
    }

    enum Problem: Error, Equatable, CustomStringConvertible {
        case missing, symbolicLink, notRegular, empty, changed
        case unreadable(String)

        var description: String {
            switch self {
            case .missing: return "the rendered file is missing"
            case .symbolicLink: return "the rendered file was replaced by a symbolic link"
            case .notRegular: return "the rendered file is not a regular file"
            case .empty: return "the rendered file is empty"
            case .changed: return "the rendered file changed after rendering (its SHA-256 is not the one journalled)"
            case .unreadable(let reason): return "the rendered file cannot be read (\(reason))"
            }
        }
    }
}
