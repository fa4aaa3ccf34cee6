/// Electromechanical delay: the muscle responds to its excitation `seconds` later, y(t) = x(t − d).
/// Between samples the signal is interpolated linearly; before the first sample it holds x[0].
public struct ElectromechanicalDelay: Sendable, Equatable {
    /// The delay d (s), ≥ 0.
    public var seconds: Double

    /// A delay of `seconds` (must not be negative).
    public init(seconds: Double) {
        precondition(seconds >= 0, "electromechanical delay must not be negative")
        self.seconds = seconds
    }

    /// The source index and interpolation weight of output sample k: y[k] = (1 − w)·x[i] + w·x[i+1].
    @inlinable
    func source(of k: Int, sampleInterval: Double) -> (index: Int, weight: Double) {
        let position = Double(k) - seconds / sampleInterval
        if position <= 0 { return (0, 0) }
        let index = Int(position.rounded(.down))
        return (index, position - Double(index))
    }

    /// The delayed signal, sampled at the same instants as `signal`.
    @inlinable
    public func apply<T: MuscleScalar>(to signal: [T], sampleInterval: Double) -> [T] {
        signal.indices.map { k in
            let (i, w) = source(of: k, sampleInterval: sampleInterval)
            return i + 1 < signal.count ? (1 - T(w)) * signal[i] + T(w) * signal[i + 1] : signal[i]
        }
    }

    /// The adjoint of `apply` (it is linear): ∂L/∂x from ∂L/∂y.
    @inlinable
    public func adjoint<T: MuscleScalar>(of upstream: [T], sampleInterval: Double) -> [T] {
        var result = [T](repeating: 0, count: upstream.count)
        for k in upstream.indices {
            let (i, w) = source(of: k, sampleInterval: sampleInterval)
            if i + 1 < upstream.count {
                result[i] += (1 - T(w)) * upstream[k]
                result[i + 1] += T(w) * upstream[k]
            } else {
                result[i] += upstream[k]
            }
        }
        return result
    }
}
