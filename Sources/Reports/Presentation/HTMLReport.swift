// A report as one self-contained HTML page: no scripts, fonts or pictures from elsewhere; the
// table, the charts as inline SVG, the definitions, and a stylesheet that prints on A4.

public enum HTMLReport {
    /// - Parameters:
    ///   - scope: what was counted, in words (the period, the selection), printed under the title.
    ///   - generated: when, as the reader should see it.
    public static func render(_ table: ReportTable, scope: [String], generated: String) -> String {
        var body = heading(table.title, scope: scope, generated: generated)
        body += "<table>\n<thead><tr>"
        for column in table.columns { body += "<th scope=\"col\">\(HTMLText.escape(column.title))</th>" }
        body += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            let isTotal = row.first == .total
            body += isTotal ? "<tr class=\"total\">" : "<tr>"
            for value in row { body += cell(value) }
            body += "</tr>\n"
        }
        body += "</tbody>\n</table>\n"
        for chart in table.charts { body += "<figure>\n\(SVGChart.render(chart))\n</figure>\n" }
        if !table.definitions.isEmpty {
            body += "<h2>Co čísla znamenají</h2>\n<ul class=\"definitions\">\n"
            for definition in table.definitions { body += "<li>\(HTMLText.escape(definition))</li>\n" }
            body += "</ul>\n"
        }
        return page(title: table.title, body: body)
    }

    /// The title, what was counted and when.
    static func heading(_ title: String, scope: [String], generated: String) -> String {
        "<h1>\(HTMLText.escape(title))</h1>\n<p class=\"scope\">\(scope.map(HTMLText.escape).joined(separator: " · "))<br/>Vytvořeno \(HTMLText.escape(generated))</p>\n"
    }

    /// The page around any body: the report's styles and the Czech language tag.
    public static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="cs">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(styles)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    private static func cell(_ value: ReportValue) -> String {
        switch value {
        case .text(let text): "<td>\(HTMLText.escape(text))</td>"
        case .total: "<th scope=\"row\">celkem</th>"
        case .count(let count): "<td class=\"n\">\(CzechFormat.count(count))</td>"
        case .rate(let rate): "<td class=\"n\">\(CzechFormat.percent(rate))</td>"
        case .days(let days): "<td class=\"n\">\(CzechFormat.decimal(days))</td>"
        }
    }

    /// How the charts' SVG classes are drawn: on this page and on the workspace's report pages.
    public static let chartStyles = """
        svg .bar { fill: #2f6f9f; }
        svg .grid { stroke: #e3e3e3; stroke-width: 1; }
        svg .axis { stroke: #333; stroke-width: 1; }
        svg .tick, svg .category { font-size: 10px; fill: #333; }
        svg .figure { font-size: 9px; fill: #111; }
        svg .axis-title { font-size: 11px; fill: #111; }
        svg .chart-title { font-size: 13px; font-weight: bold; fill: #111; }
        """

    static let styles = """
        @page { size: A4; margin: 15mm 12mm; }
        body { font-family: "DejaVu Sans", "Helvetica", "Arial", sans-serif; font-size: 10pt; color: #111; margin: 1.5em; }
        @media print { body { margin: 0; } }
        h1 { font-size: 16pt; margin: 0 0 0.2em; }
        h2 { font-size: 12pt; margin: 1.4em 0 0.4em; }
        p.scope { color: #444; margin: 0 0 1em; }
        table { border-collapse: collapse; width: 100%; font-size: 9pt; }
        thead { display: table-header-group; }
        th, td { border-bottom: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #333; background: #f0f0f0; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.total th, tr.total td { border-top: 2px solid #333; font-weight: bold; }
        tr { break-inside: avoid; }
        figure { margin: 1.2em 0; break-inside: avoid; }
        svg.chart { width: 100%; max-width: 180mm; height: auto; font-family: inherit; }
        \(chartStyles)
        ul.definitions { color: #333; padding-left: 1.2em; }
        table.history td.text { width: 30%; }
        """
}
