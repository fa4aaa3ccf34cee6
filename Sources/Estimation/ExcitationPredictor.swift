/// A fitted method: predicts every muscle's excitation, activation and force and the joint torques of a trial.
/// The notebook's `predict` and `evaluate` work on any of them.
public protocol ExcitationPredictor: Sendable {
    /// The muscle system the predictions run through.
    var system: MuscleSystem { get }
    /// The personalised parameters (all scales 1 for a method that fits none).
    var parameters: PersonalizedParameters { get }
    /// The prediction for `trial`.
    func predict(_ trial: EstimationTrial) throws -> TrialPrediction
    /// Fitted recruitment gains of hidden muscles relative to their measured agonists, by muscle (none for a method
    /// that fits none).
    var recruitmentGains: [String: Double] { get }
}

extension ExcitationPredictor {
    public var recruitmentGains: [String: Double] { [:] }
}

extension NeuralMusculoskeletalModel: ExcitationPredictor {}
extension SynergyExtrapolation.Fit: ExcitationPredictor {}
extension StaticOptimization: ExcitationPredictor {}

extension EstimationMethod {
    /// Fits this method on `trials` of `subject` (training trials only). `measured` maps each measured muscle to its
    /// EMG channel; static optimisation needs neither trials nor EMG and returns at once. A fitted NMM records the
    /// subject's coordinates and sample rate, so that once saved it predicts trials of a folder alone.
    public func fit(subject: SubjectData, trials: [EstimationTrial], measured: [String: String], seed: Int,
                    nmm: NMMConfiguration = NMMConfiguration(), synergy: SynergyExtrapolation.Configuration = .init(),
                    progress: (String) -> Void = { _ in }) throws -> any ExcitationPredictor {
        switch self {
        case .staticOptimization:
            return StaticOptimization(system: subject.system)
        case .synergyExtrapolation:
            return try SynergyExtrapolation(configuration: synergy)
                .fit(system: subject.system, trials: trials, measured: measured, coordinates: subject.coordinates, progress: progress)
        case .nmm:
            let model = try NMMTrainer(configuration: nmm)
                .fit(system: subject.system, trials: trials, measured: measured, coordinates: subject.coordinates, seed: seed, progress: progress)
            model.coordinates = subject.coordinates
            model.sampleRate = subject.assembly.sampleRate
            return model
        }
    }
}
