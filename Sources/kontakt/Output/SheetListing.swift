// `kontakt labels --list-sheets`: the label sheets as a table — what to ask for (`--sheet`), the
// maker and code on the box, the grid, the label and the page — and where they came from.

import Print

struct SheetListing {
    let sheets: [LabelSheet]
    let catalog: LabelSheetCatalog
    let filter: String?

    init(_ sheets: [LabelSheet], of catalog: LabelSheetCatalog, filter: String?) {
        self.sheets = sheets
        self.catalog = catalog
        self.filter = filter
    }

    func render() -> String {
        var table = TextTable("sheet", "vendor", "code", "grid", "label", "page", "description")
        for sheet in sheets {
            let codes = sheet.products.map(\.code)
            let shown = codes.prefix(4).joined(separator: ", ") + (codes.count > 4 ? ", …" : "")
            table.add(sheet.name, sheet.vendor ?? "", shown, sheet.gridDescription, sheet.sizeDescription, sheet.pageDescription, sheet.description)
        }
        var lines = sheets.isEmpty ? ["No label sheet matches \"\(filter ?? "")\"."] : [table.render()]
        let counted = filter.map { "\(sheets.count) of \(catalog.sheets.count) sheets match \"\($0)\"" } ?? "\(sheets.count) sheets"
        let leftOut = catalog.leftOut > 0 ? "; \(catalog.leftOut) gLabels templates (CD labels, sheets beyond their page) are left out" : ""
        lines.append("\(counted), from \(catalog.folders.joined(separator: ", "))\(leftOut).")
        return lines.joined(separator: "\n")
    }
}
