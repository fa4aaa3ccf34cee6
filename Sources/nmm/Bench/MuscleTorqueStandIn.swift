import Foundation
import TensorEngine

/// STAND-IN, to be replaced by Musculoskeletal's fused DeGroote–Fregly 2016 kernel once it is
/// merged: the rigid-tendon muscle torque of ../shared/bench/torch_reference.py (`NMMSmall.torque`)
/// written with ordinary TensorEngine operations, so that `nmm bench train` runs the whole
/// workload from the start. Same constants, same formulas, line for line.
struct MuscleTorqueStandIn {
    /// Per-muscle generic parameters of the benchmark's six elbow muscles.
    static let maxIsometricForce: [Float] = [798.5, 624.3, 624.3, 624.3, 435.6, 987.3]
    static let optimalFiberLength: [Float] = [0.134, 0.1138, 0.1138, 0.1157, 0.1321, 0.0858]
    static let tendonSlackLength: [Float] = [0.143, 0.098, 0.0908, 0.2723, 0.1923, 0.0535]
    static let pennationAngleAtOptimal: [Float] = [0.2094, 0.1571, 0.1571, 0.0, 0.0, 0.0]

    /// Unbounded scale parameters `[3, M]` (max isometric force, optimal fibre length, tendon slack
    /// length); the scales are `0.5 + sigmoid(raw)`.
    let scaleRaw: Tensor

    init(scaleRaw: Tensor) { self.scaleRaw = scaleRaw }

    /// Elbow torque `[B, T]` from activations, musculotendon lengths and velocities and moment arms `[B, T, M]`.
    func torque(activation a: Tensor, length lmt: Tensor, velocity vmt: Tensor, momentArm r: Tensor) -> Tensor {
        let m = Self.maxIsometricForce.count
        let s = 0.5 + scaleRaw.sigmoid()
        let f0 = Tensor(shape: [1, m], scalars: Self.maxIsometricForce) * s.slice(axis: 0, 0..<1)
        let lo = Tensor(shape: [1, m], scalars: Self.optimalFiberLength) * s.slice(axis: 0, 1..<2)
        let lts = Tensor(shape: [1, m], scalars: Self.tendonSlackLength) * s.slice(axis: 0, 2..<3)
        let h = lo * Tensor(shape: [1, m], scalars: Self.pennationAngleAtOptimal.map { Foundation.sin($0) })
        let lmAlong = (lmt - lts).clamped(min: 1e-4)
        let lm = (h * h + lmAlong * lmAlong).sqrt()
        let cosPennation = lmAlong / lm
        let ln = lm / lo
        let vn = vmt * cosPennation / (10 * lo)
        let b: [(Float, Float, Float, Float)] = [
            (0.814483478343008, 1.05503342897057, 0.162384573599574, 0.0633034484654646),
            (0.433004984392647, 0.716775413397760, -0.0299471169706956, 0.200356847296188),
            (0.1, 1.0, 0.353553390593274, 0.0),
        ]
        let gaussians = b.map { b1, b2, b3, b4 in b1 * (-0.5 * (ln - b2).squared() / (b3 + b4 * ln).squared()).exp() }
        let fl = gaussians[0] + gaussians[1] + gaussians[2]
        let offset = Float(Foundation.exp(4.0 * (0.2 - 1.0) / 0.6))
        let fpe = ((4 * (ln - 1) / 0.6).exp() - offset) / (Float(Foundation.exp(4.0)) - offset)
        let (d1, d2, d3, d4): (Float, Float, Float, Float) = (-0.3211346127989808, -8.149, -0.374, 0.8825327733249912)
        // The reference writes log(z + sqrt(z² + 1)), which is asinh(z).
        let fv = d1 * (d2 * vn + d3).asinh() + d4
        let force = f0 * (a * fl * fv + fpe) * cosPennation
        return (r * force).sum(axes: [-1])
    }
}
