// A sheet of address labels, as its maker specifies it: the page, the label's shape and size,
// and one or more grids of labels (a few makers stagger two grids on one sheet). Presets are
// data: Kontakt's own YAML files and gLabels' template library, so a new sheet needs no code.

/// The outline of one label.
public enum LabelShape: Sendable, Equatable {
    case rectangle
    /// A circle as wide as the label.
    case round
    case ellipse

    /// The largest rectangle inside the outline, centred: where an address can go.
    func textArea(of box: Box) -> Box {
        switch self {
        case .rectangle: return box
        case .round, .ellipse:
            // The inscribed rectangle of an ellipse with the same proportions: 1/√2 of each axis.
            let width = box.width / 2.squareRoot(), height = box.height / 2.squareRoot()
            return Box(x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width: width, height: height)
        }
    }

    public var name: String {
        switch self {
        case .rectangle: "rectangle"
        case .round: "round"
        case .ellipse: "ellipse"
        }
    }
}

/// Labels in rows and columns, at fixed pitches from the first one.
public struct LabelGrid: Sendable, Equatable {
    public var columns: Int
    public var rows: Int
    /// From the page's left and top edges to the first label's.
    public var left: Millimetres
    public var top: Millimetres
    /// From one label's left (top) edge to the next one's.
    public var horizontalPitch: Millimetres
    public var verticalPitch: Millimetres

    public init(columns: Int, rows: Int, left: Millimetres, top: Millimetres, horizontalPitch: Millimetres, verticalPitch: Millimetres) {
        self.columns = columns
        self.rows = rows
        self.left = left
        self.top = top
        self.horizontalPitch = horizontalPitch
        self.verticalPitch = verticalPitch
    }

    public var count: Int { columns * rows }
}

/// A name a sheet is sold under: the maker and its product code (`Avery` `L7160`).
public struct ProductCode: Sendable, Equatable, CustomStringConvertible {
    public var vendor: String
    public var code: String

    public init(vendor: String, code: String) {
        self.vendor = vendor
        self.code = code
    }

    /// "Avery Zweckform 3474": the last word is the code, the words before it the maker.
    public init?(parsing text: String) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2 else { return nil }
        self.init(vendor: words.dropLast().joined(separator: " "), code: String(words.last!))
    }

    public var description: String { "\(vendor) \(code)" }
}

public struct LabelSheet: Sendable, Equatable {
    /// What `--sheet` names it by and what its PDF is called after: the preset's file name, or
    /// for a gLabels template its maker and code (`avery-l7160`).
    public var name: String
    public var description: String
    /// The products this sheet is, the first its own (empty for a preset that names none).
    public var products: [ProductCode]
    /// Where it was read from.
    public var source: String
    public var page: PageSize
    public var shape: LabelShape
    public var labelWidth: Millimetres
    public var labelHeight: Millimetres
    public var grids: [LabelGrid]
    /// Kept free inside each label.
    public var padding: Millimetres
    /// Points: the address's size, and the smallest it may shrink to.
    public var fontSize: Double
    public var minimumFontSize: Double

    public init(name: String, description: String, products: [ProductCode], source: String, page: PageSize, shape: LabelShape,
                labelWidth: Millimetres, labelHeight: Millimetres, grids: [LabelGrid], padding: Millimetres,
                fontSize: Double, minimumFontSize: Double, tolerance: Millimetres = 0.1) throws {
        self.name = name
        self.description = description
        self.products = products
        self.source = source
        self.page = page
        self.shape = shape
        self.labelWidth = labelWidth
        self.labelHeight = labelHeight
        self.grids = grids
        self.padding = padding
        self.fontSize = fontSize
        self.minimumFontSize = minimumFontSize
        try check(tolerance: tolerance)
    }

    public var labelsPerPage: Int { grids.reduce(0) { $0 + $1.count } }

    /// The maker, when the sheet names one.
    public var vendor: String? { products.first?.vendor }

    /// "3 × 8", or "3 × 8 + 2 × 1" for staggered grids.
    public var gridDescription: String { grids.map { "\($0.columns) × \($0.rows)" }.joined(separator: " + ") }

    /// The `index`-th label of a page: row by row from the top left, grid after grid.
    public func box(at index: Int) -> Box {
        var index = index
        for grid in grids {
            if index < grid.count {
                let row = index / grid.columns, column = index % grid.columns
                return Box(x: grid.left + Double(column) * grid.horizontalPitch, y: grid.top + Double(row) * grid.verticalPitch,
                           width: labelWidth, height: labelHeight)
            }
            index -= grid.count
        }
        preconditionFailure("label \(index) beyond the sheet's \(labelsPerPage)")
    }

    /// Where the address of the `index`-th label goes: inside its outline, less the padding.
    public func textBox(at index: Int) -> Box {
        shape.textArea(of: box(at: index)).inset(by: padding)
    }

    /// Labels must lie on the page, not overlap within a grid, and leave room for text, within
    /// `tolerance`: makers round their measures (gLabels' in points, more coarsely).
    private func check(tolerance: Millimetres) throws {
        guard labelWidth > 0, labelHeight > 0, !grids.isEmpty else {
            throw PrintError.invalidSheet(file: source, "labels must have a size and at least one grid")
        }
        for grid in grids {
            guard grid.columns > 0, grid.rows > 0 else { throw PrintError.invalidSheet(file: source, "a grid needs at least one column and one row") }
            guard grid.columns == 1 || grid.horizontalPitch >= labelWidth - tolerance, grid.rows == 1 || grid.verticalPitch >= labelHeight - tolerance else {
                throw PrintError.invalidSheet(file: source, "labels must have a size, and the pitches must be at least the label's size")
            }
            let right = grid.left + Double(grid.columns - 1) * grid.horizontalPitch + labelWidth
            let bottom = grid.top + Double(grid.rows - 1) * grid.verticalPitch + labelHeight
            guard grid.left >= -tolerance, grid.top >= -tolerance, right <= page.width + tolerance, bottom <= page.height + tolerance else {
                throw PrintError.invalidSheet(file: source, "the labels reach \(format(right)) × \(format(bottom)) mm, beyond the \(format(page.width)) × \(format(page.height)) mm page")
            }
        }
        let area = shape.textArea(of: Box(x: 0, y: 0, width: labelWidth, height: labelHeight))
        guard padding >= 0, padding * 2 < min(area.width, area.height), minimumFontSize > 0, minimumFontSize <= fontSize else {
            throw PrintError.invalidSheet(file: source, "padding must leave room inside the label, and 0 < minimum-font-size ≤ font-size")
        }
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
