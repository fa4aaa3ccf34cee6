/// What an axis needs from a scale: where its ticks are, how they read and where a value lies on screen.
///
/// ``NiceScale`` is linear; ``LogScale`` spaces decades evenly, for quantities such as a training loss that
/// fall over orders of magnitude.
public protocol AxisScale: Sendable {
    /// The tick positions, in data units, from the lowest to the highest.
    var ticks: [Double] { get }
    /// A tick's label.
    func label(_ value: Double) -> String
    /// Maps a data value onto `pixelLow...pixelHigh` (which may run downwards, as a y axis does); a value the scale
    /// cannot show (zero or less on a log scale) maps to NaN.
    func position(of value: Double, from pixelLow: Double, to pixelHigh: Double) -> Double
}

/// How a panel's vertical axis maps values.
public enum AxisKind: Sendable, Equatable {
    /// Equal differences, equal distances.
    case linear
    /// Equal ratios, equal distances (base 10); values at or below zero are left out.
    case logarithmic
}

extension NiceScale: AxisScale {}
