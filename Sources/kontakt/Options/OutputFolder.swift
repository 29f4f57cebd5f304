// The folder of a file about to be written (a PDF in the Outbox) exists before it is written.

import Foundation

enum OutputFolder {
    static func create(for path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
}
