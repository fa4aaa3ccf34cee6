/// The names of a trial folder's files: which file holds which signal. MuscleAnalysis outputs
/// (`MuscleAnalysis_*.sto`) and evaluation-only `truth_*.sto` files are found by their names in
/// every layout. The default is the arm26-lifting layout (`trialNN/ik.mot`, `id.sto`, ...).
public struct TrialFolderLayout: Sendable, Equatable {
    /// Joint angles from inverse kinematics: the first of these names present in the folder.
    public var kinematics: [String]
    /// Inverse-dynamics generalized forces (read when present).
    public var inverseDynamics: String
    /// External load; nil reads none.
    public var load: String?
    /// Processed EMG envelopes; nil reads none.
    public var emg: String?
    /// Raw EMG; nil reads none.
    public var rawEMG: String?

    /// A layout; `kinematics` must name at least one file.
    public init(kinematics: [String] = ["ik.mot", "ik.sto"], inverseDynamics: String = "id.sto", load: String? = "load.sto",
                emg: String? = "emg.sto", rawEMG: String? = "emg_raw.sto") {
        precondition(!kinematics.isEmpty, "TrialFolderLayout: name at least one kinematics file")
        self.kinematics = kinematics
        self.inverseDynamics = inverseDynamics
        self.load = load
        self.emg = emg
        self.rawEMG = rawEMG
    }
}
