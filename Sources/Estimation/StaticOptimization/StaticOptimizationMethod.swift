/// Static optimisation (``StaticOptimization``) as an ``EstimationMethod``: nothing to train; every predicted
/// trial is solved frame by frame against its inverse-dynamics torque.
public struct StaticOptimizationMethod: EstimationMethod {
    /// Settings of static optimisation.
    public struct Configuration: Codable, Sendable, Equatable {
        /// Optimal force (N·m) of each coordinate's reserve actuator.
        public var reserveOptimalForce = 1.0
        /// Weight of the measured muscles' EMG tracking (0: the classic, EMG-blind problem).
        public var emgTrackingWeight = 0.0
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
        With --emg-tracking-weight w > 0 it is EMG-informed: each measured muscle costs a² + w·(a − e)², e its EMG \
        envelope taken at face value, so muscles the EMG shows co-contracting stay active while the torques are still \
        met exactly (the EMG's normalisation then matters: peak-normalised EMG asks for more co-contraction than \
        the subject used). On rajagopal-walk with compliant tendons (knee and ankle) w = 0.3 leaves no mapped muscle \
        silent for more than 17 % of the frames its EMG is active (classic: up to 55 %). It is off by default \
        because it makes the hidden muscles worse: they take whatever torque the EMG-driven muscles leave \
        (hidden-channel r on rajagopal-walk, hiding each channel in turn, 0.58 classic, 0.43 at w = 0.3, 0.19 at \
        w = 1; S01's medial triceps on its active trials 0.82, 0.72, 0.43).
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
        .number("emg-tracking-weight", \.emgTrackingWeight, in: 0...1e6,
                help: "Weight w of the measured muscles' EMG in the cost: a measured muscle costs a² + w·(a − e)², e its EMG envelope; 0 ignores the EMG."),
    ]

    public var configuration: Configuration

    public init(configuration: Configuration) { self.configuration = configuration }

    /// Only with EMG tracking on.
    public var readsMeasuredEMG: Bool { configuration.emgTrackingWeight > 0 }

    /// Static optimisation of the subject's generic muscles; its work happens at prediction.
    public func fit(_ problem: FitProblem, progress: (String) -> Void) throws -> any ExcitationPredictor {
        let measured = try MeasuredMuscles(problem.measured, muscles: problem.subject.system.muscleNames)
        return StaticOptimization(system: problem.subject.system, reserveOptimalForce: configuration.reserveOptimalForce,
                                  trackedEMG: Dictionary(uniqueKeysWithValues: measured.pairs.map { ($0.muscle, $0.channel) }),
                                  emgTrackingWeight: configuration.emgTrackingWeight)
    }
}
