// A sheet of address labels, as its maker specifies it: the page, the grid, the label's size,
// the margins to the first label and the pitches between labels. Presets are data files
// (Templates/labels/*.yaml), so a new sheet needs no code.

import Yams

public struct LabelSheet: Sendable, Equatable {
    public var name: String
    public var description: String
    public var page: PageSize
    public var columns: Int
    public var rows: Int
    public var labelWidth: Millimetres
    public var labelHeight: Millimetres
    /// From the page's top and left edges to the first label's.
    public var topMargin: Millimetres
    public var leftMargin: Millimetres
    /// From one label's left (top) edge to the next one's.
    public var horizontalPitch: Millimetres
    public var verticalPitch: Millimetres
    /// Kept free inside each label.
    public var padding: Millimetres
    /// Points: the address's size, and the smallest it may shrink to.
    public var fontSize: Double
    public var minimumFontSize: Double

    public var labelsPerPage: Int { columns * rows }

    /// The `index`-th label of a page (row by row, from the top left).
    public func box(at index: Int) -> Box {
        let row = index / columns, column = index % columns
        return Box(x: leftMargin + Double(column) * horizontalPitch, y: topMargin + Double(row) * verticalPitch,
                   width: labelWidth, height: labelHeight)
    }

    /// Reads a preset file; `name` is the file's name without `.yaml`.
    public init(yaml: String, name: String, file: String) throws {
        guard let fields = try? Yams.load(yaml: yaml) as? [String: Any] else {
            throw PrintError.invalidSheet(file: file, "not a YAML mapping of the sheet's measures")
        }
        func number(_ key: String, default value: Double? = nil) throws -> Double {
            if let number = fields[key] as? Double { return number }
            if let number = fields[key] as? Int { return Double(number) }
            if fields[key] == nil, let value { return value }
            throw PrintError.invalidSheet(file: file, "\(key) must be a number (millimetres, or points for font sizes)")
        }
        func count(_ key: String) throws -> Int {
            guard let value = fields[key] as? Int, value > 0 else { throw PrintError.invalidSheet(file: file, "\(key) must be a whole number above 0") }
            return value
        }
        self.name = name
        description = fields["description"] as? String ?? name
        page = PageSize(width: try number("page-width", default: 210), height: try number("page-height", default: 297))
        columns = try count("columns")
        rows = try count("rows")
        labelWidth = try number("label-width")
        labelHeight = try number("label-height")
        topMargin = try number("top-margin")
        leftMargin = try number("left-margin")
        horizontalPitch = try number("horizontal-pitch", default: labelWidth)
        verticalPitch = try number("vertical-pitch", default: labelHeight)
        padding = try number("padding", default: 3)
        fontSize = try number("font-size", default: 10)
        minimumFontSize = try number("minimum-font-size", default: 6)
        try check(file: file)
    }

    /// Labels must lie on the page and not overlap.
    private func check(file: String) throws {
        guard labelWidth > 0, labelHeight > 0, horizontalPitch >= labelWidth, verticalPitch >= labelHeight else {
            throw PrintError.invalidSheet(file: file, "labels must have a size, and the pitches must be at least the label's size")
        }
        let right = leftMargin + Double(columns - 1) * horizontalPitch + labelWidth
        let bottom = topMargin + Double(rows - 1) * verticalPitch + labelHeight
        // A tenth of a millimetre of tolerance: makers round their measures.
        guard leftMargin >= 0, topMargin >= 0, right <= page.width + 0.1, bottom <= page.height + 0.1 else {
            throw PrintError.invalidSheet(file: file, "the labels reach \(format(right)) × \(format(bottom)) mm, beyond the \(format(page.width)) × \(format(page.height)) mm page")
        }
        guard padding * 2 < min(labelWidth, labelHeight), minimumFontSize > 0, minimumFontSize <= fontSize else {
            throw PrintError.invalidSheet(file: file, "padding must leave room inside the label, and 0 < minimum-font-size ≤ font-size")
        }
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
