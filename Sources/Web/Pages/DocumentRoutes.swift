// The dossier and the person card as PDFs, straight to the browser: written to a private
// temporary file by the same code as `kontakt firm dossier` / `person card`, sent, removed.

import Foundation
import Hummingbird
import NIOCore
import Workspace

extension Site {
    func addDocuments(to pages: RouterGroup<WebContext>) {
        pages.get("firms/:id/dossier.pdf") { _, context -> Response in
            let id = try Site.id(context)
            return try await pdf(named: "firma-\(id).pdf") { workspace, path in _ = try workspace.documents.dossier(firmId: id, to: path) }
        }
        pages.get("persons/:id/card.pdf") { _, context -> Response in
            let id = try Site.id(context)
            return try await pdf(named: "osoba-\(id).pdf") { workspace, path in _ = try workspace.documents.card(personId: id, to: path) }
        }
    }

    func pdf(named name: String, _ write: @escaping @Sendable (Workspace, String) throws -> Void) async throws -> Response {
        let bytes = try await run { workspace -> [UInt8] in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-pdf-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent(name).path
            try write(workspace, path)
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        return Response(status: .ok, headers: [.contentType: "application/pdf", .contentDisposition: "inline; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
