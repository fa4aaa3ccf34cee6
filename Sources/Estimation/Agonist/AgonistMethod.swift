/// The agonist floor (``AgonistCopy``) as an ``EstimationMethod``.
public struct AgonistMethod: EstimationMethod {
    /// Settings of the agonist floor.
    public struct Configuration: Codable, Sendable, Equatable {
        /// Adam steps fitting the gains (full batch over the training trials).
        public var iterations = 150
        /// The defaults.
        public init() {}
    }

    public static let id = "agonist"
    public static let summary = "Floor: each hidden muscle copies its measured agonists' EMG, scaled by one gain fitted on the training torque."
    public static let discussion = """
        The simplest estimate that uses a trial's EMG and any physics: each hidden muscle's excitation is the mean \
        EMG envelope of its measured agonists (the measured muscles whose moment arm about its main coordinate has \
        its sign and at least a tenth of its size), times one gain per hidden muscle chosen so that the generic \
        muscles reproduce the training trials' inverse-dynamics torque. A method that does not beat it on a hidden \
        muscle says nothing about that muscle.
        """
    public static let capabilities = MethodCapabilities(
        needsTrainingTrials: true, needsMeasuredMuscles: true, needsMeasuredEMGAtPrediction: true,
        needsInverseDynamicsAtPrediction: false, personalisesParameters: false, predictsFromKinematicsAlone: false,
        hasLossHistory: false)
    public static let chartStyle = MethodChartStyle(color: "#CC79A7", dash: "1 3", width: 1.6)
    public static let defaultConfiguration = Configuration()
    public static let options: [MethodOption<Configuration>] = [
        .integer("iterations", \.iterations, in: 1...100_000, help: "Adam steps fitting the hidden muscles' gains on the training torque."),
    ]

    public var configuration: Configuration

    public init(configuration: Configuration) { self.configuration = configuration }

    public func fit(_ problem: FitProblem, progress: (String) -> Void) throws -> any ExcitationPredictor {
        try copy(problem, progress: progress)
    }

    /// The fitted floor itself.
    public func copy(_ problem: FitProblem, progress: (String) -> Void) throws -> AgonistCopy {
        try AgonistCopy(system: problem.subject.system, trials: problem.trainingTrials,
                        measured: MeasuredMuscles(problem.measured, muscles: problem.subject.system.muscleNames),
                        coordinates: problem.subject.coordinates, iterations: configuration.iterations, progress: progress)
    }
}
