import RealModule

/// The normalised curves of OpenSim 4.6's `Thelen2003Muscle` (Thelen 2003, as modified in OpenSim), with
/// derivatives. The force-velocity relation is OpenSim's `calcdlceN` (Thelen's Eqs. 6-7 with linear
/// extrapolation beyond `fv_linear_extrap_threshold`), inverted here in closed form: the multiplier
/// f_V = F_M/(a·f_L) depends only on ṽ and a, so OpenSim's Newton inversion (`calcfvInv`) has this exact answer.
public enum Thelen2003 {
    /// Active force-length multiplier `exp(-(l̃-1)²/γ)`, γ = `KshapeActive` (default 0.45).
    @inlinable
    public static func activeForceLength<T: MuscleScalar>(_ normFiberLength: T, shape gamma: T = 0.45) -> (value: T, derivative: T) {
        let x = normFiberLength - 1
        let value = T.exp(-x * x / gamma)
        return (value, -2 * x / gamma * value)
    }

    /// Passive force-length multiplier `(exp(kPE(l̃-1)/e0) - 1)/(exp(kPE) - 1)` for l̃ > 1, zero below;
    /// kPE = `KshapePassive` (default 5), e0 = `FmaxMuscleStrain` (default 0.6).
    @inlinable
    public static func passiveForceLength<T: MuscleScalar>(_ normFiberLength: T, shape kPE: T = 5, strainAtOneNormForce e0: T = 0.6) -> (value: T, derivative: T) {
        guard normFiberLength > 1 else { return (0, 0) }
        let e = T.exp(kPE * (normFiberLength - 1) / e0)
        let denominator = T.exp(kPE) - 1
        return ((e - 1) / denominator, kPE / e0 * e / denominator)
    }

    /// Tendon force multiplier at normalised tendon length: an exponential toe (kToe = 3, FToe = 0.33) up to
    /// strain εToe = 99·e0·e³/(166·e³ − 67), linear above with slope 0.67/(e0 − εToe); zero when slack.
    /// e0 = `FmaxTendonStrain` (default 0.04).
    @inlinable
    public static func tendonForceLength<T: MuscleScalar>(_ normTendonLength: T, strainAtOneNormForce e0: T = 0.04) -> (value: T, derivative: T) {
        let strain = normTendonLength - 1
        let e3 = T.exp(T(3))
        let toeStrain = 99 * e0 * e3 / (166 * e3 - 67)
        let linearStiffness = T(0.67) / (e0 - toeStrain)
        let toeForce = T(0.33), kToe = T(3)
        if strain > toeStrain { return (linearStiffness * (strain - toeStrain) + toeForce, linearStiffness) }
        guard strain > 0 else { return (0, 0) }
        let scale = toeForce / (T.exp(kToe) - 1)
        let e = T.exp(kToe * strain / toeStrain)
        return (scale * (e - 1), scale * kToe / toeStrain * e)
    }

    /// Force-velocity multiplier at normalised fibre velocity ṽ (lengthening positive) and activation `a`
    /// (already clamped to the minimum activation), with ∂/∂ṽ and ∂/∂a; `af` = `Af` (0.25),
    /// `flen` = `Flen` (1.4), `threshold` = `fv_linear_extrap_threshold` (0.95). Zero below ṽ = −(0.25 + 0.75a).
    @inlinable
    public static func forceVelocity<T: MuscleScalar>(
        _ v: T, activation a: T, af: T = 0.25, flen: T = 1.4, threshold: T = 0.95
    ) -> (value: T, dVelocity: T, dActivation: T) {
        let k = T(0.25) + T(0.75) * a      // velocity scale (0.25 + 0.75a) of Thelen's Eq. 6
        if v <= -k { return (0, 0, 0) }
        if v <= 0 {
            // Concentric: ṽ = k(f − 1)/(1 + f/Af)  ⇔  f = (k + ṽ)/(k − ṽ/Af).
            let d = k - v / af
            let value = (k + v) / d
            return (value, k * (1 + 1 / af) / (d * d), T(0.75) * (-v * (1 + 1 / af)) / (d * d))
        }
        // Eccentric: ṽ = k(f − 1)/(c(Flen − f)), c = (2 + 2/Af)/(Flen − 1)  ⇔  f = (k + c·Flen·ṽ)/(k + c·ṽ).
        let c = (2 + 2 / af) / (flen - 1)
        let f0 = threshold * flen
        let v0 = k * (f0 - 1) / (c * (flen - f0))
        if v < v0 {
            let d = k + c * v
            return ((k + c * flen * v) / d, c * k * (flen - 1) / (d * d), T(0.75) * c * v * (1 - flen) / (d * d))
        }
        // Linear extrapolation beyond f0 with Thelen's slope there: dṽ/df = (k/c)(Flen − 1)/(Flen − f0)².
        let slope = (flen - f0) * (flen - f0) / ((k / c) * (flen - 1))   // df/dṽ
        let dv0_dk = (f0 - 1) / (c * (flen - f0))
        let dSlope_dk = -slope / k
        return (f0 + (v - v0) * slope, slope, T(0.75) * (-dv0_dk * slope + (v - v0) * dSlope_dk))
    }
}
