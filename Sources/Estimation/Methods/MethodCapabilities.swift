/// What a method needs from a trial and what it gives, declared by each ``EstimationMethod`` and shown by
/// `nmm help methods`. The fit checks a request against them before reading any data.
public struct MethodCapabilities: Sendable, Equatable, Codable {
    /// It reads training trials (static optimisation solves each test trial alone and needs none).
    public var needsTrainingTrials: Bool
    /// It needs measured muscles (their EMG drives or trains it).
    public var needsMeasuredMuscles: Bool
    /// It reads a predicted trial's measured EMG.
    public var needsMeasuredEMGAtPrediction: Bool
    /// It reads a predicted trial's inverse-dynamics torque.
    public var needsInverseDynamicsAtPrediction: Bool
    /// It fits the subject's muscle parameters (else the generic model's are used).
    public var personalisesParameters: Bool
    /// It predicts a trial from its kinematics (and load) alone, so a saved fit predicts new trials.
    public var predictsFromKinematicsAlone: Bool
    /// It records a loss history while fitting.
    public var hasLossHistory: Bool
    /// By default it refines each predicted trial with the trial's inverse-dynamics torque and measured EMG when the trial
    /// has them, and can be told to predict from kinematics and load alone (the NMM's `inputs` option).
    public var refinesWithTrialData: Bool

    /// Capabilities; see the properties.
    public init(needsTrainingTrials: Bool, needsMeasuredMuscles: Bool, needsMeasuredEMGAtPrediction: Bool,
                needsInverseDynamicsAtPrediction: Bool, personalisesParameters: Bool, predictsFromKinematicsAlone: Bool,
                hasLossHistory: Bool, refinesWithTrialData: Bool = false) {
        self.needsTrainingTrials = needsTrainingTrials; self.needsMeasuredMuscles = needsMeasuredMuscles
        self.needsMeasuredEMGAtPrediction = needsMeasuredEMGAtPrediction
        self.needsInverseDynamicsAtPrediction = needsInverseDynamicsAtPrediction
        self.personalisesParameters = personalisesParameters; self.predictsFromKinematicsAlone = predictsFromKinematicsAlone
        self.hasLossHistory = hasLossHistory
        self.refinesWithTrialData = refinesWithTrialData
    }

    /// The capabilities as short phrases, in a fixed order, for help and reports.
    public var phrases: [String] {
        [(needsTrainingTrials, "trains on training trials"), (needsMeasuredMuscles, "needs measured muscles"),
         (needsMeasuredEMGAtPrediction, "reads each predicted trial's EMG"),
         (needsInverseDynamicsAtPrediction, "reads each predicted trial's inverse-dynamics torque"),
         (personalisesParameters, "personalises muscle parameters"),
         (predictsFromKinematicsAlone, "predicts from kinematics and load alone"),
         (refinesWithTrialData, "by default refines each predicted trial with its inverse-dynamics torque and EMG when it has them"),
         (hasLossHistory, "records a loss history")]
            .filter(\.0).map(\.1)
    }
}

/// How charts draw one method's estimates: a CSS colour and an SVG dash pattern (nil: solid), chosen so that
/// every method differs from the others in colour and in dash (a chart printed in grey still reads).
public struct MethodChartStyle: Sendable, Equatable {
    /// A CSS colour, e.g. `#D55E00`.
    public var color: String
    /// An SVG `stroke-dasharray`, or nil for a solid line.
    public var dash: String?
    /// Stroke width in SVG user units.
    public var width: Double

    /// A style; see the properties.
    public init(color: String, dash: String?, width: Double) { self.color = color; self.dash = dash; self.width = width }
}
