// A chart as inline SVG: vertical bars over a value axis with round-number ticks, the
// categories beneath, the axis titles, and each bar's figure above it. Sized in a viewBox so
// it scales to the page; drawn with text and rectangles only, so it prints sharp.

public enum SVGChart {
    static let width = 680.0, height = 300.0
    static let left = 64.0, right = 16.0, top = 34.0, bottom = 78.0

    public static func render(_ chart: ReportChart) -> String {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maximum = chart.bars.map(\.value).max() ?? 0
        let step = tickStep(maximum: maximum, scale: chart.scale)
        let ceiling = max(step, (maximum / step).rounded(.up) * step)
        let slot = plotWidth / Double(max(chart.bars.count, 1))
        let gap = chart.style == .histogram ? 0 : slot * 0.25
        // All the categories upright, or all slanted where they would not fit side by side.
        let slanted = chart.bars.count > 6 || (chart.bars.count > 3 && chart.bars.contains { $0.label.count > 12 })
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(n(width)) \(n(height))" role="img" aria-label="\(HTMLText.escape(chart.title))" class="chart">
            <title>\(HTMLText.escape(chart.title))</title>
            <text x="\(n(width / 2))" y="18" text-anchor="middle" class="chart-title">\(HTMLText.escape(chart.title))</text>

            """
        var tick = 0.0
        while tick <= ceiling + step / 2 {
            let y = top + plotHeight - tick / ceiling * plotHeight
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(width - right))\" y2=\"\(n(y))\" class=\"grid\"/>"
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\" class=\"tick\">\(HTMLText.escape(label(tick, scale: chart.scale)))</text>\n"
            tick += step
        }
        for (index, bar) in chart.bars.enumerated() {
            let barHeight = ceiling == 0 ? 0 : bar.value / ceiling * plotHeight
            let x = left + Double(index) * slot + gap / 2
            let y = top + plotHeight - barHeight
            svg += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(slot - gap))\" height=\"\(n(barHeight))\" class=\"bar\"><title>\(HTMLText.escape(bar.label)): \(HTMLText.escape(label(bar.value, scale: chart.scale)))</title></rect>"
            svg += "<text x=\"\(n(x + (slot - gap) / 2))\" y=\"\(n(y - 4))\" text-anchor=\"middle\" class=\"figure\">\(HTMLText.escape(label(bar.value, scale: chart.scale)))</text>"
            let labelX = x + (slot - gap) / 2, labelY = top + plotHeight + 14
            if slanted {
                svg += "<text x=\"\(n(labelX))\" y=\"\(n(labelY))\" text-anchor=\"end\" transform=\"rotate(-30 \(n(labelX)) \(n(labelY)))\" class=\"category\">\(HTMLText.escape(clip(bar.label)))</text>\n"
            } else {
                svg += "<text x=\"\(n(labelX))\" y=\"\(n(labelY))\" text-anchor=\"middle\" class=\"category\">\(HTMLText.escape(clip(bar.label)))</text>\n"
            }
        }
        svg += """
            <line x1="\(n(left))" y1="\(n(top + plotHeight))" x2="\(n(width - right))" y2="\(n(top + plotHeight))" class="axis"/>
            <line x1="\(n(left))" y1="\(n(top))" x2="\(n(left))" y2="\(n(top + plotHeight))" class="axis"/>
            <text x="\(n(left + plotWidth / 2))" y="\(n(height - 6))" text-anchor="middle" class="axis-title">\(HTMLText.escape(chart.categoryAxis))</text>
            <text x="14" y="\(n(top + plotHeight / 2))" text-anchor="middle" transform="rotate(-90 14 \(n(top + plotHeight / 2)))" class="axis-title">\(HTMLText.escape(chart.valueAxis))</text>
            </svg>
            """
        return svg
    }

    /// 1, 2 or 5 times a power of ten, giving four to eight ticks; whole numbers for counts.
    static func tickStep(maximum: Double, scale: ReportChart.Scale) -> Double {
        guard maximum > 0 else { return scale == .rate ? 0.25 : 1 }
        let rough = maximum / 5
        var power = 1.0
        while power * 10 <= rough { power *= 10 }
        while power > rough { power /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? power * 10
        return scale == .count ? max(1, step.rounded(.up)) : step
    }

    static func label(_ value: Double, scale: ReportChart.Scale) -> String {
        switch scale {
        case .count: CzechFormat.count(Int(value.rounded()))
        case .rate: CzechFormat.percent(value)
        case .days: CzechFormat.decimal(value)
        }
    }

    private static func clip(_ text: String) -> String { text.count <= 22 ? text : String(text.prefix(21)) + "…" }

    /// Coordinates with at most one decimal place.
    private static func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths.rounded() == tenths ? String(Int(tenths)) : String(tenths)
    }
}
