import Musculoskeletal
import BiomechIO

/// Compares test-trial predictions with their references and collects the fitted parameters, as `metrics.json`
/// reports them. Excitations are compared with `truth_excitation.sto` where the subject records it (evaluation
/// only), otherwise with the muscle's own EMG recording (leave-one-muscle-out on real data); torques with inverse
/// dynamics. Each trial is evaluated on its own; ``SignalEvaluation`` adds the means over trials and the pooled figures.
public enum Evaluation {
    /// The evaluation of every muscle's excitation in `predictions` over `testTrials` (same order); `channels` names
    /// the EMG channel of a muscle whose channel is not named after it. A muscle without a reference in some trial is
    /// evaluated on the trials that have one.
    public static func excitationMetrics(predictions: [TrialPrediction], testTrials: [EstimationTrial],
                                         measured: Set<String>, channels: [String: String] = [:]) -> [String: SignalEvaluation] {
        guard let muscles = predictions.first?.muscles else { return [:] }
        var result: [String: SignalEvaluation] = [:]
        for (m, muscle) in muscles.enumerated() {
            let trials = zip(predictions, testTrials).compactMap { prediction, trial -> (String, [Double], [Double])? in
                guard let reference = trial.truthExcitation?[muscle] ?? trial.emg[channels[muscle] ?? muscle] else { return nil }
                return (trial.name, prediction.excitation[m], reference)
            }
            guard !trials.isEmpty else { continue }
            result[muscle] = SignalEvaluation(trials: trials, activeWhen: SignalEvaluation.excitationIsActive, measured: measured.contains(muscle))
        }
        return result
    }

    /// The evaluation of every coordinate's torque over the test trials against inverse dynamics.
    public static func torqueMetrics(predictions: [TrialPrediction], testTrials: [EstimationTrial]) -> [String: SignalEvaluation] {
        guard let coordinates = predictions.first?.coordinates else { return [:] }
        var result: [String: SignalEvaluation] = [:]
        for (c, coordinate) in coordinates.enumerated() {
            let trials = zip(predictions, testTrials).compactMap { prediction, trial -> (String, [Double], [Double])? in
                trial.torque[coordinate].map { (trial.name, prediction.torque[c], $0) }
            }
            if !trials.isEmpty { result[coordinate] = SignalEvaluation(trials: trials, activeWhen: SignalEvaluation.torqueIsActive) }
        }
        return result
    }

    /// Generic, fitted and (where `truthModel` exists) true values of each muscle's max isometric force, optimal
    /// fibre length and tendon slack length, and the generic and fitted activation and deactivation time
    /// constants, under OpenSim's property names. (A truth model's time constants are not reported: the data may
    /// have been made with other activation dynamics than the model file names.) Hidden muscles with a fitted
    /// recruitment gain also get `recruitment_gain` (generic 1: recruited as their measured agonists' effort predicts),
    /// and, when the subject's recruitment exponent was fitted, `recruitment_exponent` (generic 1: static optimisation's
    /// Σ a²; shared by those muscles, as the time constants are by all).
    public static func parameterTable(system: MuscleSystem, parameters: PersonalizedParameters, recruitmentGains: [String: Double] = [:],
                                      recruitmentExponent: Double? = nil, truthModel: OpenSimModel?) -> [String: [String: MetricsReport.ParameterEntry]] {
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
            if let gain = recruitmentGains[generic.name] {
                table[generic.name]?["recruitment_gain"] = .init(generic: 1, fitted: gain)
                if let recruitmentExponent { table[generic.name]?["recruitment_exponent"] = .init(generic: 1, fitted: recruitmentExponent) }
            }
        }
        return table
    }
}
