import Foundation
import Testing
@testable import Estimation

/// Reference values computed by hand and with numpy (np.corrcoef, sklearn-style R²) for the vectors below.
@Suite struct SignalMetricsTests {
    let reference = [1.0, 2.0, 4.0, 3.0, 0.0]
    let predicted = [1.5, 2.0, 3.0, 3.5, 0.5]

    @Test func matchesHandComputedValues() {
        let m = SignalMetrics(predicted: predicted, reference: reference)
        // errors 0.5, 0, -1, 0.5, 0.5 → SSE 1.75; mean y 2, Σ(y−ȳ)² 10; Σy² 30; range 4
        #expect(abs(m.rmse - (1.75 / 5).squareRoot()) < 1e-12)
        #expect(abs(m.nrmse! - (1.75 / 5).squareRoot() / 4) < 1e-12)
        #expect(abs(m.r2! - (1 - 1.75 / 10)) < 1e-12)
        #expect(abs(m.vaf! - (1 - 1.75 / 30)) < 1e-12)
        // numpy: np.corrcoef([1.5,2,3,3.5,.5],[1,2,4,3,0])[0,1] = 0.9271726499455306
        #expect(abs(m.r! - 0.9271726499455306) < 1e-12)
        // numpy: np.std([1,2,4,3,0]) = 1.4142135623730951
        #expect(abs(m.referenceStandardDeviation - 1.4142135623730951) < 1e-12 && m.referencePeak == 4)
    }

    @Test func perfectPredictionAndScaledPrediction() {
        let same = SignalMetrics(predicted: reference, reference: reference)
        #expect(same.rmse == 0 && same.r2 == 1 && same.vaf == 1 && abs(same.r! - 1) < 1e-12)
        let doubled = SignalMetrics(predicted: reference.map { 2 * $0 }, reference: reference)
        #expect(abs(doubled.r! - 1) < 1e-12)  // correlation ignores gain
        #expect(doubled.r2! < 0.5)             // R² does not
    }

    /// Undefined numbers are nil (null in JSON), never 0 or a non-finite value.
    @Test func constantSignalsGiveUndefinedNotZero() {
        let m = SignalMetrics(predicted: [1, 2], reference: [1, 1])
        #expect(m.r == nil && m.nrmse == nil && m.r2 == nil && m.vaf != nil)
        let constantEstimate = SignalMetrics(predicted: [0, 0, 0], reference: [0.1, 0.3, 0.2])
        #expect(constantEstimate.r == nil && constantEstimate.r2 != nil)
        let allZero = SignalMetrics(predicted: [0, 0], reference: [0, 0])
        #expect(allZero.vaf == nil && allZero.rmse == 0)
    }
}

/// Per-trial evaluation, means over the active trials and the pooled figures, against values computed by hand.
@Suite struct SignalEvaluationTests {
    @Test func meansOverActiveTrialsAndPooled() throws {
        // trial a varies (sd 0.0816 ≥ 0.02), b is constant (inactive), c varies and its estimate is constant (r undefined).
        let evaluation = SignalEvaluation(trials: [
            ("a", [0.1, 0.2, 0.3], [0.1, 0.3, 0.2]), ("b", [0.2, 0.2, 0.3], [0.2, 0.2, 0.2]), ("c", [0.5, 0.5, 0.5], [0.1, 0.4, 0.7]),
        ], activeWhen: SignalEvaluation.excitationIsActive, measured: false)
        let a = try #require(evaluation.perTrial["a"]), b = try #require(evaluation.perTrial["b"]), c = try #require(evaluation.perTrial["c"])
        #expect(a.active && !b.active && c.active)
        #expect(abs(a.r! - 0.5) < 1e-12 && b.r == nil && c.r == nil)   // numpy: np.corrcoef([.1,.2,.3],[.1,.3,.2])[0,1] = 0.5
        #expect(evaluation.trialMean.n == 1 && abs(evaluation.trialMean.r! - 0.5) < 1e-12 && evaluation.trialMean.sdR == nil)
        #expect(abs(evaluation.trialMean.rmse! - (a.rmse + b.rmse + c.rmse) / 3) < 1e-15)
        #expect(abs(evaluation.trialMean.r2! - (a.r2! + c.r2!) / 2) < 1e-15)  // R² over active trials
        #expect(evaluation.pooled.n == 3 && evaluation.pooled.sdR == nil)
        let json = String(decoding: try JSONEncoder().encode(evaluation), as: UTF8.self)
        #expect(json.contains("\"r\":null") && json.contains("\"sd_r\":null") && json.contains("\"per_trial\""))
    }

    @Test func torqueIsActiveWhenItVariesByFivePercentOfItsPeak() {
        #expect(SignalEvaluation.torqueIsActive(SignalMetrics(predicted: [0, 0, 0], reference: [10, 11, 12])))
        #expect(!SignalEvaluation.torqueIsActive(SignalMetrics(predicted: [0, 0, 0], reference: [10, 10.1, 10.2])))
    }
}
