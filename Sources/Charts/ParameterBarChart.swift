/// One row of a parameter chart: a parameter's generic value, its fitted value, its bounds and its truth.
public struct ParameterBar: Sendable, Equatable {
    /// The row label, e.g. "BRA maxIsometricForce".
    public var label: String
    /// The generic (unscaled model) value.
    public var generic: Double
    /// The fitted (personalised) value.
    public var fitted: Double
    /// The lower bound the fit respected, if any.
    public var lower: Double?
    /// The upper bound the fit respected, if any.
    public var upper: Double?
    /// The true value, known on simulated subjects only.
    public var truth: Double?

    /// Creates a row.
    public init(label: String, generic: Double, fitted: Double, lower: Double? = nil, upper: Double? = nil, truth: Double? = nil) {
        self.label = label
        self.generic = generic
        self.fitted = fitted
        self.lower = lower
        self.upper = upper
        self.truth = truth
    }
}

/// Horizontal bars from each parameter's generic value (a grey tick) to its fitted value, with the fit's bounds as
/// whiskers and the truth (when known) as a black tick.
///
/// The axis covers the values shown, not zero: fitted scale factors of 0.9 and 1.1 differ visibly, where bars from
/// zero would hide them. Each row's hover title gives its numbers.
public struct ParameterBarChart: Chart {
    /// The chart's title.
    public var title: String
    /// The value axis, e.g. `AxisTitle("Max isometric force", unit: "N")` or a scale factor `("Scale", unit: "× generic")`.
    public var valueAxis: AxisTitle
    /// The rows, drawn top to bottom.
    public var bars: [ParameterBar]

    /// Creates a chart.
    public init(title: String, valueAxis: AxisTitle, bars: [ParameterBar]) {
        self.title = title
        self.valueAxis = valueAxis
        self.bars = bars
    }

    static let width = 640.0
    static let labelWidth = 150.0
    static let rowHeight = 30.0
    /// Dark grey, so that the generic value stands apart from the light grey bounds.
    static let genericStyle = SeriesStyle(color: "#4d4d4d", width: 2)
    static let fittedStyle = SeriesStyle(color: "#0072B2")
    static let truthStyle = SeriesStyle(color: "#000000", width: 2.5)
    static let boundsStyle = SeriesStyle(color: "#9a9a9a", width: 1)

    private var scale: NiceScale {
        let values = bars.flatMap { [$0.generic, $0.fitted] + [$0.lower, $0.upper, $0.truth].compactMap { $0 } }
        return NiceScale(covering: values, tickCount: 6)
    }

    private var legendEntries: [LegendEntry] {
        var entries = [
            LegendEntry(name: "generic", style: Self.genericStyle, symbol: .line),
            LegendEntry(name: "fitted", style: Self.fittedStyle, symbol: .swatch),
        ]
        if bars.contains(where: { $0.lower != nil || $0.upper != nil }) {
            entries.append(LegendEntry(name: "bounds", style: Self.boundsStyle, symbol: .line))
        }
        if bars.contains(where: { $0.truth != nil }) {
            entries.append(LegendEntry(name: "truth", style: Self.truthStyle, symbol: .line))
        }
        return entries
    }

    /// The SVG document; see ``Chart/svg(id:)``.
    public func svg(id: String) -> String {
        let safeID = SVGText.identifier(id)
        let headerHeight = title.isEmpty ? 8.0 : 28.0
        let entries = legendEntries
        let legendHeight = Legend.height(of: entries, width: Self.width - 24) + 6
        let plot = Rect(
            x: Self.labelWidth, y: headerHeight + legendHeight + 4,
            width: Self.width - Self.labelWidth - 16, height: Double(max(1, bars.count)) * Self.rowHeight)
        let scale = self.scale
        var body = SVGBuilder()
        Axes.drawTitle(title, into: &body)
        Legend.draw(entries, x: 12, y: headerHeight, width: Self.width - 24, into: &body)
        drawGrid(scale, plot: plot, into: &body)
        let x = { (value: Double) in scale.position(of: value, from: plot.x, to: plot.maxX) }
        for (index, bar) in bars.enumerated() {
            let top = plot.y + Double(index) * Self.rowHeight + 4
            body.open("g", ["class": .text("parameter")])
            body.text("title", [:], Self.rowText(bar))
            body.element("rect", [
                "x": .number(0), "y": .number(top - 4), "width": .number(Self.width), "height": .number(Self.rowHeight),
                "fill": .text("#000000"), "fill-opacity": .text("0"),
            ])
            body.text("text", ["x": .number(plot.x - 8), "y": .number(top + 15), "text-anchor": .text("end")], bar.label)
            drawBar(from: x(bar.generic), to: x(bar.fitted), y: top + 6, height: 10, style: Self.fittedStyle, into: &body)
            body.element("line", [
                "x1": .number(x(bar.generic)), "y1": .number(top + 1), "x2": .number(x(bar.generic)), "y2": .number(top + 21),
                "stroke": .text(Self.genericStyle.color), "stroke-width": .number(2),
            ])
            if bar.lower != nil || bar.upper != nil {
                let low = x(bar.lower ?? bar.fitted)
                let high = x(bar.upper ?? bar.fitted)
                let middle = top + 16
                // Light, so that a whisker across the whole axis does not read as a baseline.
                for (x1, y1, x2, y2) in [(low, middle, high, middle), (low, middle - 4, low, middle + 4), (high, middle - 4, high, middle + 4)] {
                    body.element("line", [
                        "x1": .number(x1), "y1": .number(y1), "x2": .number(x2), "y2": .number(y2),
                        "stroke": .text(Self.boundsStyle.color), "stroke-width": .number(1),
                    ])
                }
            }
            if let truth = bar.truth {
                body.element("line", [
                    "x1": .number(x(truth)), "y1": .number(top - 2), "x2": .number(x(truth)), "y2": .number(top + 23),
                    "stroke": .text(Self.truthStyle.color), "stroke-width": .number(Self.truthStyle.width),
                ])
            }
            body.close("g")
        }
        Axes.drawX(scale, in: plot, labelled: true, into: &body)
        Axes.drawXTitle(valueAxis, under: plot, offset: 32, into: &body)
        return SVGDocument.wrap(id: safeID, width: Self.width, height: plot.maxY + 44, title: title, summary: summary, body: body)
    }

    private func drawGrid(_ scale: NiceScale, plot: Rect, into svg: inout SVGBuilder) {
        for tick in scale.ticks {
            let x = scale.position(of: tick, from: plot.x, to: plot.maxX)
            svg.element("line", [
                "x1": .number(x), "y1": .number(plot.y), "x2": .number(x), "y2": .number(plot.maxY),
                "stroke": .text(Axes.gridColor), "stroke-width": .number(1),
            ])
        }
    }

    private func drawBar(from start: Double, to end: Double, y: Double, height: Double, style: SeriesStyle, into svg: inout SVGBuilder) {
        guard start.isFinite, end.isFinite else { return }
        svg.element("rect", [
            "x": .number(min(start, end)), "y": .number(y), "width": .number(abs(end - start)), "height": .number(height),
            "fill": .text(style.color),
        ])
    }

    /// One row's numbers, for its hover title: "BRA: fitted 1.12, generic 1, bounds 0.5 to 2, truth 1.1".
    static func rowText(_ bar: ParameterBar) -> String {
        var text = "\(bar.label): fitted \(SVGNumber.readable(bar.fitted)), generic \(SVGNumber.readable(bar.generic))"
        if let lower = bar.lower, let upper = bar.upper { text += ", bounds \(SVGNumber.readable(lower)) to \(SVGNumber.readable(upper))" }
        if let truth = bar.truth { text += ", truth \(SVGNumber.readable(truth))" }
        return text
    }

    /// A sentence listing each row's generic and fitted values (and truth where known).
    public var summary: String {
        var sentence = "Bar chart"
        if !title.isEmpty { sentence += " \u{201C}\(title)\u{201D}" }
        sentence += " of \(valueAxis.text), generic against fitted, for \(bars.count) parameter\(bars.count == 1 ? "" : "s")"
        let rows = bars.map { bar -> String in
            var text = "\(bar.label): generic \(SVGNumber.readable(bar.generic)), fitted \(SVGNumber.readable(bar.fitted))"
            if let truth = bar.truth { text += ", truth \(SVGNumber.readable(truth))" }
            return text
        }
        if !rows.isEmpty { sentence += ". " + rows.joined(separator: "; ") }
        return sentence + "."
    }
}
