/// The first derivative of a uniformly sampled signal by central differences, (x[i+1] − x[i−1]) / 2h inside
/// and the second-order one-sided formulas (∓3x₀ ± 4x₁ ∓ x₂) / 2h at the ends, as numpy.gradient with
/// `edge_order=2`: second-order accurate everywhere. Signals of one or two samples get a constant slope.
public func centralDifference(_ signal: [Double], sampleRate: Double) -> [Double] {
    precondition(sampleRate > 0, "sampleRate must be positive")
    let count = signal.count
    guard count >= 2 else { return Array(repeating: 0, count: count) }
    guard count >= 3 else {
        let slope = (signal[1] - signal[0]) * sampleRate
        return [slope, slope]
    }
    let halfRate = 0.5 * sampleRate
    var derivative = [Double](repeating: 0, count: count)
    derivative[0] = (-3 * signal[0] + 4 * signal[1] - signal[2]) * halfRate
    for index in 1..<(count - 1) {
        derivative[index] = (signal[index + 1] - signal[index - 1]) * halfRate
    }
    derivative[count - 1] = (3 * signal[count - 1] - 4 * signal[count - 2] + signal[count - 3]) * halfRate
    return derivative
}
