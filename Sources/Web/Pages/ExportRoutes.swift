// Any list view to a file: the firms, their persons or their contacts of a filter (an
// expression or a saved segment, as on the firm list) as a spreadsheet CSV — `;`-separated,
// UTF-8 with a byte-order mark or Windows-1250, the columns `kontakt import` reads back,
// formulas neutralised — the persons as vCard, and open tasks and meetings as iCalendar.

import Foundation
import Hummingbird
import NIOCore
import Workspace

extension Site {
    func addExports(to pages: RouterGroup<WebContext>) {
        for table in ExportTable.allCases {
            pages.get("export/\(table.rawValue).csv") { request, _ -> Response in
                let query = FormFields(query: request)
                let encoding = SpreadsheetEncoding(rawValue: query["encoding"] ?? "utf-8") ?? .utf8BOM
                let choice = Self.choice(query)
                let bytes = try await run { try $0.exports.spreadsheet(table, selection: choice, encoding: encoding) }
                let charset = encoding == .windows1250 ? "windows-1250" : "utf-8"
                return Self.download(bytes, type: "text/csv; charset=\(charset)", name: "\(renderer.text["export.file.\(table.rawValue)"]).csv")
            }
        }
        pages.get("export/persons.vcf") { request, _ -> Response in
            let choice = Self.choice(FormFields(query: request))
            let text = try await run { try $0.exports.vCards(person: nil, selection: choice) }
            return Self.download(Array(text.utf8), type: "text/vcard; charset=utf-8", name: "\(renderer.text["export.file.persons"]).vcf")
        }
        pages.get("export/calendar.ics") { request, _ -> Response in
            let referent = FormFields(query: request).text("referent")
            let text = try await run { try $0.exports.calendar(referent: referent) }
            return Self.download(Array(text.utf8), type: "text/calendar; charset=utf-8", name: "kontakt.ics")
        }
    }

    /// The filter of a list view's query: an expression, else a saved segment (as the firm
    /// list reads it), else everything.
    static func choice(_ query: FormFields) -> SegmentChoice? {
        query.text("where").map(SegmentChoice.expression) ?? query.text("segment").map(SegmentChoice.saved)
    }

    static func download(_ bytes: [UInt8], type: String, name: String) -> Response {
        // RFC 6266: an ASCII fallback and the UTF-8 name for the browsers that read it.
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._"))) ?? ascii
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
