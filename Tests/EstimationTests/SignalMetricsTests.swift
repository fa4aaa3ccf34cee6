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
        #expect(abs(m.nrmse - (1.75 / 5).squareRoot() / 4) < 1e-12)
        #expect(abs(m.r2 - (1 - 1.75 / 10)) < 1e-12)
        #expect(abs(m.vaf - (1 - 1.75 / 30)) < 1e-12)
        // numpy: np.corrcoef([1.5,2,3,3.5,.5],[1,2,4,3,0])[0,1] = 0.9271726499455306
        #expect(abs(m.r - 0.9271726499455306) < 1e-12)
    }

    @Test func perfectPredictionAndScaledPrediction() {
        let same = SignalMetrics(predicted: reference, reference: reference)
        #expect(same.rmse == 0 && same.r2 == 1 && same.vaf == 1 && abs(same.r - 1) < 1e-12)
        let doubled = SignalMetrics(predicted: reference.map { 2 * $0 }, reference: reference)
        #expect(abs(doubled.r - 1) < 1e-12)  // correlation ignores gain
        #expect(doubled.r2 < 0.5)             // R² does not
    }

    @Test func constantReferenceDoesNotDivideByZero() {
        let m = SignalMetrics(predicted: [1, 2], reference: [1, 1])
        #expect(m.r == 0 && m.nrmse == .infinity && m.r2 == -.infinity)
    }
}
