import TensorEngine

/// The rigid-tendon force of eight samples of one muscle and its analytic partials, one lane per sample: the
/// Float32 fast path of ``HillTypeMuscle/rigidTendonForce(activation:musculotendonLength:musculotendonVelocity:)``
/// for the fused tensor kernel. ∂force/∂tendon slack length is `-dMusculotendonLength`.
struct RigidTendonForceLanes {
    /// Tendon force (N).
    var force: SIMD8<Float>
    /// ∂force/∂activation.
    var dActivation: SIMD8<Float>
    /// ∂force/∂musculotendon length.
    var dMusculotendonLength: SIMD8<Float>
    /// ∂force/∂musculotendon lengthening velocity.
    var dMusculotendonVelocity: SIMD8<Float>
    /// ∂force/∂max isometric force.
    var dMaxIsometricForce: SIMD8<Float>
    /// ∂force/∂optimal fibre length.
    var dOptimalFiberLength: SIMD8<Float>
}

extension DeGrooteFregly2016Muscle where Scalar == Float {
    /// ``HillTypeMuscle/rigidTendonForce(activation:musculotendonLength:musculotendonVelocity:)`` of eight samples at
    /// once: the same formulas in the same order, written in `SIMD8<Float>` lanes with branch-free selects and
    /// TensorEngine's `VectorMath.exp`/`log` in place of the C library's, so that one call does the work of eight
    /// and nothing leaves the vector registers. `MusculoskeletalTests` check every partial against the scalar code.
    @inline(__always)
    func rigidTendonForce(activation a: SIMD8<Float>, musculotendonLength l: SIMD8<Float>,
                          musculotendonVelocity v: SIMD8<Float>) -> RigidTendonForceLanes {
        typealias V = SIMD8<Float>
        let lopt = optimalFiberLength, sinAlpha0 = sinPennationAngleAtOptimal
        let width = lopt * sinAlpha0
        let alongTendonFloor = Self.minimumFiberLengthAlongTendon * lopt
        let free = l - tendonSlackLength
        let clamped = free .< alongTendonFloor
        let lAT = free.replacing(with: alongTendonFloor, where: clamped)
        let lM = (lAT * lAT + width * width).squareRoot()
        let inverseLM = 1 / lM, inverseLopt = 1 / lopt
        let cosAlpha = lAT * inverseLM
        let inverseVmax = inverseLopt / maxContractionVelocity
        let normLength = lM * inverseLopt
        let normVelocity = v * cosAlpha * inverseVmax

        // normalizedFiberForce: active force-length (three Gaussian-like terms), passive force-length, force-velocity.
        let x = (normLength - 1) / activeForceWidthScale + 1
        let g1 = Self.gaussianLike(x, DeGrooteFregly2016.b1), g2 = Self.gaussianLike(x, DeGrooteFregly2016.b2)
        let g3 = Self.gaussianLike(x, DeGrooteFregly2016.b3)
        let active = g1.value + g2.value + g3.value
        let activeDerivative = (g1.derivative + g2.derivative + g3.derivative) / activeForceWidthScale
        var passive = V.zero, passiveDerivative = V.zero
        if !ignorePassiveFiberForce {
            let e = VectorMath.exp(passiveCurve.rate * (normLength - 1))
            passive = (e - passiveCurve.offset) * passiveCurve.inverseRange
            passiveDerivative = passiveCurve.rate * e * passiveCurve.inverseRange
        }
        let (d1, d2) = (Float(DeGrooteFregly2016.d1), Float(DeGrooteFregly2016.d2))
        let z = d2 * normVelocity + Float(DeGrooteFregly2016.d3)
        let root = (z * z + 1).squareRoot()
        let negative = z .< 0
        let magnitude = VectorMath.log(z.replacing(with: -z, where: negative) + root)
        let velocity = d1 * magnitude.replacing(with: -magnitude, where: negative) + Float(DeGrooteFregly2016.d4)
        let velocityDerivative = d1 * d2 / root
        let fiber = a * active * velocity + passive + fiberDamping * normVelocity
        let fiberDNormLength = a * activeDerivative * velocity + passiveDerivative
        let fiberDNormVelocity = a * active * velocityDerivative + fiberDamping
        let F0 = maxIsometricForce

        // Along-tendon fibre length lAT: its effect on l̃, cos α and ṽ.
        let dCos_dLAT = width * width * inverseLM * inverseLM * inverseLM
        let dNormLength_dLAT = cosAlpha * inverseLopt
        let dNormVelocity_dLAT = v * dCos_dLAT * inverseVmax
        let dFiber_dLAT = fiberDNormLength * dNormLength_dLAT + fiberDNormVelocity * dNormVelocity_dLAT
        let lengthTerm = F0 * (dFiber_dLAT * cosAlpha + fiber * dCos_dLAT)

        // Optimal fibre length acts through the width (lM, cos α), the normalisation of l̃ and of ṽ.
        let dLM_dLopt = width * sinAlpha0 * inverseLM
        let dNormLength_dLopt = (dLM_dLopt - normLength) * inverseLopt
        let dCos_dLopt = -cosAlpha * inverseLM * dLM_dLopt
        let dNormVelocity_dLopt = v * inverseVmax * (dCos_dLopt - cosAlpha * inverseLopt)
        let dFiber_dLopt = fiberDNormLength * dNormLength_dLopt + fiberDNormVelocity * dNormVelocity_dLopt
        // With the floor active, lAT = 0.01·lopt moves with lopt too.
        let floorTerm = (lengthTerm * Self.minimumFiberLengthAlongTendon).replacing(with: 0, where: .!clamped)

        return RigidTendonForceLanes(
            force: F0 * fiber * cosAlpha,
            dActivation: F0 * active * velocity * cosAlpha,
            dMusculotendonLength: lengthTerm.replacing(with: 0, where: clamped),
            dMusculotendonVelocity: F0 * fiberDNormVelocity * cosAlpha * cosAlpha * inverseVmax,
            dMaxIsometricForce: fiber * cosAlpha,
            dOptimalFiberLength: F0 * (dFiber_dLopt * cosAlpha + fiber * dCos_dLopt) + floorTerm)
    }

    /// ``DeGrooteFregly2016``'s Gaussian-like term `b1·exp(-½(x-b2)²/(b3+b4·x)²)` and its derivative, in lanes.
    @inline(__always)
    static func gaussianLike(_ x: SIMD8<Float>, _ b: (Double, Double, Double, Double)) -> (value: SIMD8<Float>, derivative: SIMD8<Float>) {
        let (b1, b2, b3, b4) = (Float(b.0), Float(b.1), Float(b.2), Float(b.3))
        let inverse = 1 / (b3 + b4 * x)
        let offset = (x - b2) * inverse
        let g = b1 * VectorMath.exp(-offset * offset / 2)
        return (g, -g * offset * (b3 + b2 * b4) * inverse * inverse)
    }
}
