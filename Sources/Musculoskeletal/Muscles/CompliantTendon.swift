import RealModule

/// The fibre-tendon equilibrium of a compliant-tendon musculotendon unit at one instant.
public struct CompliantTendonState<T: MuscleScalar>: Sendable, Equatable {
    /// Tendon force (N) = fibre force projected on the tendon at equilibrium.
    public var tendonForce: T
    /// Fibre length lM (m).
    public var fiberLength: T
    /// Tendon length lT (m).
    public var tendonLength: T
    /// Normalised fibre velocity ṽ used in the force-velocity curve.
    public var normFiberVelocity: T
    /// Cosine of the pennation angle.
    public var cosPennationAngle: T
    /// |tendon force − fibre force along the tendon| / max isometric force at the returned fibre length.
    public var residual: T
}

extension HillTypeMuscle {
    /// Static fibre-tendon equilibrium as OpenSim's `computeInitialFiberEquilibrium` poses it: the tendon
    /// does not stretch over the instant, so the fibre takes the whole musculotendon velocity along the tendon.
    public func compliantTendonEquilibrium(activation: Scalar, musculotendonLength: Scalar, musculotendonVelocity: Scalar) -> CompliantTendonState<Scalar> {
        let vmax = maxContractionVelocity * optimalFiberLength
        let width = fiberWidth
        return solveEquilibrium(activation: activation, musculotendonLength: musculotendonLength, guess: nil) { fiberLength in
            let alongTendon = (fiberLength * fiberLength - width * width).squareRoot()
            let cosAlpha = alongTendon / fiberLength
            let dCos = width * width / (alongTendon * fiberLength * fiberLength)
            return (musculotendonVelocity * cosAlpha / vmax, musculotendonVelocity * dCos / vmax)
        }
    }

    /// Compliant-tendon forces over a sampled motion. The first frame is the static equilibrium; at every later
    /// frame the fibre velocity is the backward difference (lM[k] − lM[k−1])/Δt, and fibre length solves
    /// tendon force = fibre force along the tendon (implicit Euler on fibre length, stable at any Δt).
    public func compliantTendonForces(
        activation: [Scalar], musculotendonLength: [Scalar], musculotendonVelocity: [Scalar], sampleInterval: Scalar
    ) -> [CompliantTendonState<Scalar>] {
        precondition(activation.count == musculotendonLength.count && activation.count == musculotendonVelocity.count,
                     "activation, length and velocity must have the same number of samples")
        guard !activation.isEmpty else { return [] }
        var states = [compliantTendonEquilibrium(
            activation: activation[0], musculotendonLength: musculotendonLength[0], musculotendonVelocity: musculotendonVelocity[0])]
        states.reserveCapacity(activation.count)
        let scale = 1 / (sampleInterval * maxContractionVelocity * optimalFiberLength)
        for k in 1..<activation.count {
            let previous = states[k - 1].fiberLength
            states.append(solveEquilibrium(activation: activation[k], musculotendonLength: musculotendonLength[k], guess: previous) {
                ((($0 - previous) * scale), scale)
            })
        }
        return states
    }

    /// Safeguarded Newton iteration on fibre length for r(lM) = f_T(l̃T) − f_M(a, l̃M, ṽ)·cos α = 0 (forces
    /// normalised by max isometric force), with ṽ and dṽ/dlM given by `normFiberVelocity`. The root is kept in a
    /// bracket; a Newton step leaving it, or converging slower than bisection would, is replaced by bisection.
    func solveEquilibrium(
        activation: Scalar, musculotendonLength: Scalar, guess: Scalar?,
        normFiberVelocity: (Scalar) -> (value: Scalar, derivative: Scalar)
    ) -> CompliantTendonState<Scalar> {
        let width = fiberWidth
        let lopt = optimalFiberLength, slack = tendonSlackLength
        func evaluate(_ fiberLength: Scalar) -> (residual: Scalar, slope: Scalar, state: CompliantTendonState<Scalar>) {
            let alongTendon = (fiberLength * fiberLength - width * width).squareRoot()
            let cosAlpha = alongTendon / fiberLength
            let dCos = width * width / (alongTendon * fiberLength * fiberLength)
            let tendonLength = musculotendonLength - alongTendon
            let tendon = normalizedTendonForce(normTendonLength: tendonLength / slack)
            let velocity = normFiberVelocity(fiberLength)
            let fiber = normalizedFiberForce(activation: activation, normFiberLength: fiberLength / lopt, normFiberVelocity: velocity.value)
            let residual = tendon.value - fiber.value * cosAlpha
            let dFiber = fiber.dNormFiberLength / lopt + fiber.dNormFiberVelocity * velocity.derivative
            let slope = -tendon.derivative / (cosAlpha * slack) - dFiber * cosAlpha - fiber.value * dCos
            let state = CompliantTendonState(
                tendonForce: maxIsometricForce * tendon.value, fiberLength: fiberLength, tendonLength: tendonLength,
                normFiberVelocity: velocity.value, cosPennationAngle: cosAlpha, residual: abs(residual))
            return (residual, slope, state)
        }
        let shortest = ((Self.minimumFiberLengthAlongTendon * lopt).squared + width * width).squareRoot()
        let longestAlongTendon = musculotendonLength - slack * Scalar(0.9)
        var low = shortest
        var high = max(shortest, (longestAlongTendon.squared + width * width).squareRoot())
        let lowResult = evaluate(low)
        if lowResult.residual <= 0 || high == low { return lowResult.state }   // even the shortest fibre out-pulls the tendon
        let highResult = evaluate(high)
        if highResult.residual >= 0 { return highResult.state }                // the tendon is slack at every fibre length
        let tolerance = Scalar.ulpOfOne.squareRoot() * Scalar(0.01)
        var x = guess.map { min(max($0, low), high) } ?? (low + high) / 2
        var current = evaluate(x)
        var previousStep = high - low
        for _ in 0..<200 {
            if abs(current.residual) < tolerance { break }
            if current.residual > 0 { low = x } else { high = x }
            // Newton, unless it leaves the bracket or would not halve the step of two iterations ago
            // (Numerical Recipes' rtsafe rule); a steep tendon exponential otherwise crawls.
            let newton = x - current.residual / current.slope
            let useNewton = current.slope < 0 && newton > low && newton < high
                && abs(2 * current.residual) <= abs(previousStep * current.slope)
            let next = useNewton ? newton : (low + high) / 2
            previousStep = next - x
            x = next
            if high - low < Scalar.ulpOfOne * 4 * high { break }
            current = evaluate(x)
        }
        return current.state
    }
}

extension MuscleScalar {
    /// The value squared.
    @inlinable var squared: Self { self * self }
}
