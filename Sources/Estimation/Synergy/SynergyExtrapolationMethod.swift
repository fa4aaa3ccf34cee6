/// Muscle synergy extrapolation (``SynergyExtrapolation``) as an ``EstimationMethod``.
public struct SynergyExtrapolationMethod: EstimationMethod {
    public static let id = "mse"
    public static let summary = "Muscle synergy extrapolation (Ao et al. 2020): hidden muscles as weighted sums of the measured EMG's synergies."
    public static let discussion = """
        Muscle synergy extrapolation (Ao, Shourijeh, Patten and Fregly, J Biomech 2020; Frontiers 2022): the \
        measured EMG is factorised into a few synergies by non-negative matrix factorisation (as many as \
        explain 95 % of its variance, unless the synergy count is given), and each unmeasured muscle's \
        excitation is a weighted sum of the synergy activations, with weights (and the subject's muscle \
        parameters) chosen so that the muscles reproduce the inverse-dynamics torques. Unlike the NMM, it needs \
        the test trials' measured EMG to predict them.
        """
    public static let capabilities = MethodCapabilities(
        needsTrainingTrials: true, needsMeasuredMuscles: true, needsMeasuredEMGAtPrediction: true,
        needsInverseDynamicsAtPrediction: false, personalisesParameters: true, predictsFromKinematicsAlone: false,
        hasLossHistory: false)
    public static let chartStyle = MethodChartStyle(color: "#0072B2", dash: "2 2", width: 1.6)
    public static let defaultConfiguration = SynergyExtrapolation.Configuration()
    public static let options: [MethodOption<SynergyExtrapolation.Configuration>] = [
        .integer("synergies", \.synergyCount, in: 1...64,
                 help: "Number of synergies (automatic: the fewest reaching 95 % VAF on the training EMG; at most one per measured muscle)."),
        .number("effort-weight", \.effortWeight, in: 0...1e6, help: "Weight of the penalty on unmeasured muscles' excitations."),
    ]

    public var configuration: SynergyExtrapolation.Configuration

    public init(configuration: SynergyExtrapolation.Configuration) { self.configuration = configuration }

    /// Factorises the training EMG and fits the hidden muscles' synergy weights and the parameters; the NMF is
    /// seeded by the problem's seed.
    public func fit(_ problem: FitProblem, progress: (String) -> Void) throws -> any ExcitationPredictor {
        if let count = configuration.synergyCount, count > problem.measured.count {
            throw EstimationError("\(count) synergies but \(problem.measured.count) measured muscles: at most one synergy per measured muscle")
        }
        var configuration = self.configuration
        configuration.seed = UInt64(truncatingIfNeeded: problem.seed)
        return try SynergyExtrapolation(configuration: configuration)
            .fit(system: problem.subject.system, trials: problem.trainingTrials, measured: problem.measured,
                 coordinates: problem.subject.coordinates, progress: progress)
    }
}
