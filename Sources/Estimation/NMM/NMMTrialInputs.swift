/// What a saved neural musculoskeletal model reads of a trial, recorded in its `model.json`, so that an unseen
/// trial is assembled as its training trials were.
public struct NMMTrialInputs: Sendable, Equatable {
    /// The muscles, in the network's output order.
    public var muscles: [String]
    /// Coordinates whose torques the model computes (the MuscleAnalysis moment arms it needs).
    public var coordinates: [String]
    /// Coordinates whose q, q̇, q̈ feed the network.
    public var featureCoordinates: [String]
    /// Load channels that feed the network (empty: the model reads no load).
    public var loadChannels: [String]
    /// The uniform rate (Hz) trials are resampled to; nil: the kinematics' own samples.
    public var sampleRate: Double?

    /// Collects the inputs.
    public init(muscles: [String], coordinates: [String], featureCoordinates: [String], loadChannels: [String], sampleRate: Double?) {
        self.muscles = muscles; self.coordinates = coordinates; self.featureCoordinates = featureCoordinates
        self.loadChannels = loadChannels; self.sampleRate = sampleRate
    }

    /// The assembly that turns a trial into the network's features.
    public var assembly: TrialAssembly {
        TrialAssembly(featureCoordinates: featureCoordinates, sampleRate: sampleRate, loadChannels: loadChannels)
    }
}
