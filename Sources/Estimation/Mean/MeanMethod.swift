/// The mean floor (``ConstantExcitation``) as an ``EstimationMethod``.
public struct MeanMethod: EstimationMethod {
    /// The mean floor has no settings.
    public struct Configuration: Codable, Sendable, Equatable {
        /// The only configuration.
        public init() {}
    }

    public static let id = "mean"
    public static let summary = "Floor: every muscle's excitation is a constant, its mean over the training trials."
    public static let discussion = """
        Each muscle's excitation is its mean over the training trials — a measured muscle's EMG, a hidden \
        muscle's agonist-floor estimate — whatever the trial. Its r is undefined (a constant has no shape); its \
        RMSE is what an estimate that knows nothing of timing achieves.
        """
    public static let capabilities = MethodCapabilities(
        needsTrainingTrials: true, needsMeasuredMuscles: true, needsMeasuredEMGAtPrediction: false,
        needsInverseDynamicsAtPrediction: false, personalisesParameters: false, predictsFromKinematicsAlone: false,
        hasLossHistory: false)
    public static let chartStyle = MethodChartStyle(color: "#E69F00", dash: "5 2 1 2", width: 1.4)
    public static let defaultConfiguration = Configuration()
    public static let options: [MethodOption<Configuration>] = []

    public var configuration: Configuration

    public init(configuration: Configuration) { self.configuration = configuration }

    public func fit(_ problem: FitProblem, progress: (String) -> Void) throws -> any ExcitationPredictor {
        try ConstantExcitation(system: problem.subject.system, reference: AgonistMethod().copy(problem, progress: progress),
                               trials: problem.trainingTrials)
    }
}
