/// The file names of one trial inside its folder. The defaults are the arm26-lifting layout
/// (`trialNN/ik.mot`, `id.sto`, `load.sto`, `emg.sto`, `MuscleAnalysis_*.sto`, `truth_excitation.sto`).
public struct TrialFiles: Sendable, Equatable {
    /// Inverse-kinematics coordinates (.mot or .sto).
    public var kinematics: String
    /// Inverse-dynamics generalized forces.
    public var inverseDynamics: String
    /// External load channels (optional: absent means no load features).
    public var load: String?
    /// Processed EMG envelopes (optional for methods that need none).
    public var emg: String?
    /// MuscleAnalysis musculotendon lengths.
    public var musculotendonLength: String
    /// MuscleAnalysis moment arms; `{coordinate}` is replaced by the coordinate's name.
    public var momentArmPattern: String
    /// True excitations, read for evaluation only when present.
    public var truthExcitation: String?

    /// File names; every default is the arm26-lifting layout.
    public init(kinematics: String = "ik.mot", inverseDynamics: String = "id.sto", load: String? = "load.sto",
                emg: String? = "emg.sto", musculotendonLength: String = "MuscleAnalysis_Length.sto",
                momentArmPattern: String = "MuscleAnalysis_MomentArm_{coordinate}.sto", truthExcitation: String? = "truth_excitation.sto") {
        self.kinematics = kinematics; self.inverseDynamics = inverseDynamics; self.load = load; self.emg = emg
        self.musculotendonLength = musculotendonLength; self.momentArmPattern = momentArmPattern; self.truthExcitation = truthExcitation
    }

    /// The moment-arm file of `coordinate`.
    public func momentArm(_ coordinate: String) -> String {
        momentArmPattern.replacingOccurrences(of: "{coordinate}", with: coordinate)
    }
}
