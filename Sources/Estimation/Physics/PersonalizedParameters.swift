/// The subject parameters a fit personalises, as bounded scale factors of the generic model's values:
/// per muscle max isometric force, optimal fibre length and tendon slack length, and (shared by all muscles)
/// the activation and deactivation time constants.
///
/// They live in an unconstrained vector θ (layout: force scales, fibre-length scales, slack-length scales — one
/// per muscle each — then the two time-constant scales); ``ParameterBounds`` maps θ to values.
public struct PersonalizedParameters: Sendable, Equatable {
    /// The unconstrained variables.
    public var theta: [Double]
    /// The bounds that map θ to scale factors.
    public var bounds: ParameterBounds
    /// The number of muscles.
    public let muscleCount: Int

    /// The generic model: every scale factor 1.
    public init(muscleCount: Int, bounds: ParameterBounds = ParameterBounds()) {
        self.muscleCount = muscleCount
        self.bounds = bounds
        theta = [Double](repeating: bounds.maxIsometricForce.theta(for: 1), count: muscleCount)
            + [Double](repeating: bounds.optimalFiberLength.theta(for: 1), count: muscleCount)
            + [Double](repeating: bounds.tendonSlackLength.theta(for: 1), count: muscleCount)
            + [bounds.timeConstant.theta(for: 1), bounds.timeConstant.theta(for: 1)]
    }

    /// The number of unconstrained variables, 3·muscles + 2.
    public var count: Int { theta.count }

    /// Index of muscle `m`'s max-isometric-force scale in θ.
    public func forceIndex(_ m: Int) -> Int { m }
    /// Index of muscle `m`'s optimal-fibre-length scale in θ.
    public func fiberLengthIndex(_ m: Int) -> Int { muscleCount + m }
    /// Index of muscle `m`'s tendon-slack-length scale in θ.
    public func slackLengthIndex(_ m: Int) -> Int { 2 * muscleCount + m }
    /// Index of the activation-time-constant scale in θ.
    public var activationIndex: Int { 3 * muscleCount }
    /// Index of the deactivation-time-constant scale in θ.
    public var deactivationIndex: Int { 3 * muscleCount + 1 }

    /// The bounds of variable `i`.
    public func bound(_ i: Int) -> BoundedScale {
        switch i / muscleCount {
        case 0: return bounds.maxIsometricForce
        case 1: return bounds.optimalFiberLength
        case 2: return bounds.tendonSlackLength
        default: return bounds.timeConstant
        }
    }

    /// The scale factor of variable `i`.
    public func scale(_ i: Int) -> Double { bound(i).value(theta[i]) }

    /// d scale / dθ of variable `i`.
    public func scaleDerivative(_ i: Int) -> Double { bound(i).derivative(theta[i]) }
}

/// Physiological bounds of the personalised scale factors. Defaults: max isometric force ×0.5–2, optimal fibre
/// length and tendon slack length ×0.85–1.15, activation/deactivation time constants ×0.5–5 of the generic model's.
public struct ParameterBounds: Sendable, Equatable, Codable {
    /// Max isometric force scale.
    public var maxIsometricForce: BoundedScale
    /// Optimal fibre length scale.
    public var optimalFiberLength: BoundedScale
    /// Tendon slack length scale.
    public var tendonSlackLength: BoundedScale
    /// Activation and deactivation time-constant scale.
    public var timeConstant: BoundedScale

    /// Bounds; the defaults are the (and OpenSim-typical) ranges.
    public init(maxIsometricForce: BoundedScale = BoundedScale(0.5, 2), optimalFiberLength: BoundedScale = BoundedScale(0.85, 1.15),
                tendonSlackLength: BoundedScale = BoundedScale(0.85, 1.15), timeConstant: BoundedScale = BoundedScale(0.5, 5)) {
        self.maxIsometricForce = maxIsometricForce; self.optimalFiberLength = optimalFiberLength
        self.tendonSlackLength = tendonSlackLength; self.timeConstant = timeConstant
    }
}
