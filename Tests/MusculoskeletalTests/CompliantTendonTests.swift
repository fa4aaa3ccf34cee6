import Foundation
import Testing
import TestSupport
@testable import Musculoskeletal

/// The compliant-tendon muscle: equilibrium holds at every frame, a nearly inextensible tendon gives the rigid-tendon
/// force, and every partial derivative (one frame's, the fibre-length state's, and a whole trial's adjoint) matches
/// central finite differences.
struct CompliantTendonTests {
    /// A 2 s elbow-like motion: musculotendon length and its exact velocity at 100 Hz, and an activation pattern.
    static let time = (0..<200).map { Double($0) * 0.01 }
    static func length(_ base: Double) -> [Double] { time.map { base + 0.02 * sin(2 * .pi * 0.7 * $0) } }
    static let velocity = time.map { 0.02 * 2 * .pi * 0.7 * cos(2 * .pi * 0.7 * $0) }
    static let activation = time.map { 0.2 + 0.5 * pow(sin(.pi * $0 / 2), 2) }

    static let bra = DeGrooteFregly2016Muscle<Double>(name: "BRA", maxIsometricForce: 987.26, optimalFiberLength: 0.0858,
                                                       tendonSlackLength: 0.0535, pennationAngleAtOptimal: 0.1)
    /// A soleus-like muscle (rajagopal-walk's numbers): long tendon, short pennated fibres, Millard's damping.
    static let soleus = DeGrooteFregly2016Muscle<Double>(name: "soleus", maxIsometricForce: 6194.8, optimalFiberLength: 0.0524,
                                                          tendonSlackLength: 0.3353, pennationAngleAtOptimal: 0.3814, fiberDamping: 0.01)
    static let thelen = Thelen2003Muscle<Double>(name: "TRIlat", maxIsometricForce: 624.3, optimalFiberLength: 0.1138,
                                                 tendonSlackLength: 0.098, pennationAngleAtOptimal: 0.15707963)

    /// The equilibrium residual |f_T − f_M·cos α| of a solved frame, recomputed from the curves.
    static func residual<M: HillTypeMuscle>(_ muscle: M, _ force: MusculotendonForce<Double>, fiberLength: Double, musculotendonLength: Double,
                                             activation: Double) -> Double where M.Scalar == Double {
        let alongTendon = fiberLength * force.cosPennationAngle
        let tendon = muscle.normalizedTendonForce(normTendonLength: (musculotendonLength - alongTendon) / muscle.tendonSlackLength)
        let fiber = muscle.normalizedFiberForce(activation: activation, normFiberLength: force.normFiberLength, normFiberVelocity: force.normFiberVelocity)
        return abs(tendon.value - fiber.value * force.cosPennationAngle)
    }

    func stiffLimit<M: HillTypeMuscle>(_ muscle: M, base: Double) where M.Scalar == Double {
        let lengths = Self.length(base)
        let (forces, states) = muscle.compliantTendonForces(activation: Self.activation, musculotendonLength: lengths,
                                                            musculotendonVelocity: Self.velocity, sampleInterval: 0.01)
        for k in forces.indices {
            // The compliant solution differentiates fibre length backwards in time; so must the rigid reference.
            let velocity = k == 0 ? Self.velocity[0] : k == 1 ? (lengths[1] - lengths[0]) / 0.01
                : (3 * lengths[k] - 4 * lengths[k - 1] + lengths[k - 2]) / 0.02
            let rigid = muscle.rigidTendonForce(activation: Self.activation[k], musculotendonLength: lengths[k], musculotendonVelocity: velocity)
            #expect(Self.residual(muscle, forces[k], fiberLength: states[k].fiberLength, musculotendonLength: lengths[k],
                                  activation: Self.activation[k]) < 1e-9)
            #expect(abs(forces[k].force - rigid.force) < 2e-3 * muscle.maxIsometricForce, "\(muscle.name) frame \(k)")
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
        let (forces, states) = Self.bra.compliantTendonForces(activation: Self.activation, musculotendonLength: lengths,
                                                              musculotendonVelocity: Self.velocity, sampleInterval: 0.01)
        for k in forces.indices {
            let fiberLength = states[k].fiberLength
            #expect(Self.residual(Self.bra, forces[k], fiberLength: fiberLength, musculotendonLength: lengths[k], activation: Self.activation[k]) < 1e-9)
            // Tendon strain follows the force through OpenSim's tendon curve.
            let tendonLength = lengths[k] - fiberLength * forces[k].cosPennationAngle
            let expected = DeGrooteFregly2016.tendonForceLengthInverse(forces[k].force / Self.bra.maxIsometricForce,
                                                                            kT: DeGrooteFregly2016.tendonStiffness(strainAtOneNormForce: 0.049))
            #expect(abs(tendonLength / Self.bra.tendonSlackLength - expected) < 1e-9)
            #expect(tendonLength > Self.bra.tendonSlackLength, "a loaded tendon is longer than its slack length")
            if k > 1 {
                let fiberVelocity = (3 * fiberLength - 4 * states[k - 1].fiberLength + states[k - 2].fiberLength) / 0.02
                #expect(abs(forces[k].normFiberVelocity - fiberVelocity / (10 * Self.bra.optimalFiberLength)) < 1e-12)
            }
        }
    }

    @Test func floatSolutionAgreesWithDouble() {
        let lengths = Self.length(0.0535 + 0.0858)
        let double = Self.bra.compliantTendonForces(activation: Self.activation, musculotendonLength: lengths,
                                                    musculotendonVelocity: Self.velocity, sampleInterval: 0.01).forces
        let single = Self.bra.converted(to: Float.self).compliantTendonForces(
            activation: Self.activation.map(Float.init), musculotendonLength: lengths.map(Float.init),
            musculotendonVelocity: Self.velocity.map(Float.init), sampleInterval: 0.01).forces
        for (d, f) in zip(double, single) {
            #expect(abs(Double(f.force) - d.force) < 2e-3 * Self.bra.maxIsometricForce)
        }
    }

    /// One frame with every input and parameter perturbed in turn: the force's partials and the fibre length's, under
    /// each rule (static equilibrium, first- and second-order backward differences).
    @Test(arguments: ["BRA", "soleus"])
    func framePartialsMatchFiniteDifferences(name: String) {
        let muscle = name == "BRA" ? Self.bra : Self.soleus
        let length = muscle.tendonSlackLength * 1.02 + muscle.optimalFiberLength * 0.95
        let previous = muscle.optimalFiberLength * 1.02, beforePrevious = muscle.optimalFiberLength * 1.03
        for rule in [FiberVelocityRule<Double>.staticEquilibrium(musculotendonVelocity: 0.05),
                     .backwardDifference(previousFiberLength: previous, sampleInterval: 0.01),
                     .secondOrderBackwardDifference(previousFiberLength: previous, beforePreviousFiberLength: beforePrevious, sampleInterval: 0.01)] {
            func frame(_ m: DeGrooteFregly2016Muscle<Double>, a: Double = 0.4, l: Double = length, rule: FiberVelocityRule<Double> = rule)
                -> (force: MusculotendonForce<Double>, state: FiberLengthSensitivity<Double>) {
                m.compliantTendonForce(activation: a, musculotendonLength: l, velocity: rule)
            }
            let base = frame(muscle)
            func check(_ what: String, _ analytic: (force: Double, fiber: Double?), _ perturbed: (Double) -> (force: MusculotendonForce<Double>, state: FiberLengthSensitivity<Double>), step: Double) {
                let force = centralDifference({ perturbed($0).force.force }, at: 0, step: step)
                let fiber = centralDifference({ perturbed($0).state.fiberLength }, at: 0, step: step)
                #expect(close(analytic.force, force, relative: 1e-5, absolute: 1e-6 * muscle.maxIsometricForce), "\(name) \(rule) ∂F/∂\(what): \(analytic.force) vs \(force)")
                if let analyticFiber = analytic.fiber {
                    #expect(close(analyticFiber, fiber, relative: 1e-5, absolute: 1e-9), "\(name) \(rule) ∂lM/∂\(what): \(analyticFiber) vs \(fiber)")
                }
            }
            check("a", (base.force.dActivation, base.state.dActivation), { frame(muscle, a: 0.4 + $0) }, step: 1e-6)
            check("l_MT", (base.force.dMusculotendonLength, nil), { frame(muscle, l: length + $0) }, step: 1e-7)
            check("F0", (base.force.dMaxIsometricForce, 0), { var m = muscle; m.maxIsometricForce += $0; return frame(m) }, step: 1e-3)
            check("l_opt", (base.force.dOptimalFiberLength, base.state.dOptimalFiberLength),
                  { var m = muscle; m.optimalFiberLength += $0; return frame(m) }, step: 1e-7)
            check("l_Ts", (base.force.dTendonSlackLength, base.state.dTendonSlackLength),
                  { var m = muscle; m.tendonSlackLength += $0; return frame(m) }, step: 1e-7)
            switch rule {
            case .staticEquilibrium:
                check("v_MT", (base.force.dMusculotendonVelocity, nil), { frame(muscle, rule: .staticEquilibrium(musculotendonVelocity: 0.05 + $0)) }, step: 1e-6)
            case .backwardDifference:
                check("lM_previous", (base.state.dForceDFiberLength * base.state.dPreviousFiberLength, base.state.dPreviousFiberLength),
                      { frame(muscle, rule: .backwardDifference(previousFiberLength: previous + $0, sampleInterval: 0.01)) }, step: 1e-8)
            case .secondOrderBackwardDifference:
                check("lM_previous", (base.state.dForceDFiberLength * base.state.dPreviousFiberLength, base.state.dPreviousFiberLength),
                      { frame(muscle, rule: .secondOrderBackwardDifference(previousFiberLength: previous + $0, beforePreviousFiberLength: beforePrevious,
                                                                           sampleInterval: 0.01)) }, step: 1e-8)
                check("lM_beforePrevious", (base.state.dForceDFiberLength * base.state.dBeforePreviousFiberLength, base.state.dBeforePreviousFiberLength),
                      { frame(muscle, rule: .secondOrderBackwardDifference(previousFiberLength: previous, beforePreviousFiberLength: beforePrevious + $0,
                                                                           sampleInterval: 0.01)) }, step: 1e-8)
            }
        }
    }

    /// The adjoint of a whole trial (``MuscleForces/gradient(forceGradient:)``) against finite differences of
    /// L = Σ w_k F_k: each frame's activation moves every later frame's force through the fibre-length state.
    @Test func trialGradientMatchesFiniteDifferences() {
        let muscle = Self.soleus
        let frames = 60
        let lengths = (0..<frames).map { muscle.tendonSlackLength * 1.02 + muscle.optimalFiberLength * (0.95 + 0.1 * sin(Double($0) / 7)) }
        let velocities = lengths.indices.map { k in k == 0 ? 0 : (lengths[k] - lengths[k - 1]) / 0.01 }
        let activation = (0..<frames).map { 0.3 + 0.25 * sin(Double($0) / 5) }
        let weights = (0..<frames).map { 1 + 0.5 * cos(Double($0)) }
        func loss(_ m: DeGrooteFregly2016Muscle<Double>, _ a: [Double]) -> Double {
            zip(m.forces(activation: a, musculotendonLength: lengths, musculotendonVelocity: velocities, sampleInterval: 0.01).force, weights)
                .reduce(0) { $0 + $1.0 * $1.1 }
        }
        let forces = muscle.forces(activation: activation, musculotendonLength: lengths, musculotendonVelocity: velocities, sampleInterval: 0.01)
        #expect(forces.fiberLengths != nil)
        let gradient = forces.gradient(forceGradient: weights)
        for k in [0, 1, 17, 40, 59] {
            let numeric = centralDifference({ var a = activation; a[k] += $0; return loss(muscle, a) }, at: 0, step: 1e-6)
            #expect(close(gradient.activation[k], numeric, relative: 1e-5, absolute: 1e-3), "a[\(k)]: \(gradient.activation[k]) vs \(numeric)")
        }
        let dForce = centralDifference({ var m = muscle; m.maxIsometricForce += $0; return loss(m, activation) }, at: 0, step: 1e-3)
        let dFiber = centralDifference({ var m = muscle; m.optimalFiberLength += $0; return loss(m, activation) }, at: 0, step: 1e-7)
        let dSlack = centralDifference({ var m = muscle; m.tendonSlackLength += $0; return loss(m, activation) }, at: 0, step: 1e-7)
        #expect(close(gradient.maxIsometricForce, dForce, relative: 1e-6), "F0: \(gradient.maxIsometricForce) vs \(dForce)")
        #expect(close(gradient.optimalFiberLength, dFiber, relative: 1e-5), "l_opt: \(gradient.optimalFiberLength) vs \(dFiber)")
        #expect(close(gradient.tendonSlackLength, dSlack, relative: 1e-5), "l_Ts: \(gradient.tendonSlackLength) vs \(dSlack)")
    }

    /// With the tendon rigid the model's forces are the rigid-tendon kernel's, bit for bit, and carry no state.
    @Test func rigidTendonCarriesNoState() {
        var muscle = Self.bra
        muscle.ignoreTendonCompliance = true
        let lengths = Self.length(0.0535 + 0.0858)
        let forces = muscle.forces(activation: Self.activation, musculotendonLength: lengths, musculotendonVelocity: Self.velocity, sampleInterval: 0.01)
        #expect(forces.fiberLengths == nil)
        #expect(forces.frames[5] == muscle.rigidTendonForce(activation: Self.activation[5], musculotendonLength: lengths[5], musculotendonVelocity: Self.velocity[5]))
    }
}
