/// One trial's data, read and ready for analysis. `evaluationOnly` holds the `truth_*` series,
/// kept apart so that nothing downstream mixes them into a fit.
public struct Trial: Sendable, Equatable {
    /// The trial's name.
    public var name: String
    /// Joint angles in radians (converted when the file said inDegrees=yes).
    public var kinematics: TimeSeries
    /// Inverse-dynamics generalized forces (`<coordinate>_moment`, `<coordinate>_force`).
    public var inverseDynamics: TimeSeries?
    /// External load.
    public var load: TimeSeries?
    /// Processed EMG envelopes by channel.
    public var emg: TimeSeries?
    /// Raw EMG by channel, at its own rate (process it before putting it on the trial's time base).
    public var rawEMG: TimeSeries?
    /// MuscleAnalysis outputs by quantity: `Length`, `MomentArm_r_elbow_flex`, `FiberLength`, ...
    public var muscleAnalysis: [String: TimeSeries]
    /// Evaluation-only series by name (`truth_excitation.sto` → `excitation`): never fit inputs.
    public var evaluationOnly: EvaluationData

    /// Creates a trial.
    public init(name: String, kinematics: TimeSeries, inverseDynamics: TimeSeries? = nil, load: TimeSeries? = nil,
                emg: TimeSeries? = nil, rawEMG: TimeSeries? = nil, muscleAnalysis: [String: TimeSeries] = [:],
                evaluationOnly: EvaluationData = EvaluationData()) {
        self.name = name
        self.kinematics = kinematics
        self.inverseDynamics = inverseDynamics
        self.load = load
        self.emg = emg
        self.rawEMG = rawEMG
        self.muscleAnalysis = muscleAnalysis
        self.evaluationOnly = evaluationOnly
    }

    /// The trial's time base: the kinematics' times.
    public var time: [Double] { kinematics.time }

    /// Musculotendon lengths (MuscleAnalysis `Length`), by muscle.
    public var muscleTendonLength: TimeSeries? { muscleAnalysis["Length"] }

    /// Moment arms about `coordinate` (MuscleAnalysis `MomentArm_<coordinate>`), by muscle.
    public func momentArm(_ coordinate: String) -> TimeSeries? { muscleAnalysis["MomentArm_\(coordinate)"] }
}

/// Series for measuring accuracy only (`truth_*` files): known truth of a simulated subject.
public struct EvaluationData: Sendable, Equatable {
    /// The series by name: `kinematics`, `activation`, `excitation`, `force`, ...
    public var series: [String: TimeSeries]

    /// Creates evaluation data.
    public init(series: [String: TimeSeries] = [:]) { self.series = series }

    /// True muscle excitations, when known.
    public var excitation: TimeSeries? { series["excitation"] }
    /// True muscle activations, when known.
    public var activation: TimeSeries? { series["activation"] }
    /// True muscle forces, when known.
    public var force: TimeSeries? { series["force"] }
    /// Noise-free kinematics (radians), when known.
    public var kinematics: TimeSeries? { series["kinematics"] }
}
