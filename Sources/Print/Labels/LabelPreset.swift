// Kontakt's own label sheet presets: one YAML file per sheet (Templates/labels/*.yaml), in the
// maker's measures. See Templates/labels/README.md for the fields.

import Yams

extension LabelSheet {
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
        var products: [ProductCode] = []
        if let listed = fields["products"] {
            guard let names = listed as? [String] else {
                throw PrintError.invalidSheet(file: file, "products must be a list of maker and code, such as \"Avery L7160\"")
            }
            for text in names {
                guard let product = ProductCode(parsing: text) else {
                    throw PrintError.invalidSheet(file: file, "product \"\(text)\" must be the maker and the code, such as \"Avery L7160\"")
                }
                products.append(product)
            }
        }
        let shape: LabelShape
        switch fields["shape"] as? String ?? "rectangle" {
        case "rectangle": shape = .rectangle
        case "round": shape = .round
        case "ellipse": shape = .ellipse
        case let other: throw PrintError.invalidSheet(file: file, "shape must be rectangle, round or ellipse, not \"\(other)\"")
        }
        let columns = try count("columns"), rows = try count("rows")
        let width = try number("label-width"), height = try number("label-height")
        let grid = LabelGrid(columns: columns, rows: rows, left: try number("left-margin"), top: try number("top-margin"),
                             horizontalPitch: try number("horizontal-pitch", default: width), verticalPitch: try number("vertical-pitch", default: height))
        try self.init(name: name, description: fields["description"] as? String ?? name, products: products, source: file,
                      page: PageSize(width: try number("page-width", default: 210), height: try number("page-height", default: 297)),
                      shape: shape, labelWidth: width, labelHeight: height, grids: [grid], padding: try number("padding", default: 3),
                      fontSize: try number("font-size", default: 10), minimumFontSize: try number("minimum-font-size", default: 6))
    }
}
