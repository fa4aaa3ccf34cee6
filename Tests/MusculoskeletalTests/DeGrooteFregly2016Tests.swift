import TestSupport
import Testing
@testable import Musculoskeletal

/// The curves pass through the points OpenSim 4.6 tuned them to, and their derivatives match finite differences.
struct DeGrooteFregly2016Tests {
    typealias Curves = DeGrooteFregly2016

    @Test func curvesPassThroughOpenSimKeyPoints() {
        #expect(abs(Curves.activeForceLength(1.0).value - 1) < 1e-6)
        #expect(abs(Curves.forceVelocity(0.0).value - 1) < 1e-12)
        #expect(abs(Curves.forceVelocity(-1.0).value) < 1e-12)
        #expect(abs(Curves.passiveForceLength(0.2).value) < 1e-15)
        #expect(abs(Curves.passiveForceLength(1.6).value - 1) < 1e-12)
        let kT = Curves.tendonStiffness(strainAtOneNormForce: 0.049)
        #expect(abs(Curves.tendonForceLength(1.0, kT: kT).value) < 1e-15)
        #expect(abs(Curves.tendonForceLength(1.049, kT: kT).value - 1) < 1e-12)
        // De Groote et al. 2016 give kT = 35 for 0.049... their own c-values give log(6)/0.049 = 36.57.
        #expect(abs(kT - 36.566) < 1e-3)
    }

    @Test func inverseCurvesInvert() {
        let kT = Curves.tendonStiffness(strainAtOneNormForce: 0.049)
        for v in stride(from: -1.0, through: 1.0, by: 0.1) {
            #expect(abs(Curves.forceVelocityInverse(Curves.forceVelocity(v).value) - v) < 1e-12)
        }
        for f in stride(from: 0.0, through: 2.0, by: 0.25) {
            #expect(abs(Curves.tendonForceLength(Curves.tendonForceLengthInverse(f, kT: kT), kT: kT).value - f) < 1e-12)
        }
    }

    @Test func derivativesMatchFiniteDifferences() {
        let kT = Curves.tendonStiffness(strainAtOneNormForce: 0.033)
        for x in stride(from: 0.3, through: 1.75, by: 0.05) {
            for scale in [1.0, 1.5] {
                let numeric = centralDifference({ Curves.activeForceLength($0, widthScale: scale).value }, at: x)
                #expect(close(Curves.activeForceLength(x, widthScale: scale).derivative, numeric, absolute: 1e-7))
            }
            let passive = centralDifference({ Curves.passiveForceLength($0, strainAtOneNormForce: 0.5).value }, at: x)
            #expect(close(Curves.passiveForceLength(x, strainAtOneNormForce: 0.5).derivative, passive, absolute: 1e-7))
        }
        for v in stride(from: -1.2, through: 1.2, by: 0.1) {
            #expect(close(Curves.forceVelocity(v).derivative, centralDifference({ Curves.forceVelocity($0).value }, at: v), absolute: 1e-7))
        }
        for l in stride(from: 0.98, through: 1.06, by: 0.005) {
            let numeric = centralDifference({ Curves.tendonForceLength($0, kT: kT).value }, at: l)
            #expect(close(Curves.tendonForceLength(l, kT: kT).derivative, numeric, absolute: 1e-6))
        }
    }

    @Test func floatAgreesWithDouble() {
        for x in stride(from: 0.4, through: 1.6, by: 0.1) {
            #expect(abs(Double(Curves.activeForceLength(Float(x)).value) - Curves.activeForceLength(x).value) < 1e-6)
            #expect(abs(Double(Curves.forceVelocity(Float(x - 1)).value) - Curves.forceVelocity(x - 1).value) < 1e-6)
        }
    }
}
