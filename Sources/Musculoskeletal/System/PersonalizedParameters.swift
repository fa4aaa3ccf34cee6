/// The subject parameters a fit personalises, as bounded scale factors of the generic model's values:
/// per muscle max isometric force, optimal fibre length and tendon slack length, and (shared by all muscles)
/// the activation and deactivation time constants, plus the electromechanical delay (seconds, not a scale: the
/// generic model has none, so it starts in the middle of its physiological bounds, θ = 0, and the data move it).
///
/// They live in an unconstrained vector θ that the optimisers step; each ``PersonalizedParameter`` names its place
/// (``index(of:)``) and ``ParameterBounds`` maps θ to values.
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

    /// Every parameter, in θ order.
    public var all: [PersonalizedParameter] {
        (0..<muscleCount).map { .maxIsometricForce(muscle: $0) } + (0..<muscleCount).map { .optimalFiberLength(muscle: $0) }
            + (0..<muscleCount).map { .tendonSlackLength(muscle: $0) } + PersonalizedParameter.timing
    }

    /// Where `parameter` lives in θ — the one place that knows the layout.
    public func index(of parameter: PersonalizedParameter) -> Int {
        switch parameter {
        case .maxIsometricForce(let m): return m
        case .optimalFiberLength(let m): return muscleCount + m
        case .tendonSlackLength(let m): return 2 * muscleCount + m
        case .activationTimeConstant: return 3 * muscleCount
        case .deactivationTimeConstant: return 3 * muscleCount + 1
        case .electromechanicalDelay: return 3 * muscleCount + 2
        }
    }

    /// The bounds of `parameter`.
    public func bound(_ parameter: PersonalizedParameter) -> BoundedScale {
        switch parameter {
        case .maxIsometricForce: return bounds.maxIsometricForce
        case .optimalFiberLength: return bounds.optimalFiberLength
        case .tendonSlackLength: return bounds.tendonSlackLength
        case .activationTimeConstant, .deactivationTimeConstant: return bounds.timeConstant
        case .electromechanicalDelay: return bounds.electromechanicalDelay
        }
    }

    /// The value of `parameter`: a scale factor of the generic value, or the delay in seconds.
    public func value(_ parameter: PersonalizedParameter) -> Double { bound(parameter).value(theta[index(of: parameter)]) }

    /// d value / dθ of `parameter`.
    public func derivative(_ parameter: PersonalizedParameter) -> Double { bound(parameter).derivative(theta[index(of: parameter)]) }

    /// The electromechanical delay (s).
    public var electromechanicalDelay: Double { value(.electromechanicalDelay) }
}

/// One personalised parameter, by name: a muscle's max isometric force, optimal fibre length or tendon slack length
/// scale, the shared activation or deactivation time-constant scale, or the electromechanical delay (seconds).
public enum PersonalizedParameter: Hashable, Sendable {
    /// Muscle `muscle`'s max-isometric-force scale.
    case maxIsometricForce(muscle: Int)
    /// Muscle `muscle`'s optimal-fibre-length scale.
    case optimalFiberLength(muscle: Int)
    /// Muscle `muscle`'s tendon-slack-length scale.
    case tendonSlackLength(muscle: Int)
    /// The activation time-constant scale, shared by every muscle.
    case activationTimeConstant
    /// The deactivation time-constant scale, shared by every muscle.
    case deactivationTimeConstant
    /// The electromechanical delay (s), shared by every muscle.
    case electromechanicalDelay

    /// The parameters of timing, shared by all muscles (fitted only when a fit says so).
    public static let timing: [PersonalizedParameter] = [.activationTimeConstant, .deactivationTimeConstant, .electromechanicalDelay]

    /// Whether it scales a generic value (the delay is not a scale: the generic model has none).
    public var isScale: Bool { self != .electromechanicalDelay }

    /// Whether it scales a length (optimal fibre length, tendon slack length), which is tighter physiologically.
    public var isLength: Bool {
        switch self {
        case .optimalFiberLength, .tendonSlackLength: return true
        default: return false
        }
    }
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
