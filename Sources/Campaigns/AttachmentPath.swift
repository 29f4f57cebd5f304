// Where a template's attachment may come from: its own folder, nowhere else. A path is merged
// per recipient (`{{person.contract}}.pdf`), so a value such as `../../../../etc/shadow`, an
// absolute path or a link pointing out of the folder must never attach a file of the machine.

import Foundation
import Mail
import Merge

enum AttachmentPath {
    /// The real path of `path` inside the template's folder.
    ///
    /// - Throws: `MergeError` when the path is absolute, climbs out with `..`, or resolves
    ///   (through links) outside the folder.
    static func resolve(_ path: String, templatePath: String) throws -> String {
        let folder = URL(fileURLWithPath: templatePath).deletingLastPathComponent().path
        func refuse(_ why: String) -> MergeError {
            MergeError(file: templatePath, "the attachment \"\(MailError.printable(path))\" \(why): attachments must be files in the template's folder \(folder)")
        }
        guard !path.hasPrefix("/"), !path.hasPrefix("~") else { throw refuse("is an absolute path") }
        guard !path.split(separator: "/").contains("..") else { throw refuse("climbs out of the folder with ..") }
        guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { throw refuse("contains a control character") }
        let joined = folder + "/" + path
        guard let real = realPath(joined) else { throw MergeError(file: templatePath, "the attachment \(joined) does not exist or cannot be read") }
        guard let root = realPath(folder), real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw refuse("leads out of the folder (through a symbolic link)")
        }
        return real
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(decoding: UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)), as: UTF8.self)
    }
}
