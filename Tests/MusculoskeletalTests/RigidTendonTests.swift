import TestSupport
import Foundation
import Testing
@testable import Musculoskeletal

/// The fused rigid-tendon kernel: analytic partials against finite differences, Float against Double, and the
/// benchmark's PyTorch formula (which differs from OpenSim only in b11).
struct RigidTendonTests {
    /// TRIlong of arm26 (pennated) and BIClong (not pennated), generic parameters.
    static let muscles = [
        DeGrooteFregly2016Muscle<Double>(name: "TRIlong", maxIsometricForce: 798.52, optimalFiberLength: 0.134,
                                         tendonSlackLength: 0.143, pennationAngleAtOptimal: 0.20943951),
        DeGrooteFregly2016Muscle<Double>(name: "BIClong", maxIsometricForce: 624.3, optimalFiberLength: 0.1157,
                                         tendonSlackLength: 0.2723, pennationAngleAtOptimal: 0, fiberDamping: 0.01),
    ]
    static let states: [(a: Double, l: Double, v: Double)] = [(0.3, 0.29, -0.2), (0.8, 0.31, 0.15), (0.05, 0.40, 0.05), (1.0, 0.36, -0.6)]

    func musculotendonLength(_ muscle: DeGrooteFregly2016Muscle<Double>, _ l: Double) -> Double {
        muscle.tendonSlackLength + (l - 0.27) * 0.5 + muscle.optimalFiberLength * 0.95
    }

    @Test func partialsMatchFiniteDifferences() {
        for muscle in Self.muscles {
            for (a, l0, v) in Self.states {
                let l = musculotendonLength(muscle, l0)
                let result = muscle.rigidTendonForce(activation: a, musculotendonLength: l, musculotendonVelocity: v)
                func force(_ m: DeGrooteFregly2016Muscle<Double>, a: Double, l: Double, v: Double) -> Double {
                    m.rigidTendonForce(activation: a, musculotendonLength: l, musculotendonVelocity: v).force
                }
                #expect(close(result.dActivation, centralDifference({ force(muscle, a: $0, l: l, v: v) }, at: a), relative: 1e-6))
                #expect(close(result.dMusculotendonLength, centralDifference({ force(muscle, a: a, l: $0, v: v) }, at: l, step: 1e-7), relative: 1e-5))
                #expect(close(result.dMusculotendonVelocity, centralDifference({ force(muscle, a: a, l: l, v: $0) }, at: v), relative: 1e-6))
                let dF0 = centralDifference({ var m = muscle; m.maxIsometricForce = $0; return force(m, a: a, l: l, v: v) }, at: muscle.maxIsometricForce, step: 1e-3)
                #expect(close(result.dMaxIsometricForce, dF0, relative: 1e-6))
                let dLopt = centralDifference({ var m = muscle; m.optimalFiberLength = $0; return force(m, a: a, l: l, v: v) }, at: muscle.optimalFiberLength, step: 1e-7)
                #expect(close(result.dOptimalFiberLength, dLopt, relative: 1e-5), "\(muscle.name) \(a) \(l) \(v)")
                let dSlack = centralDifference({ var m = muscle; m.tendonSlackLength = $0; return force(m, a: a, l: l, v: v) }, at: muscle.tendonSlackLength, step: 1e-7)
                #expect(close(result.dTendonSlackLength, dSlack, relative: 1e-5))
            }
        }
    }

    /// Below the fibre-length floor (a non-physiological path shorter than the tendon) the force stays finite and
    /// its partials still match finite differences: no length dependence, the floor moving with optimal fibre length.
    @Test func flooredFiberLengthHasConsistentPartials() {
        let muscle = Self.muscles[0]
        let l = muscle.tendonSlackLength - 0.01
        let result = muscle.rigidTendonForce(activation: 0.5, musculotendonLength: l, musculotendonVelocity: 0.1)
        #expect(result.force.isFinite && result.dMusculotendonLength == 0 && result.dTendonSlackLength == 0)
        let dLopt = centralDifference({ var m = muscle; m.optimalFiberLength = $0
            return m.rigidTendonForce(activation: 0.5, musculotendonLength: l, musculotendonVelocity: 0.1).force }, at: muscle.optimalFiberLength, step: 1e-8)
        #expect(close(result.dOptimalFiberLength, dLopt, relative: 1e-5))
    }

    /// The same generic kernel on Thelen 2003's curves (activation enters its force-velocity curve too).
    @Test func thelenPartialsMatchFiniteDifferences() {
        let muscle = Thelen2003Muscle<Double>(name: "TRIlat", maxIsometricForce: 624.3, optimalFiberLength: 0.1138,
                                              tendonSlackLength: 0.098, pennationAngleAtOptimal: 0.15707963)
        func force(_ m: Thelen2003Muscle<Double>, a: Double, l: Double, v: Double) -> Double {
            m.rigidTendonForce(activation: a, musculotendonLength: l, musculotendonVelocity: v).force
        }
        for (a, l, v) in [(0.3, 0.205, -0.3), (0.8, 0.22, 0.2), (0.5, 0.215, 0.9), (0.05, 0.23, -0.05)] {
            let result = muscle.rigidTendonForce(activation: a, musculotendonLength: l, musculotendonVelocity: v)
            #expect(close(result.dActivation, centralDifference({ force(muscle, a: $0, l: l, v: v) }, at: a), relative: 1e-5))
            #expect(close(result.dMusculotendonLength, centralDifference({ force(muscle, a: a, l: $0, v: v) }, at: l, step: 1e-7), relative: 1e-5))
            #expect(close(result.dMusculotendonVelocity, centralDifference({ force(muscle, a: a, l: l, v: $0) }, at: v), relative: 1e-5))
            let dLopt = centralDifference({ var m = muscle; m.optimalFiberLength = $0; return force(m, a: a, l: l, v: v) }, at: muscle.optimalFiberLength, step: 1e-7)
            #expect(close(result.dOptimalFiberLength, dLopt, relative: 1e-5))
        }
    }

    @Test func floatKernelAgreesWithDouble() {
        for muscle in Self.muscles {
            let single = muscle.converted(to: Float.self)
            for (a, l0, v) in Self.states {
                let l = musculotendonLength(muscle, l0)
                let d = muscle.rigidTendonForce(activation: a, musculotendonLength: l, musculotendonVelocity: v)
                let f = single.rigidTendonForce(activation: Float(a), musculotendonLength: Float(l), musculotendonVelocity: Float(v))
                #expect(abs(Double(f.force) - d.force) <= 1e-4 * muscle.maxIsometricForce)
                #expect(abs(Double(f.dMusculotendonLength) - d.dMusculotendonLength) <= 1e-3 * abs(d.dMusculotendonLength) + 1)
            }
        }
    }

    /// ../shared/bench/torch_reference.py's force, transcribed: identical to OpenSim except b11 = 0.814483478343008
    /// (the optcntrlmuscle code's value; OpenSim 4.6 uses 0.8150671134243542 so that f_L(1) = 1) and a clamp of the
    /// along-tendon fibre length at 1e-4 m. The difference is 0.0584·exp(-½((l̃-1.055)/(0.162+0.0633·l̃))²) of F0·a·f_V.
    @Test func benchmarkFormulaDiffersOnlyInB11() {
        let muscle = Self.muscles[0]
        for (a, l0, v) in Self.states {
            let l = musculotendonLength(muscle, l0)
            let ours = muscle.rigidTendonForce(activation: a, musculotendonLength: l, musculotendonVelocity: v)
            let ln = ours.normFiberLength
            let b = DeGrooteFregly2016.b1
            let gaussian = exp(-0.5 * pow(ln - b.1, 2) / pow(b.2 + b.3 * ln, 2))
            let fv = DeGrooteFregly2016.forceVelocity(ours.normFiberVelocity).value
            let torch = ours.force - muscle.maxIsometricForce * a * (0.8150671134243542 - 0.814483478343008) * gaussian * fv * ours.cosPennationAngle
            let torchDirect = torchReferenceForce(muscle, a: a, lmt: l, vmt: v)
            #expect(close(torch, torchDirect, relative: 1e-12))
            #expect(abs(ours.force - torchDirect) < 1e-3 * muscle.maxIsometricForce)
        }
    }

    func torchReferenceForce(_ m: DeGrooteFregly2016Muscle<Double>, a: Double, lmt: Double, vmt: Double) -> Double {
        let h = m.optimalFiberLength * sin(m.pennationAngleAtOptimal)
        let lmAl = max(lmt - m.tendonSlackLength, 1e-4)
        let lm = (h * h + lmAl * lmAl).squareRoot()
        let cosa = lmAl / lm, ln = lm / m.optimalFiberLength, vn = vmt * cosa / (10 * m.optimalFiberLength)
        let terms = [(0.814483478343008, 1.05503342897057, 0.162384573599574, 0.0633034484654646),
                     (0.433004984392647, 0.716775413397760, -0.0299471169706956, 0.200356847296188),
                     (0.1, 1.0, 0.353553390593274, 0.0)]
        let fl = terms.reduce(0.0) { $0 + $1.0 * exp(-0.5 * pow(ln - $1.1, 2) / pow($1.2 + $1.3 * ln, 2)) }
        let off = exp(4.0 * (0.2 - 1.0) / 0.6)
        let fpe = (exp(4.0 * (ln - 1.0) / 0.6) - off) / (exp(4.0) - off)
        let z = -8.149 * vn - 0.374
        let fv = -0.3211346127989808 * log(z + (z * z + 1).squareRoot()) + 0.8825327733249912
        return m.maxIsometricForce * (a * fl * fv + fpe) * cosa
    }
}
