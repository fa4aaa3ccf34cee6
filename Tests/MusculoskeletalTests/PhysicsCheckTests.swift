import TestSupport
import BiomechIO
import Foundation
import Testing
@testable import Musculoskeletal

/// The rigid-tendon DeGrooteFregly2016 model reproduces OpenSim 4.6 on every trial of arm26-lifting/S01.
@Suite(.needsSharedData)
struct PhysicsCheckTests {
    /// R² and RMSE against hand-worked values: residuals (0, 0, −2) about a reference of mean 8/3.
    @Test func torqueAgreementByHand() {
        let agreement = TorqueAgreement(model: [1, 2, 3], reference: [1, 2, 5])
        #expect(abs(agreement.rmse - (4.0 / 3).squareRoot()) < 1e-12)
        #expect(abs(agreement.rmsePercentOfPeak - 100 * (4.0 / 3).squareRoot() / 5) < 1e-12)
        #expect(abs(agreement.r2 - (1 - 4 / (26.0 / 3))) < 1e-12)
    }

    @Test func reproducesOpenSimTorqueAndForcesOnEveryTrial() throws {
        let results = try PhysicsCheck.run(subjectDirectory: SharedData.s01)
        #expect(results.map(\.name) == (1...10).map { String(format: "trial%02d", $0) })
        for result in results {
            // Issue 4's bar: R² ≥ 0.999, RMSE ≤ 1 % of peak, forces within 0.5 % of peak; measured far inside it.
            #expect(result.r2 >= 0.99999, "\(result.name) R² \(result.r2)")
            #expect(result.rmsePercentOfPeak <= 0.1, "\(result.name) RMSE \(result.rmsePercentOfPeak) %")
            #expect(result.forceErrorPercentOfPeak <= 0.2, "\(result.name) force error \(result.forceErrorPercentOfPeak) %")
        }
    }

    /// The generic model's parameters (not the truth) miss by far more: the check can tell parameters apart.
    @Test func genericParametersFailTheCheck() throws {
        let generic = try OSimFile.read((SharedData.s01 as NSString).appendingPathComponent("model.osim")).muscles
            .map { DeGrooteFregly2016Muscle<Double>($0) }
        let result = try PhysicsCheck.check(trialDirectory: SharedData.s01Trial(5), muscles: generic, coordinate: "r_elbow_flex")
        #expect(result.forceErrorPercentOfPeak > 5)
    }

    @Test func missingTrialFilesAreInputErrors() {
        #expect(throws: InputError.self) {
            _ = try PhysicsCheck.run(subjectDirectory: SharedData.s01Trial(1))
        }
    }

    @Test func torqueAgreementIsR2AndRMSEOfPeak() {
        let agreement = TorqueAgreement(model: [1, 2, 3, 5], reference: [1, 2, 3, 4])
        #expect(abs(agreement.r2 - (1 - 1 / 5.0)) < 1e-12)
        #expect(abs(agreement.rmsePercentOfPeak - 100 * 0.5 / 4) < 1e-12)
    }
}
