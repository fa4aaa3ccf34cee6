/// The subject parameters a fit personalises, as bounded scale factors of the generic model's values:
/// per muscle max isometric force, optimal fibre length and tendon slack length, and (shared by all muscles)
/// the activation and deactivation time constants, plus the electromechanical delay (seconds, not a scale: the
/// generic model has none, so it starts in the middle of its physiological bounds, θ = 0, and the data move it).
///
/// They live in an unconstrained vector θ (layout: force scales, fibre-length scales, slack-length scales — one
/// per muscle each — then the two time-constant scales, then the delay); ``ParameterBounds`` maps θ to values.
public struct PersonalizedParameters: Sendable, Equatable, Codable {
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
            + [bounds.timeConstant.theta(for: 1), bounds.timeConstant.theta(for: 1), 0]
    }

    /// The number of unconstrained variables, 3·muscles + 3.
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

    /// Index of the electromechanical delay in θ.
    public var delayIndex: Int { 3 * muscleCount + 2 }

    /// The electromechanical delay (s).
    public var electromechanicalDelay: Double { scale(delayIndex) }

    /// Whether variable `i` is a scale factor of a generic value (the delay is not).
    public func isScale(_ i: Int) -> Bool { i != delayIndex }

    /// The bounds of variable `i`.
    public func bound(_ i: Int) -> BoundedScale {
        if i == delayIndex { return bounds.electromechanicalDelay }
        if i >= 3 * muscleCount { return bounds.timeConstant }
        switch i / muscleCount {
        case 0: return bounds.maxIsometricForce
        case 1: return bounds.optimalFiberLength
        case 2: return bounds.tendonSlackLength
        default: return bounds.timeConstant
        }
    }

    /// The value of variable `i`: a scale factor, or the delay in seconds.
    public func scale(_ i: Int) -> Double { bound(i).value(theta[i]) }

    /// d scale / dθ of variable `i`.
    public func scaleDerivative(_ i: Int) -> Double { bound(i).derivative(theta[i]) }
}

/// Physiological bounds of the personalised scale factors. Defaults: max isometric force ×0.5–2, optimal fibre
/// length and tendon slack length ×0.85–1.15, activation/deactivation time constants ×0.5–5 of the generic model's,
/// electromechanical delay 0–80 ms (reported ranges for surface EMG run from about 10 to 100 ms).
public struct ParameterBounds: Sendable, Equatable, Codable {
    /// Max isometric force scale.
    public var maxIsometricForce: BoundedScale
    /// Optimal fibre length scale.
    public var optimalFiberLength: BoundedScale
    /// Tendon slack length scale.
    public var tendonSlackLength: BoundedScale
    /// Activation and deactivation time-constant scale.
    public var timeConstant: BoundedScale
    /// Electromechanical delay (s).
    public var electromechanicalDelay: BoundedScale

    /// Bounds; the defaults are the (and OpenSim-typical) ranges.
    public init(maxIsometricForce: BoundedScale = BoundedScale(0.5, 2), optimalFiberLength: BoundedScale = BoundedScale(0.85, 1.15),
                tendonSlackLength: BoundedScale = BoundedScale(0.85, 1.15), timeConstant: BoundedScale = BoundedScale(0.5, 5),
                electromechanicalDelay: BoundedScale = BoundedScale(0, 0.08)) {
        self.maxIsometricForce = maxIsometricForce; self.optimalFiberLength = optimalFiberLength
        self.tendonSlackLength = tendonSlackLength; self.timeConstant = timeConstant
        self.electromechanicalDelay = electromechanicalDelay
    }
}
