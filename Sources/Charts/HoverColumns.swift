/// Hover values without a script: the plot is cut into thin vertical columns, each an invisible rectangle whose SVG
/// `<title>` lists every series' value at the column's middle, so a browser shows them as a tooltip.
///
/// ``count`` columns per panel keep a report small (a few kilobytes per panel) while a reader can still read a
/// curve's value at any of them; the exact samples are in the figure's CSV download and the JSON report.
struct HoverColumns {
    var panel: Panel
    var xAxis: AxisTitle
    var xScale: NiceScale

    /// Columns per panel.
    static let count = 40

    /// Draws the columns over `plot`.
    func draw(in plot: Rect, into svg: inout SVGBuilder) {
        guard !panel.series.isEmpty, xScale.upper > xScale.lower else { return }
        svg.open("g", ["class": .text("hover"), "fill": .text("#000000"), "fill-opacity": .text("0")])
        let width = plot.width / Double(Self.count)
        for column in 0..<Self.count {
            let left = plot.x + Double(column) * width
            let x = xScale.lower + (Double(column) + 0.5) / Double(Self.count) * (xScale.upper - xScale.lower)
            svg.open("rect", ["x": .number(left), "y": .number(plot.y), "width": .number(width), "height": .number(plot.height)])
            svg.text("title", [:], text(at: x))
            svg.close("rect")
        }
        svg.close("g")
    }

    /// "BRA · Time 1.23 s" then one line per series: "NMM 0.231".
    func text(at x: Double) -> String {
        var head = "\(xAxis.title) \(SVGNumber.readable(x))" + (xAxis.unit.isEmpty ? "" : " \(xAxis.unit)")
        if !panel.title.isEmpty { head = "\(panel.title) · " + head }
        let lines = panel.series.map { series -> String in
            guard let y = Self.value(of: series, at: x), y.isFinite else { return "\(series.name) —" }
            return "\(series.name) \(SVGNumber.readable(y))"
        }
        return ([head] + lines).joined(separator: "\n")
    }

    /// The sample of `series` nearest to `x` (its x values ascending), or nil when `x` lies outside them.
    static func value(of series: Series, at x: Double) -> Double? {
        guard let first = series.x.first, let last = series.x.last, x >= first, x <= last else { return nil }
        var low = 0
        var high = series.x.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if series.x[middle] <= x { low = middle } else { high = middle }
        }
        return abs(series.x[low] - x) <= abs(series.x[high] - x) ? series.y[low] : series.y[high]
    }
}
