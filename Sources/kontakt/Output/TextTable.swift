// Plain-text tables for people: columns padded to their widest cell.

struct TextTable {
    let headers: [String]
    private(set) var rows: [[String]] = []

    init(_ headers: String...) { self.headers = headers }
    init(headings: [String]) { headers = headings }

    mutating func add(_ cells: String...) { rows.append(cells) }
    mutating func add(cells: [String]) { rows.append(cells) }

    /// Cells are cut to `maxWidth` characters so one long note does not wreck the layout.
    func render(maxWidth: Int = 48) -> String {
        let clipped = rows.map { $0.map { clip($0, maxWidth) } }
        var widths = headers.map(\.count)
        for row in clipped { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        var lines = [line(headers), line(widths.map { String(repeating: "-", count: $0) })]
        lines += clipped.map(line)
        return lines.joined(separator: "\n")
    }

    private func clip(_ text: String, _ width: Int) -> String {
        let single = text.replacingNewlines
        return single.count <= width ? single : String(single.prefix(width - 1)) + "…"
    }
}

extension String {
    var replacingNewlines: String { String(map { $0 == "\n" || $0 == "\r" ? " " : $0 }) }
}
