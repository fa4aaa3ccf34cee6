/// How one series is drawn: colour, dash pattern and line width.
///
/// Colours come from the Okabe–Ito palette (safe for the common colour-vision deficiencies) and every
/// estimate also gets its own dash pattern, so a chart still reads when printed in grey.
public struct SeriesStyle: Sendable, Equatable, Hashable {
    /// A CSS colour, e.g. `#0072B2`.
    public var color: String
    /// An SVG `stroke-dasharray`, or `nil` for a solid line.
    public var dash: String?
    /// Stroke width in SVG user units.
    public var width: Double

    /// Creates a style from its parts.
    public init(color: String, dash: String? = nil, width: Double = 1.5) {
        self.color = color
        self.dash = dash
        self.width = width
    }

    /// The Okabe–Ito colours in the order generic series use them (black is kept for the truth; its yellow, 1.3:1
    /// against white, is left out: a thin line in it cannot be seen on paper).
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]

    /// Dash patterns cycled together with the palette for generic series.
    static let dashes: [String?] = [nil, "6 3", "2 2", "8 3 2 3"]

    /// The style of the `index`-th generic series: a palette colour and, past the palette, a dash pattern.
    public static func cycling(_ index: Int) -> SeriesStyle {
        let colour = palette[index % palette.count]
        let dash = dashes[(index / palette.count) % dashes.count]
        return SeriesStyle(color: colour, dash: dash)
    }
}

/// What a series means, which fixes its style so every chart of a report draws it the same way.
///
/// Truth and measurements are solid black; each estimate has its own style, which the caller chooses (nmm's
/// notebooks take each estimation method's style from the method's declaration), so charts know nothing of methods.
public enum SeriesRole: Sendable, Equatable, Hashable {
    /// The known truth of a simulated subject (solid black).
    case truth
    /// A measurement, e.g. recorded EMG or an inverse-dynamics torque (solid black).
    case measured
    /// An estimate drawn in its own style.
    case estimate(SeriesStyle)
    /// Any other series: the `n`-th style of the cycling palette.
    case other(Int)

    /// The style this role is drawn with.
    public var style: SeriesStyle {
        switch self {
        case .truth, .measured: return SeriesStyle(color: "#000000", width: 1.8)
        case .estimate(let style): return style
        case .other(let index): return .cycling(index)
        }
    }
}
