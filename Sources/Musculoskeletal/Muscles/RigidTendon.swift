import RealModule

extension HillTypeMuscle {
    /// The smallest fibre length along the tendon the rigid-tendon model admits, as a fraction of optimal
    /// fibre length; shorter musculotendon lengths (non-physiological, e.g. during a wild optimisation step)
    /// are held there with zero length derivative instead of producing a negative or undefined fibre.
    @inlinable
    public static var minimumFiberLengthAlongTendon: Scalar { Scalar(0.01) }

    /// Rigid-tendon force as OpenSim computes it with `ignore_tendon_compliance = true`: the tendon stays at its
    /// slack length, the fibre takes the rest of the path at constant thickness, its velocity is the
    /// musculotendon velocity projected on the fibre, and the fibre force is projected back on the tendon.
    @inlinable
    public func rigidTendonForce(activation: Scalar, musculotendonLength: Scalar, musculotendonVelocity: Scalar) -> MusculotendonForce<Scalar> {
        let lopt = optimalFiberLength
        let sinAlpha0 = sinPennationAngleAtOptimal
        let width = lopt * sinAlpha0
        let alongTendonFloor = Self.minimumFiberLengthAlongTendon * lopt
        let clamped = musculotendonLength - tendonSlackLength < alongTendonFloor
        let lAT = clamped ? alongTendonFloor : musculotendonLength - tendonSlackLength
        let lM = Scalar.sqrt(lAT * lAT + width * width)
        let inverseLM = 1 / lM, inverseLopt = 1 / lopt
        let cosAlpha = lAT * inverseLM
        let inverseVmax = inverseLopt / maxContractionVelocity
        let normLength = lM * inverseLopt
        let normVelocity = musculotendonVelocity * cosAlpha * inverseVmax
        let fiber = normalizedFiberForce(activation: activation, normFiberLength: normLength, normFiberVelocity: normVelocity)
        let F0 = maxIsometricForce

        // Along-tendon fibre length lAT: its effect on l̃, cos α and ṽ.
        let dCos_dLAT = width * width * inverseLM * inverseLM * inverseLM
        let dNormLength_dLAT = cosAlpha * inverseLopt
        let dNormVelocity_dLAT = musculotendonVelocity * dCos_dLAT * inverseVmax
        let dFiber_dLAT = fiber.dNormFiberLength * dNormLength_dLAT + fiber.dNormFiberVelocity * dNormVelocity_dLAT
        let dForce_dLAT = clamped ? 0 : F0 * (dFiber_dLAT * cosAlpha + fiber.value * dCos_dLAT)

        // Optimal fibre length acts through the width (lM, cos α), the normalisation of l̃ and of ṽ.
        let dLM_dLopt = width * sinAlpha0 * inverseLM
        let dNormLength_dLopt = (dLM_dLopt - normLength) * inverseLopt
        let dCos_dLopt = -cosAlpha * inverseLM * dLM_dLopt
        let dNormVelocity_dLopt = musculotendonVelocity * inverseVmax * (dCos_dLopt - cosAlpha * inverseLopt)
        let dFiber_dLopt = fiber.dNormFiberLength * dNormLength_dLopt + fiber.dNormFiberVelocity * dNormVelocity_dLopt
        let dForce_dLopt = F0 * (dFiber_dLopt * cosAlpha + fiber.value * dCos_dLopt)
            // With the floor active, lAT = 0.01·lopt moves with lopt too.
            + (clamped ? F0 * (dFiber_dLAT * cosAlpha + fiber.value * dCos_dLAT) * Self.minimumFiberLengthAlongTendon : 0)

        return MusculotendonForce(
            force: F0 * fiber.value * cosAlpha,
            dActivation: F0 * fiber.dActivation * cosAlpha,
            dMusculotendonLength: dForce_dLAT,
            dMusculotendonVelocity: F0 * fiber.dNormFiberVelocity * cosAlpha * cosAlpha * inverseVmax,
            dMaxIsometricForce: fiber.value * cosAlpha,
            dOptimalFiberLength: dForce_dLopt,
            dTendonSlackLength: -dForce_dLAT,
            normFiberLength: normLength,
            normFiberVelocity: normVelocity,
            cosPennationAngle: cosAlpha)
    }
}
