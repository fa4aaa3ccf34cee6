import Foundation

/// The content of `metrics.json` written by `nmm fit`: what was fitted, how long it took, and how the test-trial
/// predictions compare with the references.
///
/// Schema: `{"method", "seed", "train", "test", "inputs", "fit_seconds", "predict_seconds", "excitation": {muscle: {"measured", "per_trial": {trial:
/// {"r", "rmse", "nrmse", "r2", "vaf", "active"}}, "trial_mean": {"r", "rmse", "nrmse", "r2", "vaf", "n", "sd_r"}, "pooled":
/// {…the same keys}}}, "torque": {coordinate: {"per_trial", "trial_mean", "pooled"}}, "parameters": {muscle: {parameter:
/// {"generic", "fitted", "truth"}}}}` (``SignalMetrics`` defines each number, ``SignalEvaluation`` the summaries; an
/// undefined number is `null`). `truth` is omitted where the subject folder does not record it; `emg_normalization`
/// (`{"method": "mvc"|"peak", "sources", "values"}`) is there when the fit made its EMG from raw recordings, and
/// `recruitment_drift` (`{trial: {"used", "held_out_ratio"}}`) when the hybrid NMM checked a drift of recruitment.
public struct MetricsReport: Sendable, Equatable, Codable {
    /// A muscle parameter in the generic model, as fitted, and in the truth model when one exists.
    public struct ParameterEntry: Sendable, Equatable, Codable {
        /// The generic model's value.
        public var generic: Double
        /// The fitted value.
        public var fitted: Double
        /// The true value, when the subject folder records it.
        public var truth: Double?
        /// Collects the three values.
        public init(generic: Double, fitted: Double, truth: Double? = nil) {
            self.generic = generic; self.fitted = fitted; self.truth = truth
        }
    }

    /// The method's id (``EstimationMethod/id``).
    public var method: String
    /// The seed of the fit.
    public var seed: Int
    /// Training trial names.
    public var train: [String]
    /// Test trial names.
    public var test: [String]
    /// Wall-clock seconds the fit took (prediction and evaluation excluded).
    public var fitSeconds: Double
    /// Per muscle.
    public var excitation: [String: SignalEvaluation]
    /// Per coordinate.
    public var torque: [String: SignalEvaluation]
    /// Per muscle, per OpenSim parameter name (`max_isometric_force`, ...).
    public var parameters: [String: [String: ParameterEntry]]
    /// How raw EMG was normalised, when the fit processed raw recordings (`emg_normalization`).
    public var emgNormalization: EMGNormalizationRecord?
    /// What the predictions read of each test trial besides its geometry: `kinematics`, `emg`, `inverse_dynamics`.
    public var inputs: [PredictionInput] = []
    /// Wall-clock seconds the test-trial predictions took (a method that refines or solves each trial works here).
    public var predictSeconds: Double?
    /// By test trial, whether the hybrid NMM's refinement used a drift of recruitment and its check's ratio
    /// (``RecruitmentDriftRecord``); nil when no trial was checked.
    public var recruitmentDrift: [String: RecruitmentDriftRecord]?

    /// A report; every field as in the schema.
    public init(method: String, seed: Int, train: [String], test: [String], fitSeconds: Double,
                excitation: [String: SignalEvaluation], torque: [String: SignalEvaluation], parameters: [String: [String: ParameterEntry]]) {
        self.method = method; self.seed = seed; self.train = train; self.test = test; self.fitSeconds = fitSeconds
        self.excitation = excitation; self.torque = torque; self.parameters = parameters
    }

    enum CodingKeys: String, CodingKey {
        case method, seed, train, test, fitSeconds = "fit_seconds", excitation, torque, parameters, emgNormalization = "emg_normalization"
        case inputs, predictSeconds = "predict_seconds", recruitmentDrift = "recruitment_drift"
    }

    /// The report as pretty-printed JSON with sorted keys (deterministic bytes for a given report). Undefined numbers
    /// are `null`; a non-finite number cannot occur (the encoder refuses one rather than write it).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    /// Writes `jsonData()` to `url` atomically.
    public func write(to url: URL) throws {
        try jsonData().write(to: url, options: .atomic)
    }
}
