// gLabels' template library (Debian `glabels-data`: /usr/share/libglabels-3.0/templates/*.xml):
// some 1,100 sheets by maker and product code, read as label sheets. Rectangular, round and
// elliptical labels carry an address; CD labels and sheets that do not lie on their page are
// left out and counted.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

public enum GLabelsLibrary {
    /// The folders a system keeps the library in.
    public static let systemFolders = ["/usr/share/libglabels-3.0/templates", "/usr/share/glabels-3.0/templates",
                                       "/usr/local/share/libglabels-3.0/templates", "/usr/local/share/glabels-3.0/templates"]

    /// Whether `folder` holds gLabels templates.
    public static func isLibrary(_ folder: String) -> Bool {
        templateFiles(in: folder).isEmpty == false
    }

    static func templateFiles(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix("-templates.xml") }.sorted()
    }

    /// Every usable sheet of the folder, and how many templates were left out.
    public static func load(folder: String) throws -> (sheets: [LabelSheet], leftOut: Int) {
        let papers = paperSizes(folder: folder)
        var templates: [GLabelsTemplate] = []
        for file in templateFiles(in: folder) {
            let path = folder + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else { throw PrintError.invalidSheet(file: path, "cannot be read") }
            templates += try GLabelsReader.templates(in: data, file: path)
        }
        return sheets(from: templates, papers: papers)
    }

    static func sheets(from templates: [GLabelsTemplate], papers: [String: PageSize]) -> (sheets: [LabelSheet], leftOut: Int) {
        // An equivalent is another maker's or code's name for a sheet defined once.
        var equivalents: [String: [ProductCode]] = [:]
        let defined = Set(templates.filter { $0.equivalentOf == nil }.map { key($0.brand, $0.part) })
        // Another maker's equivalent names the part alone: the first definition of that part.
        var definedByPart: [String: String] = [:]
        for template in templates where template.equivalentOf == nil {
            definedByPart[template.part.lowercased()] = definedByPart[template.part.lowercased()] ?? key(template.brand, template.part)
        }
        for template in templates {
            guard let original = template.equivalentOf else { continue }
            let target = defined.contains(key(template.brand, original)) ? key(template.brand, original) : definedByPart[original.lowercased()]
            if let target { equivalents[target, default: []].append(ProductCode(vendor: template.brand, code: template.part)) }
        }
        var sheets: [LabelSheet] = [], leftOut = 0
        for template in templates where template.equivalentOf == nil {
            guard let sheet = try? template.sheet(papers: papers, equivalents: equivalents[key(template.brand, template.part)] ?? []) else {
                leftOut += 1
                continue
            }
            sheets.append(sheet)
        }
        return (sheets, leftOut)
    }

    private static func key(_ brand: String, _ part: String) -> String { brand.lowercased() + "\u{1}" + part.lowercased() }

    /// Paper sizes by gLabels id, from the library's paper-sizes.xml, with the common ones as a fallback.
    static func paperSizes(folder: String) -> [String: PageSize] {
        var sizes: [String: PageSize] = ["A4": .a4, "A5": PageSize(width: 148, height: 210), "A6": PageSize(width: 105, height: 148),
                                          "A3": PageSize(width: 297, height: 420), "US-Letter": PageSize(width: 215.9, height: 279.4),
                                          "US-Legal": PageSize(width: 215.9, height: 355.6)]
        if let data = FileManager.default.contents(atPath: folder + "/paper-sizes.xml"),
           let listed = try? GLabelsReader.paperSizes(in: data, file: folder + "/paper-sizes.xml") {
            sizes.merge(listed) { _, listed in listed }
        }
        return sizes
    }
}

/// One `<Template>` element, as read.
struct GLabelsTemplate {
    enum Outline { case rectangle(width: Millimetres, height: Millimetres), round(radius: Millimetres), ellipse(width: Millimetres, height: Millimetres), cd }

    var file: String
    var brand: String
    var part: String
    var description: String
    var paper: String?
    var paperSize: PageSize?
    var equivalentOf: String?
    var outline: Outline?
    var margin: Millimetres?
    var grids: [LabelGrid] = []

    func sheet(papers: [String: PageSize], equivalents: [ProductCode]) throws -> LabelSheet {
        let where_ = "\(file): \(brand) \(part)"
        guard let page = paperSize ?? paper.flatMap({ papers[$0] }) else { throw PrintError.invalidSheet(file: where_, "unknown paper size") }
        let shape: LabelShape, width: Millimetres, height: Millimetres
        switch outline {
        case .rectangle(let w, let h)?: (shape, width, height) = (.rectangle, w, h)
        case .round(let radius)?: (shape, width, height) = (.round, radius * 2, radius * 2)
        case .ellipse(let w, let h)?: (shape, width, height) = (.ellipse, w, h)
        case .cd?, nil: throw PrintError.invalidSheet(file: where_, "not a label an address can go on")
        }
        let area = shape.textArea(of: Box(x: 0, y: 0, width: width, height: height))
        // The maker's markup margin, within reason; a small label keeps a quarter of its text area.
        let padding = min(max(margin ?? 2, 1), 4, min(area.width, area.height) / 4)
        // About six lines of address in the text area, between 6 and 10 points.
        let lines = Points.of(area.height - 2 * padding) / 7.2
        let fontSize = min(10, max(6, (lines * 2).rounded(.down) / 2))
        let name = (brand + "-" + part).lowercased().replacingOccurrences(of: " ", with: "-")
        return try LabelSheet(name: name, description: description.isEmpty ? "\(brand) \(part)" : description,
                              products: [ProductCode(vendor: brand, code: part)] + equivalents, source: file, page: page, shape: shape,
                              labelWidth: width, labelHeight: height, grids: grids, padding: padding,
                              fontSize: fontSize, minimumFontSize: min(5, fontSize), tolerance: 1)
    }
}

/// Reads gLabels' XML with Foundation's parser (libxml2).
final class GLabelsReader: NSObject, XMLParserDelegate {
    private let file: String
    private var templates: [GLabelsTemplate] = []
    private var current: GLabelsTemplate?
    private var papers: [String: PageSize] = [:]
    private var problem: String?

    private init(file: String) { self.file = file }

    static func templates(in data: Data, file: String) throws -> [GLabelsTemplate] {
        let reader = GLabelsReader(file: file)
        try reader.parse(data)
        return reader.templates
    }

    static func paperSizes(in data: Data, file: String) throws -> [String: PageSize] {
        let reader = GLabelsReader(file: file)
        try reader.parse(data)
        return reader.papers
    }

    private func parse(_ data: Data) throws {
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse(), problem == nil else {
            let line = parser.lineNumber, column = parser.columnNumber
            throw PrintError.invalidSheet(file: "\(file):\(line):\(column)", problem ?? parser.parserError.map { "not well-formed XML (\($0.localizedDescription))" } ?? "not well-formed XML")
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        func length(_ key: String) -> Millimetres? { attributes[key].flatMap(GLabelsReader.millimetres) }
        switch name {
        case "Paper-size":
            if let id = attributes["id"], let width = length("width"), let height = length("height") { papers[id] = PageSize(width: width, height: height) }
        case "Template":
            guard let brand = attributes["brand"], let part = attributes["part"] else { return }
            var template = GLabelsTemplate(file: file, brand: brand, part: part,
                                           description: attributes["_description"] ?? attributes["description"] ?? "",
                                           paper: attributes["size"], equivalentOf: attributes["equiv"])
            if attributes["size"] == "Other", let width = length("width"), let height = length("height") {
                template.paperSize = PageSize(width: width, height: height)
            }
            current = template
        case "Label-rectangle":
            if let width = length("width"), let height = length("height") { current?.outline = .rectangle(width: width, height: height) }
        case "Label-round":
            if let radius = length("radius") { current?.outline = .round(radius: radius) }
        case "Label-ellipse":
            if let width = length("width"), let height = length("height") { current?.outline = .ellipse(width: width, height: height) }
        case "Label-cd":
            current?.outline = .cd
        case "Markup-margin":
            if current?.margin == nil { current?.margin = length("size") }
        case "Layout":
            guard let columns = attributes["nx"].flatMap(Int.init), let rows = attributes["ny"].flatMap(Int.init) else { return }
            current?.grids.append(LabelGrid(columns: columns, rows: rows, left: length("x0") ?? 0, top: length("y0") ?? 0,
                                            horizontalPitch: length("dx") ?? 0, verticalPitch: length("dy") ?? 0))
        default: break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: Error) {
        if problem == nil { problem = "not well-formed XML (\(error.localizedDescription))" }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "Template", let template = current {
            templates.append(template)
            current = nil
        }
    }

    /// "12.5mm", "0.75in", "181.4" (points, gLabels' default unit), "2cm", "1pc".
    static func millimetres(_ text: String) -> Millimetres? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [("mm", 1), ("cm", 10), ("in", 25.4), ("pt", 25.4 / 72), ("pc", 25.4 / 6)]
        for (unit, factor) in units where trimmed.hasSuffix(unit) {
            return Double(trimmed.dropLast(unit.count).trimmingCharacters(in: .whitespaces)).map { $0 * factor }
        }
        return Double(trimmed).map { $0 * 25.4 / 72 }
    }
}
