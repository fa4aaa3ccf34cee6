import Testing
@testable import Musculoskeletal

/// The eight-lane Float32 force kernel of the tensor model against the scalar rigid-tendon force in Double, partial
/// by partial, over muscles with and without pennation, damping, a wider active curve or no passive force, and
/// states from a clamped (too short) fibre to a long, fast-lengthening one.
struct RigidTendonForceLanesTests {
    static let muscles: [DeGrooteFregly2016Muscle<Double>] = [
        DeGrooteFregly2016Muscle(name: "pennate", maxIsometricForce: 798.5, optimalFiberLength: 0.134, tendonSlackLength: 0.143,
                                 pennationAngleAtOptimal: 0.2094),
        DeGrooteFregly2016Muscle(name: "parallel", maxIsometricForce: 987.3, optimalFiberLength: 0.0858, tendonSlackLength: 0.0535),
        DeGrooteFregly2016Muscle(name: "options", maxIsometricForce: 500, optimalFiberLength: 0.1, tendonSlackLength: 0.2,
                                 pennationAngleAtOptimal: 0.3, maxContractionVelocity: 8, activeForceWidthScale: 1.4,
                                 fiberDamping: 0.05, passiveFiberStrainAtOneNormForce: 0.5),
        DeGrooteFregly2016Muscle(name: "no passive", maxIsometricForce: 300, optimalFiberLength: 0.12, tendonSlackLength: 0.1,
                                 pennationAngleAtOptimal: 0.1, ignorePassiveFiberForce: true),
    ]

    @Test func everyPartialMatchesTheScalarKernel() {
        for muscle in Self.muscles {
            let lopt = muscle.optimalFiberLength, slack = muscle.tendonSlackLength
            // Normalised lengths 0.005 (below the floor of 0.01) to 1.7, velocities −0.9 to +0.9 of the maximum.
            let lengths = [0.005, 0.3, 0.6, 0.8, 0.95, 1.05, 1.3, 1.7].map { slack + $0 * lopt }
            let velocities = [-0.9, -0.4, -0.05, 0, 0.02, 0.3, 0.6, 0.9].map { $0 * muscle.maxContractionVelocity * lopt }
            let activations = [0, 0.05, 0.2, 0.4, 0.5, 0.7, 0.9, 1.0]
            let lanes = muscle.converted(to: Float.self).rigidTendonForce(
                activation: SIMD8(activations.map(Float.init)), musculotendonLength: SIMD8(lengths.map(Float.init)),
                musculotendonVelocity: SIMD8(velocities.map(Float.init)))
            for lane in 0..<8 {
                let reference = muscle.rigidTendonForce(activation: activations[lane], musculotendonLength: lengths[lane],
                                                        musculotendonVelocity: velocities[lane])
                let pairs: [(String, Float, Double)] = [
                    ("force", lanes.force[lane], reference.force), ("dActivation", lanes.dActivation[lane], reference.dActivation),
                    ("dMusculotendonLength", lanes.dMusculotendonLength[lane], reference.dMusculotendonLength),
                    ("dMusculotendonVelocity", lanes.dMusculotendonVelocity[lane], reference.dMusculotendonVelocity),
                    ("dMaxIsometricForce", lanes.dMaxIsometricForce[lane], reference.dMaxIsometricForce),
                    ("dOptimalFiberLength", lanes.dOptimalFiberLength[lane], reference.dOptimalFiberLength),
                ]
                for (name, value, expected) in pairs {
                    // Float32 rounding of inputs and intermediates, amplified where the terms of a length partial
                    // cancel: up to 4e-5 of the partial (seen at l̃ = 1.3 with damping), 1e-6 typically.
                    let scale = Swift.max(abs(expected), 1e-3 * muscle.maxIsometricForce / (name == "dActivation" ? 1 : lopt))
                    #expect(abs(Double(value) - expected) <= 1e-4 * scale, "\(muscle.name) lane \(lane) \(name): \(value) vs \(expected)")
                }
            }
        }
    }
}
