import SignalProcessing

/// Joint angles and their first two derivatives from noisy inverse-kinematics angles: a zero-phase Butterworth
/// low-pass (4th order, 6 Hz by default, the usual choice for gait and reaching kinematics), then central
/// differences (one-sided at the ends).
public struct KinematicDerivatives: Sendable {
    /// Low-pass cut-off (Hz).
    public var cutoff: Double
    /// Filter order.
    public var order: Int

    /// Derivatives with the given filter.
    public init(cutoff: Double = 6, order: Int = 4) { self.cutoff = cutoff; self.order = order }

    /// The filtered signal, its derivative and its second derivative, for a signal sampled at `sampleInterval`.
    public func callAsFunction(_ signal: [Double], sampleInterval: Double) throws -> (value: [Double], first: [Double], second: [Double]) {
        let filter = try ButterworthFilter(order: order, band: .lowPass(cutoff: cutoff), sampleRate: 1 / sampleInterval)
        let value = try filter.filtfilt(signal)
        let first = Self.difference(value, sampleInterval)
        return (value, first, Self.difference(first, sampleInterval))
    }

    /// Central differences inside, one-sided differences at the two ends.
    static func difference(_ x: [Double], _ h: Double) -> [Double] {
        guard x.count > 1 else { return [Double](repeating: 0, count: x.count) }
        return x.indices.map { k in
            if k == 0 { return (x[1] - x[0]) / h }
            if k == x.count - 1 { return (x[k] - x[k - 1]) / h }
            return (x[k + 1] - x[k - 1]) / (2 * h)
        }
    }
}
