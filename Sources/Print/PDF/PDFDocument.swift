// A PDF file written page by page through cairo, with text laid out by Pango (HarfBuzz shaping,
// fontconfig fonts, so Czech diacritics come out whole and searchable).

import CPangoCairo
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a piece of text is set.
public struct TextStyle: Sendable, Equatable {
    public var family: String
    /// Points.
    public var size: Double
    public var bold: Bool

    public init(family: String = "DejaVu Sans", size: Double, bold: Bool = false) {
        self.family = family
        self.size = size
        self.bold = bold
    }
}

/// What became of a block of lines asked to fit a box.
public struct Fit: Sendable, Equatable {
    /// The size it was set in.
    public var size: Double
    /// Lines were cut with an ellipsis (or left out) because even the smallest size was too big.
    public var truncated: Bool
}

/// Pages of one size, drawn in millimetres from the top-left corner.
public final class PDFDocument {
    public let path: String
    /// Where the pages go until `finish` renames the file to `path`: a failed or abandoned
    /// document never replaces an earlier PDF of the same name.
    private let temporaryPath: String
    public let pageSize: PageSize
    private let surface: OpaquePointer
    /// The page's context, or a recording's while `record` runs.
    private var context: OpaquePointer
    private let pageContext: OpaquePointer
    /// One layout reused for every piece of text: making one per label costs more than drawing.
    private let layout: OpaquePointer
    private var fonts: [TextStyle: OpaquePointer] = [:]
    public private(set) var pages = 0
    private var pageOpen = false
    private var finished = false
    private var renamed = false

    public init(path: String, pageSize: PageSize) throws {
        self.path = path
        self.pageSize = pageSize
        temporaryPath = PDFDocument.temporaryPath(for: path)
        surface = cairo_pdf_surface_create(temporaryPath, Points.of(pageSize.width), Points.of(pageSize.height))
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            unlink(temporaryPath)
            throw PrintError.cannotWrite(path: path, reason: String(cString: cairo_status_to_string(status)))
        }
        pageContext = cairo_create(surface)
        context = pageContext
        layout = pango_cairo_create_layout(context)
        // Pango assumes a 96 dpi screen; on a PDF page one unit is one point, so a 10 pt font
        // must be 10 units tall.
        pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72)
        pango_layout_context_changed(layout)
    }

    deinit {
        for font in fonts.values { pango_font_description_free(font) }
        g_object_unref(UnsafeMutableRawPointer(layout))
        cairo_destroy(pageContext)
        cairo_surface_destroy(surface)
        if !renamed { unlink(temporaryPath) }
    }

    /// A hidden name beside `path`, so the rename stays on one file system.
    private static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder).\(name).\(getpid())-\(UInt32.random(in: 0 ... .max)).partial"
    }

    /// Starts a new page (the first call starts the first).
    public func newPage() {
        if pageOpen { cairo_show_page(context) }
        pageOpen = true
        pages += 1
    }

    /// Ends the last page and writes the file.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        if pageOpen { cairo_show_page(context) }
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PrintError.cannotWrite(path: path, reason: String(cString: cairo_status_to_string(status)))
        }
        guard rename(temporaryPath, path) == 0 else {
            throw PrintError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        renamed = true
    }

    /// Draws `lines` in `box`, one per line, at `style`'s size if they fit, else smaller down
    /// to `minimumSize`; lines still too wide end in an ellipsis, and lines below the box's
    /// bottom are left out. Nothing is ever drawn outside the box.
    @discardableResult
    public func draw(lines: [String], in box: Box, style: TextStyle, minimumSize: Double? = nil) -> Fit {
        let text = lines.joined(separator: "\n")
        var size = style.size
        let smallest = min(minimumSize ?? style.size, style.size)
        setText(text, style: TextStyle(family: style.family, size: size, bold: style.bold))
        while size > smallest {
            let (width, height) = extent()
            if width <= Points.of(box.width) && height <= Points.of(box.height) { break }
            size = max(smallest, size - 0.5)
            setFont(TextStyle(family: style.family, size: size, bold: style.bold))
        }
        var (width, height) = extent()
        var truncated = false
        if width > Points.of(box.width) || height > Points.of(box.height) {
            truncated = true
            pango_layout_set_width(layout, Int32(Points.of(box.width) * Double(kontakt_pango_scale())))
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
            (width, height) = extent()
            if height > Points.of(box.height) {
                // Whole lines that do not fit under the box's bottom are left out.
                var kept = lines
                while kept.count > 1 {
                    kept.removeLast()
                    pango_layout_set_text(layout, kept.joined(separator: "\n"), -1)
                    if extent().height <= Points.of(box.height) { break }
                }
            }
        }
        cairo_save(context)
        cairo_rectangle(context, Points.of(box.x), Points.of(box.y), Points.of(box.width), Points.of(box.height))
        cairo_clip(context)
        cairo_move_to(context, Points.of(box.x), Points.of(box.y))
        pango_cairo_show_layout(context, layout)
        cairo_restore(context)
        pango_layout_set_width(layout, -1)
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_NONE)
        return Fit(size: size, truncated: truncated)
    }

    // MARK: Recorded parts

    /// What `draw` does inside `body`, recorded once to be stamped on many pages: the parts of
    /// a letter that are the same for every recipient are set (shaped, laid out) only once.
    public func record(_ body: () -> Void) -> RecordedPart {
        let recording = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nil)!
        let recorder = cairo_create(recording)!
        context = recorder
        pango_cairo_update_layout(recorder, layout)
        body()
        context = pageContext
        pango_cairo_update_layout(pageContext, layout)
        cairo_destroy(recorder)
        return RecordedPart(surface: recording)
    }

    /// Stamps a recorded part on the current page.
    public func stamp(_ part: RecordedPart) {
        cairo_save(context)
        cairo_set_source_surface(context, part.surface, 0, 0)
        cairo_paint(context)
        cairo_restore(context)
    }

    // MARK: Paragraphs of markup

    /// Lays out a paragraph of Pango markup `width` millimetres wide (a hanging `indent` for
    /// list items) and gives the bottom of each of its lines, in millimetres from its top.
    public func paragraph(_ markup: String, width: Millimetres, style: TextStyle, hangingIndent: Millimetres = 0) -> [Millimetres] {
        setFont(style)
        pango_layout_set_width(layout, Int32(Points.of(width) * Double(kontakt_pango_scale())))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_indent(layout, Int32(-Points.of(hangingIndent) * Double(kontakt_pango_scale())))
        pango_layout_set_markup(layout, markup, -1)
        var bottoms: [Millimetres] = []
        let iterator = pango_layout_get_iter(layout)
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            bottoms.append(Double(logical.y + logical.height) / Double(kontakt_pango_scale()) * 25.4 / 72)
        } while pango_layout_iter_next_line(iterator) != 0
        pango_layout_iter_free(iterator)
        return bottoms
    }

    /// Draws the paragraph last laid out by `paragraph`, its part from `from` to `to`
    /// millimetres below its top, with that part's top at (`x`, `y`).
    public func drawParagraph(x: Millimetres, y: Millimetres, from: Millimetres, to: Millimetres, width: Millimetres) {
        cairo_save(context)
        cairo_rectangle(context, Points.of(x - 1), Points.of(y), Points.of(width + 2), Points.of(to - from))
        cairo_clip(context)
        cairo_move_to(context, Points.of(x), Points.of(y - from))
        pango_cairo_show_layout(context, layout)
        cairo_restore(context)
        pango_layout_set_width(layout, -1)
        pango_layout_set_indent(layout, 0)
    }

    /// Sets a paragraph of markup from (`x`, `y`), `width` wide, carried over pages line by line:
    /// when the next line would pass `bottom`, `nextPage` starts a page and gives the height to go
    /// on from. Returns the height below the paragraph. A line taller than a whole page is set
    /// anyway on a page of its own rather than chased forever.
    public func flow(_ markup: String, x: Millimetres, y start: Millimetres, width: Millimetres, style: TextStyle,
                     hangingIndent: Millimetres = 0, bottom: Millimetres, nextPage: () -> Millimetres) -> Millimetres {
        var y = start
        var bottoms = paragraph(markup, width: width, style: style, hangingIndent: hangingIndent)
        var from: Millimetres = 0
        var index = 0
        var pageJustBegun = false
        while index < bottoms.count {
            var last = index - 1
            while last + 1 < bottoms.count && y + bottoms[last + 1] - from <= bottom { last += 1 }
            if last < index {
                if !pageJustBegun {
                    y = nextPage()
                    pageJustBegun = true
                    bottoms = paragraph(markup, width: width, style: style, hangingIndent: hangingIndent)
                    continue
                }
                last = index
            }
            drawParagraph(x: x, y: y, from: from, to: bottoms[last], width: width)
            y += bottoms[last] - from
            from = bottoms[last]
            index = last + 1
            pageJustBegun = false
            if index < bottoms.count {
                y = nextPage()
                pageJustBegun = true
                // Drawing reset the layout's width: it is laid out again for the next page's part.
                bottoms = paragraph(markup, width: width, style: style, hangingIndent: hangingIndent)
            }
        }
        return y
    }

    /// A thin horizontal mark at the page's left edge (fold and punch marks).
    public func mark(y: Millimetres, length: Millimetres) {
        cairo_set_line_width(context, 0.3)
        cairo_move_to(context, Points.of(3), Points.of(y))
        cairo_line_to(context, Points.of(3 + length), Points.of(y))
        cairo_stroke(context)
    }

    private func setText(_ text: String, style: TextStyle) {
        setFont(style)
        pango_layout_set_width(layout, -1)
        pango_layout_set_text(layout, text, -1)
    }

    private func setFont(_ style: TextStyle) {
        let font: OpaquePointer
        if let known = fonts[style] {
            font = known
        } else {
            font = pango_font_description_new()
            pango_font_description_set_family(font, style.family)
            pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
            pango_font_description_set_size(font, Int32(style.size * Double(kontakt_pango_scale())))
            fonts[style] = font
        }
        pango_layout_set_font_description(layout, font)
    }

    /// The laid-out text's width and height in points.
    private func extent() -> (width: Double, height: Double) {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let scale = Double(kontakt_pango_scale())
        return (Double(logical.width) / scale, Double(logical.height) / scale)
    }
}

extension TextStyle: Hashable {}

/// Drawing recorded by `PDFDocument.record`, kept for as long as pages stamp it.
public final class RecordedPart {
    fileprivate let surface: OpaquePointer

    fileprivate init(surface: OpaquePointer) { self.surface = surface }

    deinit { cairo_surface_destroy(surface) }
}
