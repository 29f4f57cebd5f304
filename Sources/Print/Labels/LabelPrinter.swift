// Address blocks onto label sheets: one block per label, row by row, as many sheets as needed.

/// What a run of labels produced.
public struct LabelReport: Sendable, Equatable {
    public var labels = 0
    public var pages = 0
    /// Labels (1-based, in input order) whose block was set smaller than the sheet's size.
    public var shrunk: [Int] = []
    /// Labels whose block did not fit even at the smallest size: cut with an ellipsis.
    public var truncated: [Int] = []
}

public enum LabelPrinter {
    /// Prints `blocks` (each an address's lines) to `path`. `skip` labels of the first sheet
    /// are left empty: they were used already.
    public static func print<Blocks: Sequence>(_ blocks: Blocks, sheet: LabelSheet, skip: Int = 0, to path: String) throws -> LabelReport
    where Blocks.Element == [String] {
        let document = try PDFDocument(path: path, pageSize: sheet.page)
        var report = LabelReport()
        var slot = skip % sheet.labelsPerPage
        let style = TextStyle(size: sheet.fontSize)
        for block in blocks {
            if slot == 0 || report.labels == 0 { document.newPage() }
            report.labels += 1
            let fit = document.draw(lines: block, in: sheet.textBox(at: slot), style: style, minimumSize: sheet.minimumFontSize)
            if fit.truncated { report.truncated.append(report.labels) } else if fit.size < sheet.fontSize { report.shrunk.append(report.labels) }
            slot = (slot + 1) % sheet.labelsPerPage
        }
        try document.finish()
        report.pages = document.pages
        return report
    }
}
