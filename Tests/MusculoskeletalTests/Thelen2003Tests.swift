import TestSupport
import Testing
@testable import Musculoskeletal

/// Thelen 2003 curves against their defining points, OpenSim's own velocity formula, and finite differences.
struct Thelen2003Tests {
    typealias Curves = Thelen2003

    /// OpenSim's `Thelen2003Muscle::calcdlceN` (normalised fibre velocity from a·f_L·f_V), transcribed as the
    /// independent reference the closed-form inverse must agree with.
    func openSimVelocity(activation a: Double, fal: Double, force fm: Double, af: Double = 0.25, flen: Double = 1.4, threshold: Double = 0.95) -> Double {
        let afl = a * fal
        let eccentricAsymptote = afl * flen
        func b(_ f: Double) -> (Double, Double) {
            f <= afl ? (afl + f / af, 1 / af) : ((2 + 2 / af) * (afl * flen - f) / (flen - 1), (2 + 2 / af) * -1 / (flen - 1))
        }
        if fm > 0 && fm < eccentricAsymptote * threshold {
            return (0.25 + 0.75 * a) * (fm - afl) / b(fm).0
        }
        let f0 = fm <= 0 ? 0 : threshold * eccentricAsymptote
        let (b0, db) = b(f0)
        let v0 = (0.25 + 0.75 * a) * (f0 - afl) / b0
        let slope = (0.25 + 0.75 * a) / b0 - (0.25 + 0.75 * a) * (f0 - afl) / (b0 * b0) * db
        return v0 + slope * (fm - f0)
    }

    @Test func forceVelocityInvertsOpenSimsVelocityFormula() {
        for a in [0.01, 0.2, 0.7, 1.0] {
            for fv in stride(from: 0.02, through: 1.5, by: 0.02) {
                let v = openSimVelocity(activation: a, fal: 0.8, force: a * 0.8 * fv)
                #expect(abs(Curves.forceVelocity(v, activation: a).value - fv) < 1e-10, "a \(a) fv \(fv)")
            }
        }
    }

    @Test func curvesPassThroughDefiningPoints() {
        #expect(Curves.activeForceLength(1.0).value == 1)
        #expect(abs(Curves.passiveForceLength(1.6).value - 1) < 1e-12)
        #expect(Curves.passiveForceLength(0.9).value == 0)
        #expect(abs(Curves.tendonForceLength(1.04).value - 1) < 1e-12)
        #expect(Curves.tendonForceLength(0.99).value == 0)
        #expect(Curves.forceVelocity(0.0, activation: 0.5).value == 1)
        #expect(Curves.forceVelocity(-0.625, activation: 0.5).value == 0)
    }

    @Test func derivativesMatchFiniteDifferences() {
        for x in stride(from: 0.5, through: 1.7, by: 0.05) {
            #expect(close(Curves.activeForceLength(x).derivative, centralDifference({ Curves.activeForceLength($0).value }, at: x), absolute: 1e-7))
            if abs(x - 1) > 1e-3 {   // the passive curve has a kink at l̃ = 1
                #expect(close(Curves.passiveForceLength(x).derivative, centralDifference({ Curves.passiveForceLength($0).value }, at: x), absolute: 1e-6))
            }
        }
        for l in stride(from: 1.003, through: 1.08, by: 0.004) {
            #expect(close(Curves.tendonForceLength(l).derivative, centralDifference({ Curves.tendonForceLength($0).value }, at: l), absolute: 1e-5))
        }
        for a in [0.05, 0.5, 1.0] {
            for v in stride(from: -0.9, through: 1.5, by: 0.0625) where abs(v) > 1e-3 {
                let curve = Curves.forceVelocity(v, activation: a)
                #expect(close(curve.dVelocity, centralDifference({ Curves.forceVelocity($0, activation: a).value }, at: v), absolute: 1e-6))
                #expect(close(curve.dActivation, centralDifference({ Curves.forceVelocity(v, activation: $0).value }, at: a), absolute: 1e-6))
            }
        }
    }
}
