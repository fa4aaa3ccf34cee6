import Musculoskeletal
import BiomechIO

/// Compares test-trial predictions with their references and collects the fitted parameters, as `metrics.json`
/// reports them. Excitations are compared with `truth_excitation.sto` where the subject records it (evaluation
/// only), otherwise with the muscle's own EMG recording (leave-one-muscle-out on real data); torques with inverse
/// dynamics. Signals of all test trials are concatenated before the metrics are computed.
public enum Evaluation {
    /// The metrics of `predictions` over `testTrials` (same order); `channels` names the EMG channel of a muscle
    /// whose channel is not named after it.
    public static func excitationMetrics(predictions: [TrialPrediction], testTrials: [EstimationTrial],
                                         measured: Set<String>, channels: [String: String] = [:]) -> [String: MetricsReport.ExcitationEntry] {
        guard let muscles = predictions.first?.muscles else { return [:] }
        var result: [String: MetricsReport.ExcitationEntry] = [:]
        for (m, muscle) in muscles.enumerated() {
            var predicted: [Double] = [], reference: [Double] = []
            for (prediction, trial) in zip(predictions, testTrials) {
                guard let ref = trial.truthExcitation?[muscle] ?? trial.emg[channels[muscle] ?? muscle] else { continue }
                predicted += prediction.excitation[m]
                reference += ref
            }
            guard !reference.isEmpty else { continue }
            result[muscle] = .init(SignalMetrics(predicted: predicted, reference: reference), measured: measured.contains(muscle))
        }
        return result
    }

    /// Torque metrics per coordinate over the test trials.
    public static func torqueMetrics(predictions: [TrialPrediction], testTrials: [EstimationTrial]) -> [String: MetricsReport.TorqueEntry] {
        guard let coordinates = predictions.first?.coordinates else { return [:] }
        var result: [String: MetricsReport.TorqueEntry] = [:]
        for (c, coordinate) in coordinates.enumerated() {
            var predicted: [Double] = [], reference: [Double] = []
            for (prediction, trial) in zip(predictions, testTrials) {
                guard let ref = trial.torque[coordinate] else { continue }
                predicted += prediction.torque[c]
                reference += ref
            }
            if !reference.isEmpty { result[coordinate] = .init(SignalMetrics(predicted: predicted, reference: reference)) }
        }
        return result
    }

    /// Generic, fitted and (where `truthModel` exists) true values of each muscle's max isometric force, optimal
    /// fibre length and tendon slack length, and the generic and fitted activation and deactivation time
    /// constants, under OpenSim's property names. (A truth model's time constants are not reported: the data may
    /// have been made with other activation dynamics than the model file names.) Hidden muscles with a fitted
    /// recruitment gain also get `recruitment_gain` (generic 1: recruited as their measured agonists' effort predicts).
    public static func parameterTable(system: MuscleSystem, parameters: PersonalizedParameters, recruitmentGains: [String: Double] = [:],
                                      truthModel: OpenSimModel?) -> [String: [String: MetricsReport.ParameterEntry]] {
        var table: [String: [String: MetricsReport.ParameterEntry]] = [:]
        for (m, generic) in system.muscles.enumerated() {
            let fitted = system.personalized(m, parameters)
            let truth = truthModel?.muscle(generic.name)
            table[generic.name] = [
                "max_isometric_force": .init(generic: generic.maxIsometricForce, fitted: fitted.maxIsometricForce, truth: truth?.maxIsometricForce),
                "optimal_fiber_length": .init(generic: generic.optimalFiberLength, fitted: fitted.optimalFiberLength, truth: truth?.optimalFiberLength),
                "tendon_slack_length": .init(generic: generic.tendonSlackLength, fitted: fitted.tendonSlackLength, truth: truth?.tendonSlackLength),
                "activation_time_constant": .init(generic: generic.activationTimeConstant, fitted: fitted.activationTimeConstant),
                "deactivation_time_constant": .init(generic: generic.deactivationTimeConstant, fitted: fitted.deactivationTimeConstant),
                "electromechanical_delay": .init(generic: 0, fitted: parameters.electromechanicalDelay),
            ]
            if let gain = recruitmentGains[generic.name] { table[generic.name]?["recruitment_gain"] = .init(generic: 1, fitted: gain) }
        }
        return table
    }
}
