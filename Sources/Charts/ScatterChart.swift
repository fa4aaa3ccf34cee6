/// One set of points in a scatter chart, e.g. one method's predictions against the measurements.
public struct ScatterGroup: Sendable, Equatable {
    /// The name shown in the legend.
    public var name: String
    /// Horizontal values (the measured or true quantity).
    public var x: [Double]
    /// Vertical values (the predicted quantity), as many as `x`.
    public var y: [Double]
    /// Whose colour the points take.
    public var role: SeriesRole

    /// Creates a group; `x` and `y` must have the same length.
    public init(name: String, x: [Double], y: [Double], role: SeriesRole = .other(0)) {
        precondition(x.count == y.count, "a scatter group needs as many x values as y values")
        self.name = name
        self.x = x
        self.y = y
        self.role = role
    }
}

/// Predicted against measured values on equal axes, with the identity line y = x a perfect model would hit.
public struct ScatterChart: Chart {
    /// The chart's title.
    public var title: String
    /// The horizontal axis (the measured quantity).
    public var xAxis: AxisTitle
    /// The vertical axis (the predicted quantity).
    public var yAxis: AxisTitle
    /// The point sets.
    public var groups: [ScatterGroup]
    /// A note drawn in the top-right corner (e.g. "R² = 0.97"); empty for none.
    public var annotation: String

    /// Creates a chart.
    public init(title: String, xAxis: AxisTitle, yAxis: AxisTitle, groups: [ScatterGroup], annotation: String = "") {
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.groups = groups
        self.annotation = annotation
    }

    /// As wide as the other charts, so that its text is drawn at the same size when the report scales them alike.
    static let width = 640.0
    static let plotSize = 340.0

    /// One scale for both axes, so the identity line runs at 45°.
    private var scale: NiceScale {
        NiceScale(covering: groups.flatMap { $0.x + $0.y }, tickCount: 6)
    }

    /// The SVG document; see ``Chart/svg(id:)``.
    public func svg(id: String) -> String {
        let safeID = SVGText.identifier(id)
        let headerHeight = title.isEmpty ? 8.0 : 28.0
        var entries = groups.map { LegendEntry(name: $0.name, style: $0.role.style, symbol: .marker) }
        entries.append(LegendEntry(name: "identity (y = x)", style: SeriesStyle(color: "#777777", dash: "4 3", width: 1), symbol: .line))
        let legendHeight = Legend.height(of: entries, width: Self.width - 24) + 6
        let plot = Rect(x: (Self.width - Self.plotSize) / 2, y: headerHeight + legendHeight + 8, width: Self.plotSize, height: Self.plotSize)
        let scale = self.scale
        var body = SVGBuilder()
        Axes.drawTitle(title, into: &body)
        Legend.draw(entries, x: 12, y: headerHeight, width: Self.width - 24, into: &body)
        Axes.drawY(scale, in: plot, into: &body)
        Axes.drawX(scale, in: plot, labelled: true, into: &body)
        let clipID = "\(safeID)-clip"
        Axes.defineClip(clipID, plot, into: &body)
        body.open("g", ["clip-path": .text("url(#\(clipID))")])
        body.element("line", [
            "x1": .number(plot.x), "y1": .number(plot.maxY), "x2": .number(plot.maxX), "y2": .number(plot.y),
            "stroke": .text("#777777"), "stroke-width": .number(1), "stroke-dasharray": .text("4 3"),
        ])
        for group in groups {
            body.open("g", ["fill": .text(group.role.style.color), "fill-opacity": .text("0.7"), "class": .text("points")])
            body.text("title", [:], "\(group.name): \(group.x.count) points, \(xAxis.title) \(ChartSummary.range(group.x)), \(yAxis.title) \(ChartSummary.range(group.y))")
            for (x, y) in zip(group.x, group.y) where x.isFinite && y.isFinite {
                body.element("circle", [
                    "cx": .number(scale.position(of: x, from: plot.x, to: plot.maxX)),
                    "cy": .number(scale.position(of: y, from: plot.maxY, to: plot.y)), "r": .number(2.5),
                ])
            }
            body.close("g")
        }
        body.close("g")
        if !annotation.isEmpty {
            body.text("text", ["x": .number(plot.x + 8), "y": .number(plot.y + 16), "class": .text("annotation")], annotation)
        }
        Axes.drawXTitle(xAxis, under: plot, offset: 34, into: &body)
        Axes.drawYTitle(yAxis, beside: plot, x: plot.x - 54, into: &body)
        return SVGDocument.wrap(id: safeID, width: Self.width, height: plot.maxY + 46, title: title, summary: summary, body: body)
    }

    /// A sentence naming the axes, each group's size and range, and the annotation.
    public var summary: String {
        var sentence = "Scatter chart"
        if !title.isEmpty { sentence += " \u{201C}\(title)\u{201D}" }
        sentence += " of \(yAxis.text) against \(xAxis.text) with the identity line"
        let texts = groups.map { "\($0.name): \($0.x.count) points, x \(ChartSummary.range($0.x)), y \(ChartSummary.range($0.y))" }
        if !texts.isEmpty { sentence += ". " + texts.joined(separator: "; ") }
        if !annotation.isEmpty { sentence += ". " + annotation }
        return sentence + "."
    }
}
