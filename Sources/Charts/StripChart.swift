/// One category of a strip chart: a method's per-subject values.
public struct StripGroup: Sendable, Equatable {
    /// The category's name under the axis (e.g. the method).
    public var name: String
    /// One value per point (non-finite values are not drawn).
    public var values: [Double]
    /// Each point's label, shown as its tooltip (e.g. the subject), as many as `values` or none.
    public var labels: [String]
    /// Whose colour the points take.
    public var role: SeriesRole

    /// Creates a group; `labels` is empty or as long as `values`.
    public init(name: String, values: [Double], labels: [String] = [], role: SeriesRole = .other(0)) {
        precondition(labels.isEmpty || labels.count == values.count, "a strip group needs one label per value or none")
        self.name = name; self.values = values; self.labels = labels; self.role = role
    }
}

/// Every value of each category as a dot in its own column, with the column's mean as a bar: small samples
/// shown whole rather than summarised (a box plot of six subjects hides more than it shows).
///
/// Dots of one column are spread sideways by their rank (not at random), so the chart is byte-stable and points
/// with equal values stay apart.
public struct StripChart: Chart {
    /// The chart's title.
    public var title: String
    /// The value axis.
    public var yAxis: AxisTitle
    /// The columns, left to right.
    public var groups: [StripGroup]

    /// Creates a chart.
    public init(title: String, yAxis: AxisTitle, groups: [StripGroup]) {
        self.title = title; self.yAxis = yAxis; self.groups = groups
    }

    static let columnWidth = 90.0

    /// The SVG document; see ``Chart/svg(id:)``.
    public func svg(id: String) -> String {
        let safeID = SVGText.identifier(id)
        let headerHeight = title.isEmpty ? 8.0 : 28.0
        let plot = Rect(x: 70, y: headerHeight + 8, width: Self.columnWidth * Double(max(groups.count, 1)), height: 240)
        let scale = NiceScale(covering: groups.flatMap(\.values), tickCount: 6)
        var body = SVGBuilder()
        Axes.drawTitle(title, into: &body)
        Axes.drawY(scale, in: plot, into: &body)
        body.element("line", ["x1": .number(plot.x), "y1": .number(plot.maxY), "x2": .number(plot.maxX), "y2": .number(plot.maxY),
                              "stroke": .text(Axes.axisColor), "stroke-width": .number(1)])
        for (column, group) in groups.enumerated() {
            let centre = plot.x + Self.columnWidth * (Double(column) + 0.5)
            let finite = group.values.indices.filter { group.values[$0].isFinite }
            body.open("g", ["fill": .text(group.role.style.color), "fill-opacity": .text("0.75"), "class": .text("points")])
            for (rank, index) in finite.sorted(by: { group.values[$0] < group.values[$1] }).enumerated() {
                let offset = finite.count > 1 ? (Double(rank) / Double(finite.count - 1) - 0.5) * Self.columnWidth * 0.45 : 0
                let y = scale.position(of: group.values[index], from: plot.maxY, to: plot.y)
                body.open("circle", ["cx": .number(centre + offset), "cy": .number(y), "r": .number(3.5)])
                if !group.labels.isEmpty {
                    body.text("title", [:], "\(group.labels[index]): \(SVGNumber.readable(group.values[index]))")
                }
                body.close("circle")
            }
            body.close("g")
            if !finite.isEmpty {
                let mean = finite.reduce(0) { $0 + group.values[$1] } / Double(finite.count)
                let y = scale.position(of: mean, from: plot.maxY, to: plot.y)
                body.element("line", ["x1": .number(centre - Self.columnWidth * 0.32), "y1": .number(y),
                                      "x2": .number(centre + Self.columnWidth * 0.32), "y2": .number(y),
                                      "stroke": .text(Axes.axisColor), "stroke-width": .number(2), "class": .text("mean")])
            }
            body.text("text", ["x": .number(centre), "y": .number(plot.maxY + 16), "text-anchor": .text("middle")], group.name)
        }
        Axes.drawYTitle(yAxis, beside: plot, x: 16, into: &body)
        return SVGDocument.wrap(id: safeID, width: plot.maxX + 16, height: plot.maxY + 28, title: title, summary: summary, body: body)
    }

    /// A sentence naming the axis and each column's size, range and mean.
    public var summary: String {
        var sentence = "Strip chart"
        if !title.isEmpty { sentence += " \u{201C}\(title)\u{201D}" }
        sentence += " of \(yAxis.text), one dot per value and a bar at each column's mean"
        let texts = groups.map { group -> String in
            let finite = group.values.filter(\.isFinite)
            let mean = finite.isEmpty ? "" : ", mean \(SVGNumber.readable(finite.reduce(0, +) / Double(finite.count)))"
            return "\(group.name): \(finite.count) values, \(ChartSummary.range(finite))\(mean)"
        }
        if !texts.isEmpty { sentence += ". " + texts.joined(separator: "; ") }
        return sentence + "."
    }
}
