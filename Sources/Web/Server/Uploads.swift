// Files uploaded to the workspace (a CSV to import): streamed from the request body to disk as
// they arrive, through multipart-kit's parser, and refused with a clear answer once they pass
// the limit. Each upload gets a random name in the server's upload folder; no part of any
// request ever names a path, so nothing can be written or read outside that folder.

import Foundation
import Hummingbird
import MultipartKit
import NIOCore

struct UploadedFile: Sendable {
    /// The upload's name in the folder (22 base64url characters), used in URLs.
    let id: String
    /// The name the user's file had, for messages (never used as a path).
    let originalName: String
    /// The form's other fields, each at most 4 KiB.
    let fields: [String: String]
    let size: Int
}

enum UploadError: Error, CustomStringConvertible {
    case tooLarge(limit: Int)
    case notMultipart
    case noFile(field: String)
    case malformed

    var description: String {
        switch self {
        case .tooLarge(let limit): return "the file is larger than the \(limit / (1024 * 1024)) MiB an upload may have; split it, or import it with `kontakt import`"
        case .notMultipart: return "the upload must be sent as multipart/form-data (a form with a file field)"
        case .noFile(let field): return "the form has no file in its field \"\(field)\"; choose a file"
        case .malformed: return "the upload was cut off or is not valid multipart/form-data; try again"
        }
    }
}

struct Uploads: Sendable {
    let folder: String
    let limit: Int

    /// Reads a multipart/form-data request, writing the part named `fileField` to a new file.
    func receive(_ request: Request, fileField: String) async throws -> UploadedFile {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
              let boundary = Self.parameter("boundary", in: type), !boundary.isEmpty, boundary.count <= 70 else { throw UploadError.notMultipart }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        sweep()
        let id = Self.newID()
        let path = folder + "/" + id + ".csv"
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw UploadError.malformed
        }
        let state = PartState(fileField: fileField, handle: handle)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.body(&buffer) }
        parser.onPartComplete = { state.complete() }
        var total = 0
        do {
            defer { try? handle.close() }
            for try await chunk in request.body {
                total += chunk.readableBytes
                if total > limit + 64 * 1024 { throw UploadError.tooLarge(limit: limit) }
                try parser.execute(chunk)
                if let error = state.failure { throw error }
            }
            guard state.sawFile else { throw UploadError.noFile(field: fileField) }
            guard state.fileBytes <= limit else { throw UploadError.tooLarge(limit: limit) }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            if error is UploadError { throw error }
            throw UploadError.malformed
        }
        let name = Self.displayName(state.fileName)
        try? name.write(toFile: folder + "/" + id + ".name", atomically: true, encoding: .utf8)
        return UploadedFile(id: id, originalName: name, fields: state.fields, size: state.fileBytes)
    }

    /// The file of an upload id, when the id is one this folder could have made and it exists.
    func path(of id: String) -> String? {
        guard id.count == 22, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        let path = folder + "/" + id + ".csv"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    func originalName(of id: String) -> String {
        guard path(of: id) != nil, let name = try? String(contentsOfFile: folder + "/" + id + ".name", encoding: .utf8) else { return "upload.csv" }
        return name
    }

    func remove(_ id: String) {
        guard path(of: id) != nil else { return }
        for suffix in [".csv", ".name"] { try? FileManager.default.removeItem(atPath: folder + "/" + id + suffix) }
    }

    /// Uploads left for a day are removed (an import page abandoned half-way).
    func sweep(olderThan seconds: Double = 86_400) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names {
            let path = folder + "/" + name
            if let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
               Date().timeIntervalSince(modified) > seconds {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }

    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0 ..< 16).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The last part of a file name as a browser sent it, printable, at most 120 characters.
    static func displayName(_ name: String?) -> String {
        let last = (name ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let printable = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(120))
        return printable.isEmpty ? "upload.csv" : printable
    }

    static func parameter(_ name: String, in value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}

/// What the parser has seen of the current part, and the form so far.
private final class PartState {
    let fileField: String
    let handle: FileHandle
    var headers: [(String, String)] = []
    var value: [UInt8] = []
    var inFile = false
    var sawFile = false
    var fileName: String?
    var fileBytes = 0
    var fields: [String: String] = [:]
    var failure: UploadError?

    init(fileField: String, handle: FileHandle) {
        self.fileField = fileField
        self.handle = handle
    }

    func header(_ name: String, _ value: String) {
        headers.append((name, value))
        guard name.lowercased() == "content-disposition" else { return }
        let field = Uploads.parameter("name", in: value)
        inFile = field == fileField
        if inFile {
            sawFile = true
            fileName = Uploads.parameter("filename", in: value)
        }
    }

    func body(_ buffer: inout ByteBuffer) {
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        if inFile {
            fileBytes += bytes.count
            handle.write(Data(bytes))
        } else if value.count + bytes.count <= 4096 {
            value += bytes
        } else {
            failure = .malformed
        }
    }

    func complete() {
        if !inFile, let disposition = headers.first(where: { $0.0.lowercased() == "content-disposition" })?.1,
           let name = Uploads.parameter("name", in: disposition) {
            fields[name] = String(decoding: value, as: UTF8.self)
        }
        headers = []
        value = []
        inFile = false
    }
}
