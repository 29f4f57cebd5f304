// Letters into one PDF, each starting on a new page, laid out per ČSN 01 6910: the sender's
// header ending 30 mm from the top, the address field from 40 mm (its 76.2 × 25.4 mm zone one
// line below its top) 20 or 119 mm from the left edge, the reference line 10 mm under the field,
// the subject, the salutation, the body, the closing and signature; continuation pages numbered.

public final class LetterPrinter {
    private let document: PDFDocument
    private let options: LetterOptions
    public private(set) var letters = 0
    /// The first page's parts that are the same for every letter of a run (the sender's header,
    /// the reference line, fold marks), recorded once; kept with what they were made from.
    private var letterhead: (key: [String], part: RecordedPart)?

    static let left: Millimetres = 20
    static let width: Millimetres = 170
    /// Where the body may go on a page: continuation pages start higher.
    static let bottom: Millimetres = 272
    static let continuationTop: Millimetres = 25
    /// The address field: from 40 mm, 38.1 mm high; its zone one line (4.23 mm) below its top.
    static let fieldTop: Millimetres = 40
    static let zoneTop: Millimetres = 40 + 38.1 / 9

    public init(path: String, options: LetterOptions = LetterOptions()) throws {
        document = try PDFDocument(path: path, pageSize: .a4)
        self.options = options
    }

    public var pages: Int { document.pages }

    /// The recipient's address zone on the first page.
    public static func addressZone(_ window: AddressWindow) -> Box {
        Box(x: window.left, y: zoneTop, width: 76.2, height: 25.4)
    }

    /// Adds one letter, starting on a new page.
    public func add(_ letter: Letter) {
        letters += 1
        document.newPage()
        var page = 1
        let key = letter.sender + [letter.yourReference, letter.ourReference, letter.handledBy, letter.date]
        if letterhead?.key != key { letterhead = (key, document.record { drawLetterhead(letter) }) }
        document.stamp(letterhead!.part)
        document.draw(lines: letter.recipient, in: Self.addressZone(options.window), style: TextStyle(size: 11), minimumSize: 8)
        let text = TextStyle(size: 11)
        var y: Millimetres = 104
        func place(_ markup: String, style: TextStyle, indent: Millimetres = 0, after gap: Millimetres) {
            y = document.flow(Typography.bind(markup, words: options.bindingWords), x: Self.left, y: y, width: Self.width, style: style,
                              hangingIndent: indent, bottom: Self.bottom) {
                page += 1
                newContinuationPage(page)
                return Self.continuationTop
            }
            y += gap
        }
        place("<b>" + Markup.escaped(letter.subject) + "</b>", style: text, after: 6)
        place(Markup.escaped(letter.salutation), style: text, after: 4)
        for paragraph in letter.paragraphs {
            place(paragraph, style: text, indent: paragraph.hasPrefix("• ") ? 4 : 0, after: 3)
        }
        y += 3
        place(Markup.escaped(letter.closing), style: text, after: 15)
        for line in letter.signature { place(Markup.escaped(line), style: text, after: 0) }
    }

    /// The sender's header, the reference line and the fold marks.
    private func drawLetterhead(_ letter: Letter) {
        if options.foldMarks {
            document.mark(y: 99, length: 5)
            document.mark(y: 198, length: 5)
            document.mark(y: 148.5, length: 3)
        }
        let small = TextStyle(size: 7)
        document.draw(lines: letter.sender, in: Box(x: Self.left, y: 10, width: Self.width, height: 20), style: TextStyle(size: 9), minimumSize: 7)
        // The reference line: four columns of a label and its value.
        let columns: [(Millimetres, String, String)] = [
            (Self.left, options.labels.yourLetter, letter.yourReference), (70, options.labels.ourReference, letter.ourReference),
            (115, options.labels.handledBy, letter.handledBy), (160, options.labels.date, letter.date),
        ]
        for (x, label, value) in columns {
            document.draw(lines: [label], in: Box(x: x, y: 88, width: 44, height: 4), style: small, minimumSize: 5)
            if !value.isEmpty { document.draw(lines: [value], in: Box(x: x, y: 92, width: 44, height: 5), style: TextStyle(size: 10), minimumSize: 7) }
        }
    }

    private func newContinuationPage(_ number: Int) {
        document.newPage()
        document.draw(lines: ["– \(number) –"], in: Box(x: 95, y: 10, width: 20, height: 6), style: TextStyle(size: 9))
    }

    public func finish() throws { try document.finish() }
}
