// A plain A4 document flowing down the page: a title, headings, label–value fields, tables
// whose rows wrap, paragraphs; a new numbered page when the next piece does not fit. Person
// cards and firm dossiers are written with it.

public final class DocumentWriter {
    private let document: PDFDocument
    private var y: Millimetres = 15
    private var page = 1
    static let left: Millimetres = 15
    static let width: Millimetres = 180
    static let bottom: Millimetres = 282
    private let body = TextStyle(size: 9.5)

    public init(path: String) throws {
        document = try PDFDocument(path: path, pageSize: .a4)
        document.newPage()
    }

    public var pages: Int { document.pages }

    public func title(_ text: String, subtitle: String? = nil) {
        place(Markup.escaped(text), style: TextStyle(size: 16, bold: true), gap: subtitle == nil ? 5 : 1)
        if let subtitle { place(Markup.escaped(subtitle), style: TextStyle(size: 10), gap: 5) }
    }

    public func heading(_ text: String) {
        // A heading never stands alone at a page's foot.
        if y + 20 > Self.bottom { newPage() }
        y += 2
        place(Markup.escaped(text), style: TextStyle(size: 12, bold: true), gap: 2)
    }

    /// Label–value lines, the labels in a column of their own.
    public func fields(_ pairs: [(String, String)]) {
        table(columns: [(label: "", width: 45), (label: "", width: Self.width - 45)], rows: pairs.filter { !$0.1.isEmpty }.map { [$0.0, $0.1] },
              header: false, boldFirstColumn: true)
        y += 2
    }

    /// Rows under a header row; a cell's text wraps within its column; a row that does not fit
    /// goes to the next page, with the header again.
    public func table(columns: [(label: String, width: Millimetres)], rows: [[String]], header: Bool = true, boldFirstColumn: Bool = false) {
        func rowHeight(_ cells: [String], bold: Bool) -> Millimetres {
            zip(cells, columns).enumerated().map { index, pair in
                document.paragraph(Markup.escaped(pair.0), width: pair.1.width - 2, style: style(bold: bold || (boldFirstColumn && index == 0))).last ?? 0
            }.max() ?? 0
        }
        func draw(_ cells: [String], bold: Bool) {
            let height = rowHeight(cells, bold: bold)
            if y + height > Self.bottom {
                newPage()
                if header && !bold { draw(columns.map(\.label), bold: true) }
            }
            var x = Self.left
            for (index, (cell, column)) in zip(cells, columns).enumerated() {
                let lines = document.paragraph(Markup.escaped(cell), width: column.width - 2, style: style(bold: bold || (boldFirstColumn && index == 0)))
                document.drawParagraph(x: x, y: y, from: 0, to: lines.last ?? 0, width: column.width - 2)
                x += column.width
            }
            y += height + 1
        }
        if header { draw(columns.map(\.label), bold: true) }
        for row in rows { draw(row, bold: false) }
    }

    public func paragraph(_ text: String) {
        place(Markup.escaped(text), style: body, gap: 2)
    }

    public func finish() throws { try document.finish() }

    private func style(bold: Bool) -> TextStyle { TextStyle(size: body.size, bold: bold) }

    /// A block of markup at the current position, carried over pages line by line.
    private func place(_ markup: String, style: TextStyle, gap: Millimetres) {
        y = document.flow(markup, x: Self.left, y: y, width: Self.width, style: style, bottom: Self.bottom) {
            newPage()
            return y
        }
        y += gap
    }

    private func newPage() {
        document.newPage()
        page += 1
        document.draw(lines: ["– \(page) –"], in: Box(x: 95, y: 8, width: 20, height: 6), style: TextStyle(size: 8))
        y = 18
    }
}
