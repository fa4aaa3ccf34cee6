import RealModule

/// How a compliant-tendon muscle's state — its fibre length lM, which solves the force equilibrium of its frame —
/// moves with what the frame depends on: activation, the fibre length of the frame before and the personalised
/// parameters (the implicit function theorem on the equilibrium residual: ∂lM/∂x = −(∂R/∂x)/(∂R/∂lM)).
///
/// A fit's backward pass carries ∂L/∂lM from the last frame to the first with these (see ``MuscleForces``); max
/// isometric force does not move lM, since both sides of the equilibrium scale with it.
public struct FiberLengthSensitivity<T: MuscleScalar>: Sendable, Equatable {
    /// Fibre length lM (m) at the frame: the state the next frame starts from.
    public var fiberLength: T
    /// ∂(tendon force)/∂lM at the frame, its inputs and the parameters held.
    public var dForceDFiberLength: T
    /// ∂lM/∂activation.
    public var dActivation: T
    /// ∂lM/∂(the previous frame's lM); zero at a trial's first frame.
    public var dPreviousFiberLength: T
    /// ∂lM/∂(the lM of the frame before the previous one); zero at a trial's first two frames.
    public var dBeforePreviousFiberLength: T
    /// ∂lM/∂optimal fibre length.
    public var dOptimalFiberLength: T
    /// ∂lM/∂tendon slack length.
    public var dTendonSlackLength: T

    /// Collects the state and its partial derivatives.
    @inlinable
    public init(fiberLength: T, dForceDFiberLength: T, dActivation: T, dPreviousFiberLength: T, dBeforePreviousFiberLength: T,
                dOptimalFiberLength: T, dTendonSlackLength: T) {
        self.fiberLength = fiberLength; self.dForceDFiberLength = dForceDFiberLength; self.dActivation = dActivation
        self.dPreviousFiberLength = dPreviousFiberLength; self.dBeforePreviousFiberLength = dBeforePreviousFiberLength
        self.dOptimalFiberLength = dOptimalFiberLength
        self.dTendonSlackLength = dTendonSlackLength
    }
}

/// Where a compliant-tendon fibre's velocity comes from at a frame.
///
/// The fibre length is stepped along a trial by the backward differentiation formulas, the implicit multistep
/// rules for stiff equations (a fibre at low activation is stiff: OpenSim's explicit form divides by a·f_L): each
/// frame's equilibrium is then an algebraic equation in its own fibre length, stable at any frame interval and at
/// zero activation. Against OpenSim 4.6's own integration of the same muscles at 100 Hz (CompliantReference in the
/// tests) the second-order rule keeps tendon forces within 1 % of their peak where first order (implicit Euler)
/// misses by up to 3 %.
public enum FiberVelocityRule<T: MuscleScalar>: Sendable, Equatable {
    /// A trial's first frame, as OpenSim's `computeInitialFiberEquilibrium` poses it (normalised tendon force
    /// derivative zero): the tendon does not stretch over the instant, so the fibre takes the whole musculotendon
    /// lengthening velocity along the tendon, ṽ = v_MT·cos α / (v_max·l_opt).
    case staticEquilibrium(musculotendonVelocity: T)
    /// The second frame: first-order backward difference (implicit Euler), ṽ = (lM − lM₁) / (Δt·v_max·l_opt).
    case backwardDifference(previousFiberLength: T, sampleInterval: T)
    /// Every later frame: second-order backward difference (BDF2), ṽ = (3lM − 4lM₁ + lM₂) / (2Δt·v_max·l_opt), with
    /// lM₁ and lM₂ the fibre lengths one and two frames before.
    case secondOrderBackwardDifference(previousFiberLength: T, beforePreviousFiberLength: T, sampleInterval: T)
}

/// The fibre lengths of the frames before the current one, what a compliant tendon carries from frame to frame.
public struct FiberLengthHistory<T: MuscleScalar>: Sendable, Equatable {
    /// The previous frame's fibre length (nil at a trial's first frame).
    public var previous: T?
    /// The fibre length of the frame before that (nil at a trial's first two frames).
    public var beforePrevious: T?

    /// No history: a trial's first frame.
    public init() {}

    /// The next frame's fibre length extrapolated linearly from the last two (the last alone after one frame):
    /// where Newton starts.
    public var extrapolated: T? {
        guard let previous else { return nil }
        return beforePrevious.map { 2 * previous - $0 } ?? previous
    }

    /// The history after a frame whose fibre length was `fiberLength`.
    public func advanced(to fiberLength: T) -> FiberLengthHistory {
        var next = FiberLengthHistory()
        next.previous = fiberLength
        next.beforePrevious = previous
        return next
    }

    /// The rule of the next frame, `sampleInterval` after the previous one; the musculotendon velocity is used at a
    /// trial's first frame only.
    public func rule(musculotendonVelocity: T, sampleInterval: T) -> FiberVelocityRule<T> {
        switch (previous, beforePrevious) {
        case (let previous?, let beforePrevious?):
            return .secondOrderBackwardDifference(previousFiberLength: previous, beforePreviousFiberLength: beforePrevious,
                                                  sampleInterval: sampleInterval)
        case (let previous?, nil): return .backwardDifference(previousFiberLength: previous, sampleInterval: sampleInterval)
        default: return .staticEquilibrium(musculotendonVelocity: musculotendonVelocity)
        }
    }
}

extension HillTypeMuscle {
    /// The compliant-tendon force at one frame, De Groote et al. (2016)'s equilibrium R(lM) = f_T(l̃T) − f_M(a, l̃M, ṽ)·cos α = 0
    /// (forces normalised by max isometric force; lT = l_MT − lM·cos α at constant fibre width; ṽ by `rule`),
    /// solved for lM, with the exact partial derivatives of the tendon force at the solution (the previous frame's
    /// fibre length held) and of the fibre length itself. When no fibre length between the shortest admitted
    /// (``minimumFiberLengthAlongTendon``) and a tendon at 0.9 of its slack length balances, the fibre is held at that
    /// bound and its sensitivities are zero.
    public func compliantTendonForce(activation: Scalar, musculotendonLength: Scalar, velocity rule: FiberVelocityRule<Scalar>,
                                     guess: Scalar? = nil) -> (force: MusculotendonForce<Scalar>, state: FiberLengthSensitivity<Scalar>) {
        let (fiberLength, balanced) = equilibriumFiberLength(activation: activation, musculotendonLength: musculotendonLength,
                                                             rule: rule, guess: guess)
        let terms = CompliantTendonTerms(self, fiberLength: fiberLength, activation: activation,
                                         musculotendonLength: musculotendonLength, rule: rule)
        let F0 = maxIsometricForce
        let tendonSlope = F0 * terms.tendonDerivative
        // ∂lM/∂x = −R_x/R_lM; zero when the fibre sits at a bound instead of an equilibrium.
        let inverseSlope = balanced ? -1 / terms.slope : 0
        let dLM_dActivation = terms.dResidualDActivation * inverseSlope
        let dLM_dLength = terms.dResidualDMusculotendonLength * inverseSlope
        let dLM_dVelocity = terms.dResidualDMusculotendonVelocity * inverseSlope
        let dLM_dLopt = terms.dResidualDOptimalFiberLength * inverseSlope
        let dLM_dSlack = terms.dResidualDTendonSlackLength * inverseSlope
        let dForce_dLM = tendonSlope * terms.dNormTendonLengthDFiberLength
        let force = MusculotendonForce(
            force: F0 * terms.tendonForce,
            dActivation: dForce_dLM * dLM_dActivation,
            dMusculotendonLength: tendonSlope / tendonSlackLength + dForce_dLM * dLM_dLength,
            dMusculotendonVelocity: dForce_dLM * dLM_dVelocity,
            dMaxIsometricForce: terms.tendonForce,
            dOptimalFiberLength: tendonSlope * terms.dNormTendonLengthDOptimalFiberLength + dForce_dLM * dLM_dLopt,
            dTendonSlackLength: -tendonSlope * terms.normTendonLength / tendonSlackLength + dForce_dLM * dLM_dSlack,
            normFiberLength: fiberLength / optimalFiberLength,
            normFiberVelocity: terms.normFiberVelocity,
            cosPennationAngle: terms.cosPennationAngle)
        let state = FiberLengthSensitivity(
            fiberLength: fiberLength, dForceDFiberLength: dForce_dLM, dActivation: dLM_dActivation,
            dPreviousFiberLength: terms.dResidualDPreviousFiberLength * inverseSlope,
            dBeforePreviousFiberLength: terms.dResidualDBeforePreviousFiberLength * inverseSlope, dOptimalFiberLength: dLM_dLopt,
            dTendonSlackLength: dLM_dSlack)
        return (force, state)
    }

    /// Compliant-tendon forces over a trial sampled every `sampleInterval`: the first frame in static equilibrium,
    /// the later ones by backward differences from the frames before (``FiberVelocityRule``), each solve
    /// warm-started at the previous fibre length.
    public func compliantTendonForces(
        activation: [Scalar], musculotendonLength: [Scalar], musculotendonVelocity: [Scalar], sampleInterval: Scalar
    ) -> (forces: [MusculotendonForce<Scalar>], states: [FiberLengthSensitivity<Scalar>]) {
        precondition(activation.count == musculotendonLength.count && activation.count == musculotendonVelocity.count,
                     "activation, length and velocity need one value per frame")
        var forces: [MusculotendonForce<Scalar>] = [], states: [FiberLengthSensitivity<Scalar>] = []
        forces.reserveCapacity(activation.count); states.reserveCapacity(activation.count)
        var history = FiberLengthHistory<Scalar>()
        for k in activation.indices {
            let rule = history.rule(musculotendonVelocity: musculotendonVelocity[k], sampleInterval: sampleInterval)
            let frame = compliantTendonForce(activation: activation[k], musculotendonLength: musculotendonLength[k], velocity: rule,
                                             guess: history.extrapolated)
            forces.append(frame.force); states.append(frame.state)
            history = history.advanced(to: frame.state.fiberLength)
        }
        return (forces, states)
    }

    /// The fibre length balancing the frame, and whether it balances (false: held at the bound of the bracket).
    ///
    /// Safeguarded Newton iteration on lM in a bracket [shortest admitted fibre, fibre with the tendon at 0.9 of its
    /// slack length] where R decreases; a Newton step leaving it, or converging slower than bisection would
    /// (Numerical Recipes' rtsafe rule), is replaced by bisection, since a steep tendon exponential otherwise crawls.
    /// The bracket's ends are not evaluated: from a warm start Newton usually converges in two or three steps, and
    /// when no fibre length balances the iteration closes on the end that comes nearest, whose residual then says so.
    func equilibriumFiberLength(activation: Scalar, musculotendonLength: Scalar, rule: FiberVelocityRule<Scalar>,
                                guess: Scalar?) -> (fiberLength: Scalar, balanced: Bool) {
        func evaluate(_ fiberLength: Scalar) -> (residual: Scalar, slope: Scalar) {
            let terms = CompliantTendonTerms(self, fiberLength: fiberLength, activation: activation,
                                             musculotendonLength: musculotendonLength, rule: rule)
            return (terms.residual, terms.slope)
        }
        let width = fiberWidth
        let shortest = ((Self.minimumFiberLengthAlongTendon * optimalFiberLength).squared + width * width).squareRoot()
        let longestAlongTendon = musculotendonLength - tendonSlackLength * Scalar(0.9)
        var low = shortest
        var high = max(shortest, (longestAlongTendon.squared + width * width).squareRoot())
        if high == low { return (low, false) }   // the path is too short for any fibre
        let tolerance = Scalar.ulpOfOne.squareRoot() * Scalar(0.01)
        var x = guess.map { min(max($0, low), high) } ?? (low + high) / 2
        var current = evaluate(x)
        var previousStep = high - low
        for _ in 0..<200 {
            if abs(current.residual) < tolerance { return (x, true) }
            if current.residual > 0 { low = x } else { high = x }
            let newton = x - current.residual / current.slope
            let useNewton = current.slope < 0 && newton > low && newton < high
                && abs(2 * current.residual) <= abs(previousStep * current.slope)
            let next = useNewton ? newton : (low + high) / 2
            previousStep = next - x
            x = next
            current = evaluate(x)
            if high - low < Scalar.ulpOfOne * 4 * high { break }
        }
        // The bracket closed: on a root (a residual of rounding size) or on an end where none lies.
        return (x, abs(current.residual) < tolerance.squareRoot())
    }
}

/// The equilibrium residual of a compliant-tendon frame at one fibre length, its slope and its partial derivatives
/// with respect to everything else the frame depends on. Lengths: lAT = √(lM² − w²) along the tendon, w = l_opt·sin α₀.
struct CompliantTendonTerms<Muscle: HillTypeMuscle> {
    typealias T = Muscle.Scalar
    /// R = f_T(l̃T) − f_M·cos α.
    var residual: T
    /// ∂R/∂lM.
    var slope: T
    /// f_T(l̃T), the normalised tendon force.
    var tendonForce: T
    /// df_T/dl̃T.
    var tendonDerivative: T
    /// l̃T = lT / l_Ts.
    var normTendonLength: T
    /// ∂l̃T/∂lM.
    var dNormTendonLengthDFiberLength: T
    /// ∂l̃T/∂l_opt (through the fibre width).
    var dNormTendonLengthDOptimalFiberLength: T
    /// ṽ.
    var normFiberVelocity: T
    /// cos α.
    var cosPennationAngle: T
    /// ∂R/∂a.
    var dResidualDActivation: T
    /// ∂R/∂l_MT.
    var dResidualDMusculotendonLength: T
    /// ∂R/∂v_MT (first frame only).
    var dResidualDMusculotendonVelocity: T
    /// ∂R/∂(previous lM) (later frames only).
    var dResidualDPreviousFiberLength: T
    /// ∂R/∂(lM two frames before) (second-order frames only).
    var dResidualDBeforePreviousFiberLength: T
    /// ∂R/∂l_opt.
    var dResidualDOptimalFiberLength: T
    /// ∂R/∂l_Ts.
    var dResidualDTendonSlackLength: T

    init(_ muscle: Muscle, fiberLength x: T, activation: T, musculotendonLength: T, rule: FiberVelocityRule<T>) {
        let lopt = muscle.optimalFiberLength, slack = muscle.tendonSlackLength, sin0 = muscle.sinPennationAngleAtOptimal
        let width = lopt * sin0
        let alongTendon = (x * x - width * width).squareRoot()
        let cosAlpha = alongTendon / x
        let dCos_dLM = width * width / (alongTendon * x * x)
        let dCos_dLopt = -width * sin0 / (alongTendon * x)
        normTendonLength = (musculotendonLength - alongTendon) / slack
        let tendon = muscle.normalizedTendonForce(normTendonLength: normTendonLength)
        let speedScale = 1 / (muscle.maxContractionVelocity * lopt)
        let v: T, dV_dLM: T, dV_dPrevious: T, dV_dBeforePrevious: T, dV_dLopt: T, dV_dVelocity: T
        switch rule {
        case .staticEquilibrium(let velocity):
            v = velocity * cosAlpha * speedScale
            dV_dLM = velocity * dCos_dLM * speedScale
            dV_dPrevious = 0
            dV_dBeforePrevious = 0
            dV_dLopt = velocity * dCos_dLopt * speedScale - v / lopt
            dV_dVelocity = cosAlpha * speedScale
        case .backwardDifference(let previous, let interval):
            let c = speedScale / interval
            v = (x - previous) * c
            dV_dLM = c
            dV_dPrevious = -c
            dV_dBeforePrevious = 0
            dV_dLopt = -v / lopt
            dV_dVelocity = 0
        case .secondOrderBackwardDifference(let previous, let beforePrevious, let interval):
            let c = speedScale / (2 * interval)
            v = (3 * x - 4 * previous + beforePrevious) * c
            dV_dLM = 3 * c
            dV_dPrevious = -4 * c
            dV_dBeforePrevious = c
            dV_dLopt = -v / lopt
            dV_dVelocity = 0
        }
        let normFiberLength = x / lopt
        let fiber = muscle.normalizedFiberForce(activation: activation, normFiberLength: normFiberLength, normFiberVelocity: v)
        dNormTendonLengthDFiberLength = -x / (alongTendon * slack)
        dNormTendonLengthDOptimalFiberLength = width * sin0 / (alongTendon * slack)
        residual = tendon.value - fiber.value * cosAlpha
        slope = tendon.derivative * dNormTendonLengthDFiberLength
            - (fiber.dNormFiberLength / lopt + fiber.dNormFiberVelocity * dV_dLM) * cosAlpha - fiber.value * dCos_dLM
        tendonForce = tendon.value
        tendonDerivative = tendon.derivative
        normFiberVelocity = v
        cosPennationAngle = cosAlpha
        dResidualDActivation = -fiber.dActivation * cosAlpha
        dResidualDMusculotendonLength = tendon.derivative / slack
        dResidualDMusculotendonVelocity = -fiber.dNormFiberVelocity * dV_dVelocity * cosAlpha
        dResidualDPreviousFiberLength = -fiber.dNormFiberVelocity * dV_dPrevious * cosAlpha
        dResidualDBeforePreviousFiberLength = -fiber.dNormFiberVelocity * dV_dBeforePrevious * cosAlpha
        dResidualDOptimalFiberLength = tendon.derivative * dNormTendonLengthDOptimalFiberLength
            - (fiber.dNormFiberLength * (-normFiberLength / lopt) + fiber.dNormFiberVelocity * dV_dLopt) * cosAlpha
            - fiber.value * dCos_dLopt
        dResidualDTendonSlackLength = -tendon.derivative * normTendonLength / slack
    }
}

extension MuscleScalar {
    /// The value squared.
    @inlinable var squared: Self { self * self }
}
