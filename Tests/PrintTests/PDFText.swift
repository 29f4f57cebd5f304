// Reading a PDF back with pypdf, an independent reader: its text lines and where they stand.

import Foundation
import TestSupport

enum PDFText {
    /// Each text line of each page with its start in millimetres from the top left (x, and the
    /// baseline's y). cairo shows a line in several runs (one per font subset), so runs on
    /// one baseline that follow each other are joined.
    static func lines(_ pdf: String) throws -> [[(text: String, x: Double, y: Double)]] {
        let output = try Python.run("""
            import sys, json
            from pypdf import PdfReader
            reader = PdfReader(sys.stdin.read())
            pages = []
            for page in reader.pages:
                height = float(page.mediabox.height)
                lines = []
                def visit(text, cm, tm, font, size):
                    if not text.strip("\\n"):
                        return
                    x = (cm[0] * tm[4] + cm[2] * tm[5] + cm[4]) * 25.4 / 72
                    y = (height - (cm[1] * tm[4] + cm[3] * tm[5] + cm[5])) * 25.4 / 72
                    if lines and abs(lines[-1][2] - y) < 0.2:
                        lines[-1][0] += text.strip("\\n")
                    else:
                        lines.append([text.strip("\\n"), x, y])
                page.extract_text(visitor_text=visit)
                pages.append(lines)
            print(json.dumps(pages))
            """, input: Data(pdf.utf8))
        let pages = try JSONSerialization.jsonObject(with: output) as? [[[Any]]] ?? []
        return pages.map { page in page.map { ($0[0] as? String ?? "", $0[1] as? Double ?? 0, $0[2] as? Double ?? 0) } }
    }

    /// Each page's size in millimetres.
    static func pageSizes(_ pdf: String) throws -> [(width: Double, height: Double)] {
        let output = try Python.run("""
            import sys, json
            from pypdf import PdfReader
            print(json.dumps([[float(p.mediabox.width) * 25.4 / 72, float(p.mediabox.height) * 25.4 / 72] for p in PdfReader(sys.stdin.read()).pages]))
            """, input: Data(pdf.utf8))
        return (try JSONSerialization.jsonObject(with: output) as? [[Double]] ?? []).map { ($0[0], $0[1]) }
    }

    /// The words of page `page` (1-based) with their boxes in millimetres from the top left, as
    /// poppler's pdftotext lays them out: unlike pypdf it follows text drawn inside form
    /// XObjects (a letter's stamped letterhead) to where it lands on the page.
    static func words(_ pdf: String, page: Int) throws -> [(text: String, top: Double, bottom: Double, left: Double)] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext", "-bbox", "-f", String(page), "-l", String(page), pdf, "-"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let html = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var words: [(String, Double, Double, Double)] = []
        for line in html.split(separator: "\n") where line.contains("<word ") {
            func attribute(_ name: String) -> Double {
                guard let start = line.range(of: name + "=\"") else { return 0 }
                return Double(line[start.upperBound...].prefix { $0 != "\"" }) ?? 0
            }
            let text = line.split(separator: ">", maxSplits: 1).last.map { String($0.prefix { $0 != "<" }) } ?? ""
            words.append((text, attribute("yMin") * 25.4 / 72, attribute("yMax") * 25.4 / 72, attribute("xMin") * 25.4 / 72))
        }
        return words
    }
}
