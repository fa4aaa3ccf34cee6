import Foundation
import Testing
@testable import Musculoskeletal

/// Compliant-tendon equilibrium: it holds at every frame, and a nearly inextensible tendon gives the rigid-tendon force.
struct CompliantTendonTests {
    /// A 2 s elbow-like motion: musculotendon length and its exact velocity at 100 Hz, and an activation pattern.
    static let time = (0..<200).map { Double($0) * 0.01 }
    static func length(_ base: Double) -> [Double] { time.map { base + 0.02 * sin(2 * .pi * 0.7 * $0) } }
    static let velocity = time.map { 0.02 * 2 * .pi * 0.7 * cos(2 * .pi * 0.7 * $0) }
    static let activation = time.map { 0.2 + 0.5 * pow(sin(.pi * $0 / 2), 2) }

    static let bra = DeGrooteFregly2016Muscle<Double>(name: "BRA", maxIsometricForce: 987.26, optimalFiberLength: 0.0858,
                                                       tendonSlackLength: 0.0535, pennationAngleAtOptimal: 0.1)
    static let thelen = Thelen2003Muscle<Double>(name: "TRIlat", maxIsometricForce: 624.3, optimalFiberLength: 0.1138,
                                                 tendonSlackLength: 0.098, pennationAngleAtOptimal: 0.15707963)

    func stiffLimit<M: HillTypeMuscle>(_ muscle: M, base: Double) where M.Scalar == Double {
        let lengths = Self.length(base)
        let states = muscle.compliantTendonForces(activation: Self.activation, musculotendonLength: lengths,
                                                  musculotendonVelocity: Self.velocity, sampleInterval: 0.01)
        for k in states.indices {
            // The compliant solution differentiates fibre length backwards in time; so must the rigid reference.
            let velocity = k == 0 ? Self.velocity[0] : (lengths[k] - lengths[k - 1]) / 0.01
            let rigid = muscle.rigidTendonForce(activation: Self.activation[k], musculotendonLength: lengths[k], musculotendonVelocity: velocity)
            #expect(states[k].residual < 1e-9)
            #expect(abs(states[k].tendonForce - rigid.force) < 2e-3 * muscle.maxIsometricForce, "\(muscle.name) frame \(k)")
        }
    }

    @Test func inextensibleTendonGivesTheRigidTendonForce() {
        var bra = Self.bra
        bra.tendonStrainAtOneNormForce = 1e-5
        stiffLimit(bra, base: 0.0535 + 0.0858)
        var thelen = Self.thelen
        thelen.fmaxTendonStrain = 1e-5
        stiffLimit(thelen, base: 0.098 + 0.1138 * 1.05)
    }

    @Test func compliantTendonStretchesUnderLoadAndHoldsEquilibrium() {
        let lengths = Self.length(0.0535 + 0.0858)
        let states = Self.bra.compliantTendonForces(activation: Self.activation, musculotendonLength: lengths,
                                                    musculotendonVelocity: Self.velocity, sampleInterval: 0.01)
        for (k, state) in states.enumerated() {
            #expect(state.residual < 1e-9)
            let strain = state.tendonLength / Self.bra.tendonSlackLength - 1
            // Tendon strain follows the force through OpenSim's tendon curve.
            let expected = DeGrooteFregly2016.tendonForceLengthInverse(state.tendonForce / Self.bra.maxIsometricForce,
                                                                            kT: DeGrooteFregly2016.tendonStiffness(strainAtOneNormForce: 0.049)) - 1
            #expect(abs(strain - expected) < 1e-9)
            #expect(abs(state.fiberLength * state.cosPennationAngle + state.tendonLength - lengths[k]) < 1e-12)
            if k > 0 {
                let fiberVelocity = (state.fiberLength - states[k - 1].fiberLength) / 0.01
                #expect(abs(state.normFiberVelocity - fiberVelocity / (10 * Self.bra.optimalFiberLength)) < 1e-12)
            }
        }
    }

    @Test func floatSolutionAgreesWithDouble() {
        let lengths = Self.length(0.0535 + 0.0858)
        let double = Self.bra.compliantTendonForces(activation: Self.activation, musculotendonLength: lengths,
                                                    musculotendonVelocity: Self.velocity, sampleInterval: 0.01)
        let single = Self.bra.converted(to: Float.self).compliantTendonForces(
            activation: Self.activation.map(Float.init), musculotendonLength: lengths.map(Float.init),
            musculotendonVelocity: Self.velocity.map(Float.init), sampleInterval: 0.01)
        for (d, f) in zip(double, single) {
            #expect(abs(Double(f.tendonForce) - d.tendonForce) < 2e-3 * Self.bra.maxIsometricForce)
        }
    }
}
