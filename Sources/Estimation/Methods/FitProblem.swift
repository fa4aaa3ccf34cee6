/// What a method fits: a loaded subject, its training trials, the measured muscles and the seed.
public struct FitProblem: Sendable {
    /// The subject: model, muscle system, coordinates and every loaded trial.
    public var subject: SubjectData
    /// The training trials (none for a method that needs none).
    public var trainingTrials: [EstimationTrial]
    /// Each measured muscle and the EMG channel that records it.
    public var measured: [String: String]
    /// Seeds every random choice of the fit: the same seed gives the same numbers.
    public var seed: Int

    /// A problem; see the properties.
    public init(subject: SubjectData, trainingTrials: [EstimationTrial], measured: [String: String], seed: Int) {
        self.subject = subject; self.trainingTrials = trainingTrials; self.measured = measured; self.seed = seed
    }
}
