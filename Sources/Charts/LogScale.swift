import Foundation

/// A base-10 logarithmic axis scale whose ends are whole decades around the positive data.
///
///     let scale = LogScale(covering: [0.003, 0.4])
///     scale.ticks      // [0.001, 0.01, 0.1, 1]
///     scale.label(0.01) // "0.01"
///
/// Ticks fall on every decade (1, 2 and 5 × 10ⁿ too when the data span at most two decades, so a short axis still
/// has labels). Values at or below zero cannot be placed and are dropped; a scale with no positive value spans 0.1 to 1.
public struct LogScale: Sendable, Equatable {
    /// The lowest decade exponent (the axis starts at 10^lowerExponent).
    public let lowerExponent: Int
    /// The highest decade exponent (the axis ends at 10^upperExponent).
    public let upperExponent: Int

    /// The scale of the positive, finite values among `values`.
    public init<S: Sequence>(covering values: S) where S.Element == Double {
        var low = Double.infinity
        var high = -Double.infinity
        for value in values where value.isFinite && value > 0 {
            low = min(low, value)
            high = max(high, value)
        }
        guard low <= high else {
            (lowerExponent, upperExponent) = (-1, 0)
            return
        }
        let lower = Int(log10(low).rounded(.down))
        let upper = Int(log10(high).rounded(.up))
        (lowerExponent, upperExponent) = (lower, max(upper, lower + 1))
    }

    /// The ticks: every decade, and 2 and 5 within each decade when the axis spans two decades or fewer.
    public var ticks: [Double] {
        let multiples: [Double] = upperExponent - lowerExponent <= 2 ? [1, 2, 5] : [1]
        var ticks: [Double] = []
        for exponent in lowerExponent...upperExponent {
            for multiple in multiples where exponent < upperExponent || multiple == 1 {
                ticks.append(multiple * pow(10, Double(exponent)))
            }
        }
        return ticks
    }

    /// "0.001", "0.05", "10", "1e+06" — plain decimals from 10⁻⁴ to 10⁵, powers beyond.
    public func label(_ value: Double) -> String {
        let exponent = Int(log10(value).rounded(.down))
        guard (-4...5).contains(exponent) else { return String(format: "%.0e", value) }
        return SVGNumber.fixed(value, decimals: max(0, -exponent))
    }

    /// See ``AxisScale/position(of:from:to:)``.
    public func position(of value: Double, from pixelLow: Double, to pixelHigh: Double) -> Double {
        guard value > 0, value.isFinite else { return .nan }
        let fraction = (log10(value) - Double(lowerExponent)) / Double(upperExponent - lowerExponent)
        return pixelLow + fraction * (pixelHigh - pixelLow)
    }
}

extension LogScale: AxisScale {}
