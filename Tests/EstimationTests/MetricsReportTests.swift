import Foundation
import Musculoskeletal
import Testing
@testable import Estimation

@Suite struct MetricsReportTests {
    @Test func jsonHasTheIssueSchema() throws {
        let trials = [(name: "trial03", predicted: [1.0, 2, 3], reference: [1.0, 2, 4])]
        let report = MetricsReport(
            method: "so", seed: 3, train: ["trial01"], test: ["trial03"], fitSeconds: 1.5,
            excitation: ["BRA": SignalEvaluation(trials: trials, activeWhen: SignalEvaluation.excitationIsActive, measured: false)],
            torque: ["r_elbow_flex": SignalEvaluation(trials: trials, activeWhen: SignalEvaluation.torqueIsActive)],
            parameters: ["BRA": ["max_isometric_force": .init(generic: 987.26, fitted: 1100)]])
        var withInputs = report
        withInputs.inputs = [.inverseDynamics]
        withInputs.predictSeconds = 0.25
        let object = try #require(JSONSerialization.jsonObject(with: withInputs.jsonData()) as? [String: Any])
        #expect(Set(object.keys) == ["method", "seed", "train", "test", "inputs", "fit_seconds", "predict_seconds", "excitation", "torque", "parameters"])
        #expect(object["inputs"] as? [String] == ["inverse_dynamics"])
        let bra = try #require((object["excitation"] as? [String: Any])?["BRA"] as? [String: Any])
        #expect(Set(bra.keys) == ["measured", "per_trial", "trial_mean", "pooled"])
        #expect(bra["measured"] as? Bool == false)
        let trial = try #require((bra["per_trial"] as? [String: Any])?["trial03"] as? [String: Any])
        #expect(Set(trial.keys) == ["r", "rmse", "nrmse", "r2", "vaf", "active"])
        #expect(Set(try #require(bra["trial_mean"] as? [String: Any]).keys) == ["r", "rmse", "nrmse", "r2", "vaf", "n", "sd_r"])
        #expect(Set(try #require(bra["pooled"] as? [String: Any]).keys) == ["r", "rmse", "nrmse", "r2", "vaf", "n", "sd_r"])
        let torque = try #require((object["torque"] as? [String: Any])?["r_elbow_flex"] as? [String: Any])
        #expect(Set(torque.keys) == ["per_trial", "trial_mean", "pooled"])
        let force = try #require(((object["parameters"] as? [String: Any])?["BRA"] as? [String: Any])?["max_isometric_force"] as? [String: Any])
        #expect(Set(force.keys) == ["generic", "fitted"])  // no truth recorded → no key
        #expect(try MetricsReport.decodeForTest(withInputs.jsonData()) == withInputs)
    }
}

extension MetricsReport {
    static func decodeForTest(_ data: Data) throws -> MetricsReport { try JSONDecoder().decode(MetricsReport.self, from: data) }
}

@Suite struct ParameterTableTests {
    /// A hidden muscle's fitted recruitment gain is reported beside its scales; a muscle without one gets no entry.
    @Test func recruitmentGainsAreReportedForHiddenMusclesOnly() {
        let muscles = ["BRA", "BIClong"].map {
            DeGrooteFregly2016Muscle<Double>(name: $0, maxIsometricForce: 900, optimalFiberLength: 0.1, tendonSlackLength: 0.05,
                                             pennationAngleAtOptimal: 0, ignoreTendonCompliance: true)
        }
        let table = Evaluation.parameterTable(system: MuscleSystem(muscles: muscles), parameters: PersonalizedParameters(muscleCount: 2),
                                              recruitmentGains: ["BRA": 0.6], truthModel: nil)
        #expect(table["BRA"]?["recruitment_gain"] == .init(generic: 1, fitted: 0.6))
        #expect(table["BIClong"]?["recruitment_gain"] == nil)
        #expect(table["BRA"]?["max_isometric_force"]?.fitted == 900)
        #expect(table["BRA"]?["recruitment_exponent"] == nil, "no exponent unless one was fitted")
        let withExponent = Evaluation.parameterTable(system: MuscleSystem(muscles: muscles), parameters: PersonalizedParameters(muscleCount: 2),
                                                     recruitmentGains: ["BRA": 0.6], recruitmentExponent: 0.7, truthModel: nil)
        #expect(withExponent["BRA"]?["recruitment_exponent"] == .init(generic: 1, fitted: 0.7))
        #expect(withExponent["BIClong"]?["recruitment_exponent"] == nil)
    }
}
