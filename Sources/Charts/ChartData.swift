/// An axis title and its unit, drawn as "Title (unit)" — every nmm axis states its unit.
public struct AxisTitle: Sendable, Equatable {
    /// What the axis measures, e.g. "Elbow torque".
    public var title: String
    /// Its unit, e.g. "N·m", "s", "0–1"; empty when the quantity has none.
    public var unit: String

    /// Creates an axis title.
    public init(_ title: String, unit: String = "") {
        self.title = title
        self.unit = unit
    }

    /// The text drawn beside the axis.
    public var text: String { unit.isEmpty ? title : "\(title) (\(unit))" }
}

/// One line of a chart: paired x and y values (non-finite y values leave a gap).
public struct Series: Sendable, Equatable {
    /// The name shown in the legend.
    public var name: String
    /// Horizontal values, usually time in seconds.
    public var x: [Double]
    /// Vertical values, as many as `x`.
    public var y: [Double]
    /// What the series is, which decides its style.
    public var role: SeriesRole

    /// Creates a series; `x` and `y` must have the same length.
    public init(name: String, x: [Double], y: [Double], role: SeriesRole = .other(0)) {
        precondition(x.count == y.count, "a series needs as many x values as y values")
        self.name = name
        self.x = x
        self.y = y
        self.role = role
    }
}

/// A shaded band between a lower and an upper curve, e.g. mean ± SD across trials.
public struct Band: Sendable, Equatable {
    /// The name shown in the legend.
    public var name: String
    /// Horizontal values.
    public var x: [Double]
    /// The lower edge, as many values as `x`.
    public var lower: [Double]
    /// The upper edge, as many values as `x`.
    public var upper: [Double]
    /// Whose colour the band takes.
    public var role: SeriesRole

    /// Creates a band; all three arrays must have the same length.
    public init(name: String, x: [Double], lower: [Double], upper: [Double], role: SeriesRole = .other(0)) {
        precondition(x.count == lower.count && x.count == upper.count, "a band needs matching x, lower and upper")
        self.name = name
        self.x = x
        self.lower = lower
        self.upper = upper
        self.role = role
    }
}

/// A point singled out on a panel, e.g. the training step whose state a fit kept: a filled circle with a legend entry.
public struct Marker: Sendable, Equatable {
    /// The name shown in the legend and on hover, e.g. "kept (step 300)".
    public var name: String
    /// Horizontal position.
    public var x: Double
    /// Vertical position.
    public var y: Double
    /// Whose colour the marker takes.
    public var role: SeriesRole

    /// Creates a marker.
    public init(name: String, x: Double, y: Double, role: SeriesRole = .measured) {
        self.name = name
        self.x = x
        self.y = y
        self.role = role
    }
}

/// One panel of a time-series chart: its series, bands, markers and a note such as "r = 0.93".
public struct Panel: Sendable, Equatable {
    /// The panel's heading, e.g. the muscle name; empty for a single-panel chart.
    public var title: String
    /// The vertical axis.
    public var yAxis: AxisTitle
    /// Lines, drawn in order over the bands.
    public var series: [Series]
    /// Shaded bands, drawn first.
    public var bands: [Band]
    /// A short note drawn in the panel's top-right corner (fit statistics); empty for none.
    public var annotation: String
    /// Points drawn over the lines.
    public var markers: [Marker]
    /// Linear or logarithmic vertical axis.
    public var yScale: AxisKind

    /// Creates a panel.
    public init(title: String = "", yAxis: AxisTitle, series: [Series], bands: [Band] = [], annotation: String = "",
                markers: [Marker] = [], yScale: AxisKind = .linear) {
        self.title = title
        self.yAxis = yAxis
        self.series = series
        self.bands = bands
        self.annotation = annotation
        self.markers = markers
        self.yScale = yScale
    }
}
