import Musculoskeletal
/// One trial assembled for estimation, every signal on the kinematics' uniform time base.
///
/// Inputs of a fit are the kinematic features, the measured EMG channels, the inverse-dynamics torques and the
/// musculotendon geometry. `truthExcitation` is kept apart for evaluation only: no fit reads it.
public struct EstimationTrial: Sendable {
    /// The trial's name (its folder name, e.g. `trial03`).
    public var name: String
    /// Sample times (s), uniform.
    public var time: [Double]
    /// Labels of the kinematic features: `<coordinate>`, `<coordinate>_speed`, `<coordinate>_acceleration` per
    /// coordinate, then the load channels.
    public var featureLabels: [String]
    /// `features[feature][frame]`: q, q̇, q̈ (rad, rad/s, rad/s²) per coordinate, then the external load.
    public var features: [[Double]]
    /// Measured EMG envelopes by channel name (0–1), possibly absent for a test trial of a method that needs none.
    public var emg: [String: [Double]]
    /// Inverse-dynamics generalized forces by coordinate name (N·m).
    public var torque: [String: [Double]]
    /// Musculotendon geometry of the model's muscles.
    public var geometry: MusculotendonKinematics
    /// True excitations by muscle, when the subject folder records them — evaluation only.
    public var truthExcitation: [String: [Double]]?

    /// Collects the signals of one trial.
    public init(name: String, time: [Double], featureLabels: [String], features: [[Double]], emg: [String: [Double]],
                torque: [String: [Double]], geometry: MusculotendonKinematics, truthExcitation: [String: [Double]]? = nil) {
        self.name = name; self.time = time; self.featureLabels = featureLabels; self.features = features
        self.emg = emg; self.torque = torque; self.geometry = geometry; self.truthExcitation = truthExcitation
    }

    /// The number of frames.
    public var frameCount: Int { time.count }

    /// Channel `channel`'s EMG envelope as the methods read it, negative values (a filter's undershoot) clipped at 0;
    /// nil when the trial lacks the channel.
    public func envelope(_ channel: String) -> [Double]? { emg[channel]?.map { max($0, 0) } }

    /// The sampling interval (s).
    public var sampleInterval: Double { time.count > 1 ? (time[time.count - 1] - time[0]) / Double(time.count - 1) : 0.01 }

    /// The same trial restricted to frames `range` (for time-block validation splits).
    public func frames(_ range: Range<Int>) -> EstimationTrial {
        func cut(_ s: [Double]) -> [Double] { Array(s[range]) }
        let g = MusculotendonKinematics(
            muscles: geometry.muscles, coordinates: geometry.coordinates, length: geometry.length.map(cut),
            velocity: geometry.velocity.map(cut), momentArm: geometry.momentArm.map { $0.map(cut) })
        return EstimationTrial(
            name: name, time: cut(time), featureLabels: featureLabels, features: features.map(cut),
            emg: emg.mapValues(cut), torque: torque.mapValues(cut), geometry: g, truthExcitation: truthExcitation?.mapValues(cut))
    }
}
