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
    /// What a prediction reads of a trial besides its musculotendon geometry (``PredictionInput``), as metrics.json
    /// records it.
    var inputs: [PredictionInput] { get }
    /// Fitted recruitment gains of hidden muscles relative to their measured agonists, by muscle (none for a method
    /// that fits none).
    var recruitmentGains: [String: Double] { get }
    /// Fitted recruitment exponent of those hidden muscles (``AgonistPrior``); nil for a method that fits none.
    var recruitmentExponent: Double? { get }
}

extension ExcitationPredictor {
    public var recruitmentGains: [String: Double] { [:] }
    public var recruitmentExponent: Double? { nil }
}

/// A kind of data a prediction reads of a trial.
public enum PredictionInput: String, Sendable, Codable, CaseIterable {
    /// Joint kinematics (and the external load, when the method reads it).
    case kinematics
    /// The measured muscles' EMG.
    case emg
    /// The inverse-dynamics torques.
    case inverseDynamics = "inverse_dynamics"
}

extension NeuralMusculoskeletalModel: ExcitationPredictor {
    /// Kinematics, and with ``NMMInputs/all`` the torque and EMG that refine the network's proposal.
    public var inputs: [PredictionInput] { configuration.inputs == .all ? [.kinematics, .emg, .inverseDynamics] : [.kinematics] }
}

extension SynergyExtrapolation.Fit: ExcitationPredictor {
    public var inputs: [PredictionInput] { [.emg] }
}

extension StaticOptimization: ExcitationPredictor {
    /// The torque, and the measured muscles' EMG when the cost tracks it.
    public var inputs: [PredictionInput] { emgTrackingWeight > 0 && !trackedEMG.isEmpty ? [.emg, .inverseDynamics] : [.inverseDynamics] }
}
