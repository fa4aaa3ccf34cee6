/// What a trial is loaded for, which decides the files read from its folder.
public enum TrialPurpose: Sendable, Equatable {
    /// A fit's trial: kinematics, inverse dynamics and the MuscleAnalysis lengths and moment arms are required; the
    /// load and EMG are read when present, and `truth_excitation.sto` for evaluation only.
    case fit
    /// A prediction's trial: kinematics, the MuscleAnalysis lengths and moment arms and, when the layout names one,
    /// the load are required; inverse dynamics, EMG and `truth_*` files are not read, so a trial folder without
    /// them is predicted all the same.
    case prediction
    /// A hybrid NMM's prediction: as ``prediction``, and the trial's inverse dynamics and processed EMG when its folder
    /// has them, which the NMM refines its proposal with (raw EMG and `truth_*` files are not read).
    case refinedPrediction
}
