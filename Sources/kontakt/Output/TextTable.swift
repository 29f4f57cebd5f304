// Plain-text tables for people: columns padded to their widest cell.

struct TextTable {
    let headers: [String]
    private(set) var rows: [[String]] = []

    init(_ headers: String...) { self.headers = headers }
    init(headings: [String]) { headers = headings }

    mutating func add(_ cells: String...) { rows.append(cells) }
    mutating func add(cells: [String]) { rows.append(cells) }

    /// Cells are cut to `maxWidth` characters so one long note does not wreck the layout.
    /// Each cell's width is counted once: a history of 10,000 contacts has 80,000 cells.
    func render(maxWidth: Int = 48) -> String {
        let clipped = rows.map { $0.map { clip($0, maxWidth) } }
        var widths = headers.map(\.count)
        for row in clipped { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.width) } }
        var output = ""
        output.reserveCapacity((widths.reduce(0, +) + 2 * widths.count) * (clipped.count + 2))
        func line(_ cells: [(text: String, width: Int)]) {
            for (index, cell) in cells.enumerated() {
                output += cell.text
                if index < cells.count - 1 { output += String(repeating: " ", count: widths[index] - cell.width + 2) }
            }
        }
        line(headers.map { ($0, $0.count) })
        output += "\n"
        line(widths.map { (String(repeating: "-", count: $0), $0) })
        for row in clipped {
            output += "\n"
            line(row)
        }
        return output
    }

    private func clip(_ text: String, _ width: Int) -> (text: String, width: Int) {
        let single = text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) ? text.replacingNewlines : text
        let count = single.count
        return count <= width ? (single, count) : (String(single.prefix(width - 1)) + "…", width)
    }
}

extension String {
    var replacingNewlines: String { String(map { $0 == "\n" || $0 == "\r" ? " " : $0 }) }
}
