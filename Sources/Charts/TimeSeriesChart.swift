/// Time series in one panel or as small multiples (one panel per muscle or coordinate) sharing the x axis.
///
///     let chart = TimeSeriesChart(
///         title: "Brachialis excitation",
///         xAxis: AxisTitle("Time", unit: "s"),
///         panel: Panel(yAxis: AxisTitle("Excitation", unit: "0–1"), series: [
///             Series(name: "truth", x: t, y: truth, role: .truth),
///             Series(name: "NMM", x: t, y: nmm, role: .estimate(SeriesStyle(color: "#D55E00", dash: "6 3"))),
///         ]))
///     let svg = chart.svg(id: "fig-1")
///
/// Every panel shares the x scale; each has its own y scale (excitations and torques differ in size).
/// Tick labels on x appear only under the bottom row; the legend lists each distinct series once.
public struct TimeSeriesChart: Chart {
    /// The chart's title.
    public var title: String
    /// The shared horizontal axis.
    public var xAxis: AxisTitle
    /// The panels, laid out row by row.
    public var panels: [Panel]
    /// Panels per row; `nil` picks one column for up to three panels and two beyond.
    public var columns: Int?

    /// Creates a chart of several panels (small multiples).
    public init(title: String, xAxis: AxisTitle, panels: [Panel], columns: Int? = nil) {
        self.title = title
        self.xAxis = xAxis
        self.panels = panels
        self.columns = columns
    }

    /// Creates a single-panel chart.
    public init(title: String, xAxis: AxisTitle, panel: Panel) {
        self.init(title: title, xAxis: xAxis, panels: [panel], columns: 1)
    }

    static let width = 640.0
    static let leftMargin = 60.0
    static let rightMargin = 12.0
    static let panelTitleHeight = 18.0

    private var columnCount: Int {
        max(1, min(columns ?? (panels.count <= 3 ? 1 : 2), max(1, panels.count)))
    }

    private var plotHeight: Double { panels.count == 1 ? 240 : 130 }

    private var xScale: NiceScale {
        let xs = panels.flatMap { $0.series.flatMap(\.x) + $0.bands.flatMap(\.x) }
        return NiceScale(covering: xs, tickCount: columnCount == 1 ? 8 : 5, tight: true)
    }

    /// The SVG document; see ``Chart/svg(id:)``.
    public func svg(id: String) -> String {
        let safeID = SVGText.identifier(id)
        let columns = columnCount
        let rows = (panels.count + columns - 1) / columns
        let entries = Legend.entries(of: panels)
        let showLegend = entries.count > 1 || entries.contains { $0.symbol != .line }
        let headerHeight = title.isEmpty ? 8.0 : 28.0
        let legendHeight = showLegend ? Legend.height(of: entries, width: Self.width - 24) + 4 : 0
        let cellWidth = (Self.width - Self.rightMargin) / Double(columns)
        let cellHeight = Self.panelTitleHeight + plotHeight + 22
        let gridTop = headerHeight + legendHeight
        let height = gridTop + Double(rows) * cellHeight + 24

        var body = SVGBuilder()
        Axes.drawTitle(title, into: &body)
        if showLegend {
            Legend.draw(entries, x: 12, y: headerHeight, width: Self.width - 24, into: &body)
        }
        let xScale = self.xScale
        for (index, panel) in panels.enumerated() {
            let column = index % columns
            let row = index / columns
            let cellX = Double(column) * cellWidth
            let plot = Rect(
                x: cellX + Self.leftMargin,
                y: gridTop + Double(row) * cellHeight + Self.panelTitleHeight,
                width: cellWidth - Self.leftMargin - Self.rightMargin,
                height: plotHeight)
            let renderer = TimeSeriesPanelRenderer(
                panel: panel, xAxis: xAxis, xScale: xScale, yScale: TimeSeriesPanelRenderer.yScale(for: panel, tickCount: panels.count == 1 ? 6 : 4))
            let isBottom = index + columns >= panels.count
            renderer.draw(in: plot, clipID: "\(safeID)-clip-\(index)", labelX: isBottom, into: &body)
            Axes.drawYTitle(panel.yAxis, beside: plot, x: cellX + 14, into: &body)
            if isBottom {
                Axes.drawXTitle(xAxis, under: plot, offset: 34, into: &body)
            }
        }
        return SVGDocument.wrap(id: safeID, width: Self.width, height: height, title: title, summary: summary, body: body)
    }

    /// A sentence naming the axes, the x range, the panels and each series' range of values.
    public var summary: String {
        let scale = xScale
        let xs = panels.flatMap { $0.series.flatMap(\.x) }.filter(\.isFinite)
        var sentence = "Line chart"
        if !title.isEmpty { sentence += " \u{201C}\(title)\u{201D}" }
        let yTitles = Array(Set(panels.map(\.yAxis.text))).sorted()
        sentence += " of \(yTitles.joined(separator: ", ")) against \(xAxis.text)"
        if let first = xs.min(), let last = xs.max() {
            sentence += " from \(SVGNumber.readable(first)) to \(SVGNumber.readable(last))"
        } else {
            sentence += " (no data; axis \(scale.label(scale.lower)) to \(scale.label(scale.upper)))"
        }
        if panels.count > 1 {
            sentence += ", in \(panels.count) panels (\(panels.map(\.title).joined(separator: ", ")))"
        }
        let seriesTexts = panels.flatMap { panel in
            panel.series.map { series -> String in
                let prefix = panels.count > 1 ? "\(panel.title) \(series.name)" : series.name
                return "\(prefix) \(ChartSummary.range(series.y))"
            }
        }
        if !seriesTexts.isEmpty { sentence += ". Series: " + seriesTexts.joined(separator: "; ") }
        let markers = panels.flatMap(\.markers).map { "\($0.name) at \(SVGNumber.readable($0.x)), \(SVGNumber.readable($0.y))" }
        if !markers.isEmpty { sentence += ". Marked: " + markers.joined(separator: "; ") }
        if panels.contains(where: { $0.yScale == .logarithmic }) { sentence += ". Vertical axis logarithmic" }
        let notes = panels.filter { !$0.annotation.isEmpty }.map { panels.count > 1 ? "\($0.title): \($0.annotation)" : $0.annotation }
        if !notes.isEmpty { sentence += ". " + notes.joined(separator: "; ") }
        return sentence + "."
    }
}

/// Phrases shared by the charts' generated summaries.
enum ChartSummary {
    /// "from 0.1 to 0.9" over the finite values, or "no finite values".
    static func range(_ values: [Double]) -> String {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return "with no finite values" }
        return "from \(SVGNumber.readable(low)) to \(SVGNumber.readable(high))"
    }

    /// A summary's first sentence (up to the first ". ").
    static func firstSentence(of text: String) -> String {
        guard let end = text.range(of: ". ") else { return text }
        return String(text[..<end.lowerBound]) + "."
    }
}
