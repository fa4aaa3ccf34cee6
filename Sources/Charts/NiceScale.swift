import Foundation

/// A linear axis scale whose ticks fall on "nice" numbers: 1, 2 or 5 times a power of ten.
///
/// This is Heckbert's loose labelling ("Nice Numbers for Graph Labels", Graphics Gems, 1990), the same
/// 1-2-5 ladder D3 and Vega use: the step is the nice number nearest to `range / (tickCount - 1)`, and the
/// domain is widened outwards to the nearest multiples of the step, so the first and last ticks frame the data.
///
///     let scale = NiceScale(minimum: 0.22, maximum: 0.62)
///     scale.ticks      // [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
///     scale.label(0.3) // "0.3"
public struct NiceScale: Sendable, Equatable {
    /// The lower end of the axis: a multiple of `step` at or below the smallest data value (the value itself when tight).
    public let lower: Double
    /// The upper end of the axis: a multiple of `step` at or above the largest data value (the value itself when tight).
    public let upper: Double
    /// The distance between ticks: 1, 2 or 5 × 10ⁿ.
    public let step: Double
    /// The digits after the decimal point that every tick label needs (enough for `step`).
    public let decimals: Int

    /// Builds a scale covering `minimum...maximum` with about `tickCount` ticks.
    ///
    /// Non-finite bounds give the unit interval; an empty range (`minimum == maximum`) is widened by one
    /// unit (or by 10 % of the value's magnitude, if larger) on each side so that a constant series still
    /// gets a readable axis. A `tight` scale ends exactly at the data (time axes: no padding before the first
    /// sample or after the last) and its ticks are the nice multiples of `step` inside it.
    public init(minimum: Double, maximum: Double, tickCount: Int = 5, tight: Bool = false) {
        precondition(tickCount >= 2, "a scale needs at least two ticks")
        var low = minimum.isFinite ? minimum : 0
        var high = maximum.isFinite ? maximum : 1
        if low > high { swap(&low, &high) }
        if high - low < max(abs(low), abs(high)) * 1e-12 || high == low {
            let pad = max(1e-9, abs(low) * 0.1)
            let widen = low == 0 ? 1 : pad
            low -= widen
            high += widen
        }
        // Heckbert widens the range to a nice number first; a tight axis keeps its range, so it gets enough ticks.
        let range = tight ? high - low : Self.niceNumber(high - low, rounding: false)
        let step = Self.niceNumber(range / Double(tickCount - 1), rounding: true)
        self.step = step
        self.lower = tight ? low : (low / step).rounded(.down) * step
        self.upper = tight ? high : (high / step).rounded(.up) * step
        self.decimals = max(0, -Int((log10(step)).rounded(.down)))
    }

    /// Builds a scale for the finite values among `values`, optionally forced to include zero, optionally `tight`.
    public init<S: Sequence>(covering values: S, includingZero: Bool = false, tickCount: Int = 5, tight: Bool = false) where S.Element == Double {
        var low = Double.infinity
        var high = -Double.infinity
        for value in values where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        if includingZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if low > high { (low, high) = (0, 1) }
        self.init(minimum: low, maximum: high, tickCount: tickCount, tight: tight)
    }

    /// The multiples of `step` from `lower` to `upper` inclusive, each rounded to `decimals` digits.
    public var ticks: [Double] {
        let slack = 1e-9
        let first = (lower / step - slack).rounded(.up)
        let last = (upper / step + slack).rounded(.down)
        guard first <= last else { return [] }
        let factor = pow(10, Double(decimals))
        return (0...Int(last - first)).map { index in
            let raw = (first + Double(index)) * step
            return (raw * factor).rounded() / factor
        }
    }

    /// Formats a tick value with exactly `decimals` digits after the point ("0.5", "10", "-2.25").
    public func label(_ value: Double) -> String {
        SVGNumber.fixed(value, decimals: decimals)
    }

    /// Maps a data value onto `pixelLow...pixelHigh` (which may run downwards, as a y axis does).
    public func position(of value: Double, from pixelLow: Double, to pixelHigh: Double) -> Double {
        pixelLow + (value - lower) / (upper - lower) * (pixelHigh - pixelLow)
    }

    /// Heckbert's `nicenum`: the 1-2-5 × 10ⁿ number nearest to `value` (`rounding`) or at or above it.
    static func niceNumber(_ value: Double, rounding: Bool) -> Double {
        let exponent = log10(value).rounded(.down)
        let power = pow(10, exponent)
        let fraction = value / power
        let nice: Double
        if rounding {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * power
    }
}
