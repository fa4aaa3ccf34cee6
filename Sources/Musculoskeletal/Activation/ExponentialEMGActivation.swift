import RealModule

/// EMG-to-activation model of Lloyd & Besier (2003) and Buchanan et al. (2004), as CEINMS implements it:
/// a critically damped second-order recursive filter of the (delayed) EMG envelope e,
///
///     u[k] = α·e[k] − β1·u[k−1] − β2·u[k−2],   β1 = C1 + C2,  β2 = C1·C2,  α = 1 + β1 + β2 (unit gain),
///
/// followed by the non-linear shape a = (exp(A·u) − 1)/(exp(A) − 1), A ∈ (−3, 0) (A → 0 gives a = u).
/// Stability needs |C1| < 1 and |C2| < 1. Apply ``ElectromechanicalDelay`` to e first for the delay d.
public struct ExponentialEMGActivation<T: MuscleScalar>: Sendable, Equatable {
    /// First pole of the recursive filter, C1 ∈ (−1, 1).
    public var c1: T
    /// Second pole of the recursive filter, C2 ∈ (−1, 1).
    public var c2: T
    /// Shape factor A of the exponential non-linearity.
    public var shapeFactor: T

    /// A model with CEINMS's defaults C1 = C2 = −0.5, A = −1.
    public init(c1: T = -0.5, c2: T = -0.5, shapeFactor: T = -1) {
        self.c1 = c1
        self.c2 = c2
        self.shapeFactor = shapeFactor
    }

    /// β1 = C1 + C2.
    public var beta1: T { c1 + c2 }
    /// β2 = C1·C2.
    public var beta2: T { c1 * c2 }
    /// α = 1 + β1 + β2, the gain that makes a constant e give u = e.
    public var alpha: T { 1 + beta1 + beta2 }

    /// Below this |A| the shape is evaluated by its first-order expansion in A (the exact formula is 0/0 at A = 0).
    @usableFromInline static var linearShapeThreshold: T { T(1e-4) }

    /// The shape a(u) = expm1(A·u)/expm1(A) with ∂a/∂u and ∂a/∂A.
    @inlinable
    public func shape(_ u: T) -> (value: T, du: T, dShapeFactor: T) {
        let A = shapeFactor
        if abs(A) < Self.linearShapeThreshold {
            // a ≈ u + A·u(u − 1)/2
            return (u + A * u * (u - 1) / 2, 1 + A * (2 * u - 1) / 2, u * (u - 1) / 2)
        }
        let numerator = T.expMinusOne(A * u), denominator = T.expMinusOne(A)
        let value = numerator / denominator
        let du = A * (numerator + 1) / denominator
        let dA = (u * (numerator + 1) - value * (denominator + 1)) / denominator
        return (value, du, dA)
    }

    /// Neural activation u and muscle activation a over a sampled EMG envelope; the filter starts at rest
    /// at e[0] (u[−1] = u[−2] = e[0]).
    public func simulate(emg: [T]) -> (neural: [T], activation: [T]) {
        guard let first = emg.first else { return ([], []) }
        var neural = [T](repeating: 0, count: emg.count)
        var previous = first, beforePrevious = first
        for k in emg.indices {
            neural[k] = alpha * emg[k] - beta1 * previous - beta2 * beforePrevious
            beforePrevious = previous
            previous = neural[k]
        }
        return (neural, neural.map { shape($0).value })
    }

    /// Reverse-mode gradient of `simulate`: ∂L/∂e[k], ∂L/∂C1, ∂L/∂C2 and ∂L/∂A from ∂L/∂a[k].
    public func gradient(emg: [T], neural: [T], upstream: [T]) -> (dEMG: [T], dC1: T, dC2: T, dShapeFactor: T) {
        precondition(emg.count == neural.count && neural.count == upstream.count, "sequence lengths differ")
        let n = emg.count
        var dEMG = [T](repeating: 0, count: n)
        guard n > 0 else { return (dEMG, 0, 0, 0) }
        var dShape: T = 0
        var adjoint = [T](repeating: 0, count: n)   // total ∂L/∂u[k]
        for k in stride(from: n - 1, through: 0, by: -1) {
            let s = shape(neural[k])
            dShape += upstream[k] * s.dShapeFactor
            var total = upstream[k] * s.du
            if k + 1 < n { total -= beta1 * adjoint[k + 1] }
            if k + 2 < n { total -= beta2 * adjoint[k + 2] }
            adjoint[k] = total
        }
        var dAlpha: T = 0, dBeta1: T = 0, dBeta2: T = 0
        for k in 0..<n {
            let uPrevious = k >= 1 ? neural[k - 1] : emg[0]
            let uBeforePrevious = k >= 2 ? neural[k - 2] : emg[0]
            dEMG[k] += alpha * adjoint[k]
            dAlpha += adjoint[k] * emg[k]
            dBeta1 -= adjoint[k] * uPrevious
            dBeta2 -= adjoint[k] * uBeforePrevious
        }
        // The rest state u[−1] = u[−2] = e[0] feeds u[0] and u[1].
        dEMG[0] -= beta1 * adjoint[0] + beta2 * adjoint[0]
        if n > 1 { dEMG[0] -= beta2 * adjoint[1] }
        // α = 1 + β1 + β2, β1 = C1 + C2, β2 = C1·C2.
        let dC1 = dBeta1 + c2 * dBeta2 + dAlpha * (1 + c2)
        let dC2 = dBeta1 + c1 * dBeta2 + dAlpha * (1 + c1)
        return (dEMG, dC1, dC2, dShape)
    }
}
