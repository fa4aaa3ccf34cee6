/// A value kept inside [lower, upper] by a sigmoid of an unconstrained variable θ:
/// value = lower + (upper − lower)·σ(θ), so gradient steps on θ can never leave the bounds.
public struct BoundedScale: Sendable, Equatable, Codable {
    /// Smallest value.
    public var lower: Double
    /// Largest value.
    public var upper: Double

    /// Bounds with lower < upper (a programmer error otherwise).
    public init(_ lower: Double, _ upper: Double) {
        precondition(lower < upper, "BoundedScale: lower \(lower) must be below upper \(upper)")
        self.lower = lower; self.upper = upper
    }

    /// Whether `value` lies within the bounds (false for NaN).
    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

    /// The value at θ.
    public func value(_ theta: Double) -> Double { lower + (upper - lower) * Self.sigmoid(theta) }

    /// d value / dθ.
    public func derivative(_ theta: Double) -> Double {
        let s = Self.sigmoid(theta)
        return (upper - lower) * s * (1 - s)
    }

    /// The θ whose value is `value` (clamped strictly inside the bounds).
    public func theta(for value: Double) -> Double {
        let p = min(max((value - lower) / (upper - lower), 1e-6), 1 - 1e-6)
        return log(p / (1 - p))
    }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}

import Foundation
