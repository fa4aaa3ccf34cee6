import RealModule

/// The normalised curves of OpenSim 4.6's `DeGrooteFregly2016Muscle`, with their derivatives.
///
/// Constants are OpenSim's (DeGrooteFregly2016Muscle.h, tag 4.6), which differ slightly from the paper's
/// supplement so that the curves pass through key points: the active force-length curve through (1, 1)
/// (b11 = 0.8150671134243542 instead of the optcntrlmuscle code's 0.814483478343008), the force-velocity
/// curve through (-1, 0) and (0, 1) (d1, d4 re-solved), the tendon curve through (1, 0) (c2 = c3).
public enum DeGrooteFregly2016 {
    /// Active force-length curve: three Gaussian-like terms `b1·exp(-½(x-b2)²/(b3+b4·x)²)`, one tuple (b1, b2, b3, b4) each.
    public static let b1 = (0.8150671134243542, 1.055033428970575, 0.162384573599574, 0.063303448465465)
    /// Second Gaussian-like term of the active force-length curve (b12, b22, b32, b42).
    public static let b2 = (0.433004984392647, 0.716775413397760, -0.029947116970696, 0.200356847296188)
    /// Third Gaussian-like term of the active force-length curve (b13, b23, b33, b43); b33 = ½·√½.
    public static let b3 = (0.1, 1.0, 0.353553390593274, 0.0)
    /// Exponential shape factor of the passive force-length curve.
    public static let kPE = 4.0
    /// Normalised fibre length at which the passive curve crosses zero (OpenSim's minimum normalised fibre length).
    public static let minNormFiberLength = 0.2
    /// Maximum normalised fibre length of the curves' domain.
    public static let maxNormFiberLength = 1.8
    /// Tendon force-length curve constants: `c1·exp(kT·(l̃T - c2)) - c3`.
    public static let c1 = 0.200, c2 = 1.0, c3 = 0.200
    /// Force-velocity curve constants: `d1·log(z + √(z²+1)) + d4`, `z = d2·ṽ + d3`.
    public static let d1 = -0.3211346127989808, d2 = -8.149, d3 = -0.374, d4 = 0.8825327733249912

    /// Active force-length multiplier at normalised fibre length `normFiberLength`, with OpenSim's
    /// `active_force_width_scale` (1 = the published curve); returns the value and its derivative.
    @inlinable
    public static func activeForceLength<T: MuscleScalar>(_ normFiberLength: T, widthScale: T = 1) -> (value: T, derivative: T) {
        let x = (normFiberLength - 1) / widthScale + 1
        let g1 = gaussianLike(x, b1), g2 = gaussianLike(x, b2), g3 = gaussianLike(x, b3)
        return (g1.value + g2.value + g3.value, (g1.derivative + g2.derivative + g3.derivative) / widthScale)
    }

    /// One Gaussian-like term `b1·exp(-½(x-b2)²/(b3+b4·x)²)` and its derivative in x.
    @inlinable
    static func gaussianLike<T: MuscleScalar>(_ x: T, _ b: (Double, Double, Double, Double)) -> (value: T, derivative: T) {
        let (b1, b2, b3, b4) = (T(b.0), T(b.1), T(b.2), T(b.3))
        let inverse = 1 / (b3 + b4 * x)
        let offset = (x - b2) * inverse
        let g = b1 * T.exp(-offset * offset / 2)
        return (g, -g * offset * (b3 + b2 * b4) * inverse * inverse)
    }

    /// The passive force-length curve `(exp(kPE(l̃-1)/e0) - offset) / (exp(kPE) - offset)`, where the offset makes
    /// it zero at l̃ = 0.2; e0 is `passive_fiber_strain_at_one_norm_force` (default 0.6). Its constants are computed
    /// once here rather than at every evaluation.
    public struct PassiveForceLengthCurve<T: MuscleScalar>: Sendable, Equatable {
        /// kPE / e0.
        @usableFromInline let rate: T
        /// exp(kPE·(0.2 − 1)/e0).
        @usableFromInline let offset: T
        /// 1 / (exp(kPE) − offset).
        @usableFromInline let inverseRange: T

        /// The curve for passive strain `strainAtOneNormForce` at one normalised force.
        public init(strainAtOneNormForce e0: T) {
            rate = T(kPE) / e0
            offset = T.exp(T(kPE) * (T(minNormFiberLength) - 1) / e0)
            inverseRange = 1 / (T.exp(T(kPE)) - offset)
        }

        /// The multiplier at normalised fibre length `normFiberLength` and its derivative.
        @inlinable
        public func callAsFunction(_ normFiberLength: T) -> (value: T, derivative: T) {
            let e = T.exp(rate * (normFiberLength - 1))
            return ((e - offset) * inverseRange, rate * e * inverseRange)
        }
    }

    /// Passive force-length multiplier and derivative at `normFiberLength` for passive strain e0 (default 0.6).
    @inlinable
    public static func passiveForceLength<T: MuscleScalar>(_ normFiberLength: T, strainAtOneNormForce e0: T = 0.6) -> (value: T, derivative: T) {
        PassiveForceLengthCurve(strainAtOneNormForce: e0)(normFiberLength)
    }

    /// Force-velocity multiplier at normalised fibre velocity ṽ (lengthening positive, -1 = maximum shortening).
    /// OpenSim's `log(z + √(z²+1))` = asinh(z) is evaluated as sign(z)·log(|z| + √(z²+1)), which stays accurate in
    /// `Float` for z < 0 and shares its square root with the derivative.
    @inlinable
    public static func forceVelocity<T: MuscleScalar>(_ normFiberVelocity: T) -> (value: T, derivative: T) {
        let z = T(d2) * normFiberVelocity + T(d3)
        let root = T.sqrt(z * z + 1)
        let magnitude = T.log(abs(z) + root)
        return (T(d1) * (z < 0 ? -magnitude : magnitude) + T(d4), T(d1) * T(d2) / root)
    }

    /// Inverse of the force-velocity curve: the normalised fibre velocity giving multiplier `multiplier`.
    @inlinable
    public static func forceVelocityInverse<T: MuscleScalar>(_ multiplier: T) -> T {
        (T.sinh((multiplier - T(d4)) / T(d1)) - T(d3)) / T(d2)
    }

    /// The tendon stiffness parameter kT from OpenSim's `tendon_strain_at_one_norm_force` (default 0.049).
    @inlinable
    public static func tendonStiffness<T: MuscleScalar>(strainAtOneNormForce: T) -> T {
        T.log((1 + T(c3)) / T(c1)) / (1 + strainAtOneNormForce - T(c2))
    }

    /// Tendon force multiplier at normalised tendon length l̃T = lT / lTs, for stiffness parameter `kT`.
    @inlinable
    public static func tendonForceLength<T: MuscleScalar>(_ normTendonLength: T, kT: T) -> (value: T, derivative: T) {
        let e = T(c1) * T.exp(kT * (normTendonLength - T(c2)))
        return (e - T(c3), kT * e)
    }

    /// Inverse of the tendon curve: normalised tendon length at normalised tendon force `normTendonForce`.
    @inlinable
    public static func tendonForceLengthInverse<T: MuscleScalar>(_ normTendonForce: T, kT: T) -> T {
        T.log((normTendonForce + T(c3)) / T(c1)) / kT + T(c2)
    }
}
