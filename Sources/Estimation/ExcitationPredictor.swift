import Musculoskeletal
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
