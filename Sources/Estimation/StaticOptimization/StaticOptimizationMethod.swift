/// Static optimisation (``StaticOptimization``) as an ``EstimationMethod``: nothing to train; every predicted
/// trial is solved frame by frame against its inverse-dynamics torque.
public struct StaticOptimizationMethod: EstimationMethod {
    /// Settings of static optimisation.
    public struct Configuration: Codable, Sendable, Equatable {
        /// Optimal force (N·m) of each coordinate's reserve actuator.
        public var reserveOptimalForce = 1.0
        /// OpenSim's defaults.
        public init() {}
    }

    public static let id = "so"
    public static let summary = "Static optimisation (OpenSim's classic): per frame, the least activation that makes the torques."
    public static let discussion = """
        For every frame of the test trials on its own, finds the muscle activations 0 ≤ a ≤ 1 with the \
        smallest sum of squares that make the generic model's muscles reproduce the inverse-dynamics torques \
        exactly, with a weak reserve actuator per coordinate for frames the muscles cannot carry — what \
        OpenSim's Static Optimization tool does. It uses no EMG and knows nothing of time, so it tends to \
        leave co-contracting muscles silent.
        """
    public static let capabilities = MethodCapabilities(
        needsTrainingTrials: false, needsMeasuredMuscles: false, needsMeasuredEMGAtPrediction: false,
        needsInverseDynamicsAtPrediction: true, personalisesParameters: false, predictsFromKinematicsAlone: false,
        hasLossHistory: false)
    public static let chartStyle = MethodChartStyle(color: "#009E73", dash: "8 3 2 3", width: 1.6)
    public static let defaultConfiguration = Configuration()
    public static let options: [MethodOption<Configuration>] = [
        .number("reserve-optimal-force", \.reserveOptimalForce, in: 1e-6...1e6,
                help: "Optimal force (N·m) of each coordinate's reserve actuator; weak reserves are used only where the muscles cannot make the torque."),
    ]

    public var configuration: Configuration

    public init(configuration: Configuration) { self.configuration = configuration }

    /// Static optimisation of the subject's generic muscles; its work happens at prediction.
    public func fit(_ problem: FitProblem, progress: (String) -> Void) throws -> any ExcitationPredictor {
        StaticOptimization(system: problem.subject.system, reserveOptimalForce: configuration.reserveOptimalForce)
    }
}
