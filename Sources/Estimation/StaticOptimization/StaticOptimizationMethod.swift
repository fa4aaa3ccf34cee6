/// Static optimisation (``StaticOptimization``) as an ``EstimationMethod``: nothing to train; every predicted
/// trial is solved frame by frame against its inverse-dynamics torque.
public struct StaticOptimizationMethod: EstimationMethod {
    /// Settings of static optimisation.
    public struct Configuration: Codable, Sendable, Equatable {
        /// Optimal force (N·m) of each coordinate's reserve actuator.
        public var reserveOptimalForce = 1.0
        /// Weight of the measured muscles' EMG tracking (0: the classic, EMG-blind problem). 1 by default, by a rule
        /// written before the runs: on S01's inner split and simulated subjects 21–23, their EMG as recorded
        /// (MVC-normalised) and divided by each channel's peak, the measured muscles' activations' mean r against the
        /// true excitations was 0.777 classic, 0.887 / 0.928 / 0.909 tracking at w = 0.3 / 1 / 3 (no subject worse
        /// than classic); the EMG scaled per trial to the classic activations instead of read as normalised gave at
        /// most 0.865. The hidden muscles are the classic solution's whatever w is.
        public var emgTrackingWeight = 1.0
        /// The fraction of its EMG a measured muscle's activation keeps at least (a ≥ c·e) when the EMG is tracked.
        /// 0.1 by default, by a rule written before the runs (the largest of 0.1, 0.2, 0.3 that costs the measured
        /// muscles no more than 0.005 of mean r or 2 % of RMSE against the true excitations, no subject more than
        /// 0.02 of r, no trial's torque R² below 0.99; S01's inner split and simulated subjects 21–29 as recorded and
        /// peak-normalised): 0.1 gave r 0.934 → 0.933, RMSE −2.9 %; 0.2 cost 0.011 of r, 0.3 cost 0.030.
        public var emgFloor = 0.1
        /// The defaults.
        public init() {}
    }

    public static let id = "so"
    public static let summary = "Static optimisation (OpenSim's classic): per frame, the least activation that makes the torques."
    public static let discussion = """
        For every frame of the test trials on its own, finds the muscle activations 0 ≤ a ≤ 1 with the \
        smallest sum of squares that make the generic model's muscles reproduce the inverse-dynamics torques \
        exactly, with a weak reserve actuator per coordinate for frames the muscles cannot carry — what \
        OpenSim's Static Optimization tool does. It knows nothing of time, so on its own it leaves co-contracting \
        muscles silent.
        Where a measured muscle's EMG is in the trial, the solve is EMG-informed, in two stages: the classic problem \
        first, whose activations the hidden muscles keep; then, the hidden muscles held there, each measured muscle \
        costs a² + w·(a − e)² (e its EMG envelope as normalised, w the --emg-tracking-weight, 1 by default), and the \
        torques are still met exactly, and no measured muscle falls below --emg-floor (0.1 by default) times its \
        EMG, which minimal effort would otherwise do to the strongest where EMG read at face value over-supplies the \
        torque. The measured muscles then share the torque as their EMG says, co-contraction included; the hidden \
        muscles stay static \
        optimisation's estimate, which letting them move would spoil (they would take whatever torque the \
        EMG-driven muscles leave: hidden-channel r on rajagopal-walk 0.58 classic, 0.43 at w = 0.3 in one stage). \
        --emg-tracking-weight 0 gives the classic problem for every muscle.
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
                help: "Weight w of the measured muscles' EMG in the second stage's cost, where a measured muscle costs a² + w·(a − e)², e its EMG envelope (the hidden muscles keep the classic solution); 0 ignores the EMG."),
        .number("emg-floor", \.emgFloor, in: 0...1,
                help: "Fraction c of its EMG envelope e below which a measured muscle's activation may not fall when the EMG is tracked (a ≥ c·e); 0 lets minimal effort silence it."),
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
                                  emgTrackingWeight: configuration.emgTrackingWeight, emgFloor: configuration.emgFloor)
    }
}
