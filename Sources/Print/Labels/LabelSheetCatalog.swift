// The label sheets Kontakt knows: the presets of one or more folders — Kontakt's own YAML files
// (Templates/labels) and gLabels' template library — found by name or by the product code
// printed on the box (`L7160`, `Herma 4464`).

import Foundation

public struct LabelSheetCatalog: Sendable {
    /// Own presets first, then gLabels' templates, each folder in the order given.
    public private(set) var sheets: [LabelSheet] = []
    /// gLabels templates that cannot carry an address (CD labels, sheets beyond their page).
    public private(set) var leftOut = 0
    public let folders: [String]

    /// Reads every folder: `*.yaml` presets and, with `libraries`, gLabels' `*-templates.xml`.
    /// A folder that does not exist is an error naming it.
    public init(folders: [String], libraries: Bool = true) throws {
        self.folders = folders
        var names = Set<String>()
        for folder in folders {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw PrintError.noSheetFolder(looked: [folder])
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            for file in files where file.hasSuffix(".yaml") {
                let path = folder + "/" + file
                guard let data = FileManager.default.contents(atPath: path) else { throw PrintError.invalidSheet(file: path, "cannot be read") }
                let sheet = try LabelSheet(yaml: String(decoding: data, as: UTF8.self), name: String(file.dropLast(5)), file: path)
                if names.insert(sheet.name).inserted { sheets.append(sheet) }
            }
            if libraries, GLabelsLibrary.isLibrary(folder) {
                let library = try GLabelsLibrary.load(folder: folder)
                for sheet in library.sheets where names.insert(sheet.name).inserted { sheets.append(sheet) }
                leftOut += library.leftOut
            }
        }
    }

    /// The sheet `name` names in `folders`. Kontakt's presets are tried first, and gLabels'
    /// library (a thousand templates to parse) only read when none of them is meant: a preset
    /// wins over a gLabels template of the same code anyway.
    public static func sheet(named name: String, in folders: [String]) throws -> LabelSheet {
        if let preset = try? LabelSheetCatalog(folders: folders, libraries: false).sheet(named: name) { return preset }
        return try LabelSheetCatalog(folders: folders).sheet(named: name)
    }

    /// The sheet `name` names: a preset's name, or a product code with or without its maker
    /// (`L7160`, `Avery L7160`, `zweckform 3474`), in any case.
    public func sheet(named name: String) throws -> LabelSheet {
        let key = Self.folded(name)
        if let sheet = sheets.first(where: { Self.folded($0.name) == key }) { return sheet }
        let candidates = sheets.filter { sheet in sheet.products.contains { Self.names($0, key) } }
        guard let first = candidates.first else {
            throw PrintError.unknownSheet(name, suggestions: matching(name).prefix(8).map(\.title), count: sheets.count)
        }
        // Kontakt's own preset wins over a gLabels template of the same code: it is measured
        // for this program. Otherwise the same code for sheets that differ is ambiguous.
        if let preset = candidates.first(where: \.isPreset) { return preset }
        let distinct = candidates.filter { !$0.sameLayout(as: first) }
        guard distinct.isEmpty else {
            throw PrintError.ambiguousSheet(name, candidates: candidates.prefix(8).map { sheet in
                let product = sheet.products.first { Self.names($0, key) } ?? sheet.products[0]
                return PrintError.SheetCandidate(product: product.description, layout: sheet.summary)
            })
        }
        return first
    }

    /// Sheets whose name, maker, code, description, grid or label size contains `filter`
    /// (case and diacritics aside; `3x8` and `70x37` match grids and sizes).
    public func matching(_ filter: String) -> [LabelSheet] {
        let key = Self.folded(filter)
        guard !key.isEmpty else { return sheets }
        return sheets.filter { sheet in
            let texts = [sheet.name, sheet.description, sheet.gridDescription, sheet.sizeDescription] + sheet.products.map(\.description)
            return texts.contains { Self.folded($0).contains(key) }
        }
    }

    private static func names(_ product: ProductCode, _ key: String) -> Bool {
        let code = folded(product.code), full = folded(product.description)
        return key == code || (full.hasSuffix(key) && key.hasSuffix(code))
    }

    /// Lower case, no diacritics, letters and digits only: "Avery Zweckform 3474" → "averyzweckform3474".
    static func folded(_ text: String) -> String {
        String(text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
            .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}

extension LabelSheet {
    /// One of Kontakt's own presets (a YAML file), not a gLabels template.
    public var isPreset: Bool { source.hasSuffix(".yaml") }

    /// "Avery L7160", or the preset's name when it names no product.
    public var title: String { products.first?.description ?? name }

    /// "70 × 37 mm".
    public var sizeDescription: String {
        "\(Self.millimetres(labelWidth)) × \(Self.millimetres(labelHeight)) mm" + (shape == .rectangle ? "" : " \(shape.name)")
    }

    /// "A4 210 × 297 mm".
    public var pageDescription: String {
        let name: String
        switch (Self.millimetres(page.width), Self.millimetres(page.height)) {
        case ("210", "297"): name = "A4 "
        case ("148", "210"): name = "A5 "
        case ("215.9", "279.4"): name = "Letter "
        default: name = ""
        }
        return "\(name)\(Self.millimetres(page.width)) × \(Self.millimetres(page.height)) mm"
    }

    /// "3 × 8, 70 × 37 mm, A4".
    var summary: String { "\(gridDescription), \(sizeDescription), \(pageDescription)" }

    func sameLayout(as other: LabelSheet) -> Bool {
        page == other.page && shape == other.shape && grids == other.grids && labelWidth == other.labelWidth && labelHeight == other.labelHeight
    }

    static func millimetres(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
