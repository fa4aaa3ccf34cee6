import Foundation

/// The content of `metrics.json` written by `nmm fit`: what was fitted, how long it took, and how the test-trial
/// predictions compare with the references.
///
/// Schema: `{"method", "seed", "train", "test", "fit_seconds", "excitation": {muscle: {"rmse", "nrmse", "r", "r2", "vaf",
/// "measured"}}, "torque": {coordinate: {"rmse", "nrmse", "r", "r2", "vaf"}}, "parameters": {muscle: {parameter: {"generic",
/// "fitted", "truth"}}}}` (``SignalMetrics`` defines each number).
/// `truth` is omitted where the subject folder does not record it.
public struct MetricsReport: Sendable, Equatable, Codable {
    /// Excitation agreement of one muscle over the test trials.
    public struct ExcitationEntry: Sendable, Equatable, Codable {
        /// RMSE against the reference excitation.
        public var rmse: Double
        /// RMSE / range of the reference excitation.
        public var nrmse: Double
        /// Pearson's r.
        public var r: Double
        /// Coefficient of determination.
        public var r2: Double
        /// Variance accounted for.
        public var vaf: Double
        /// Whether the muscle's EMG was an input of the fit (then the reference is still the truth when known).
        public var measured: Bool
        /// An entry from metrics.
        public init(_ metrics: SignalMetrics, measured: Bool) {
            rmse = metrics.rmse; nrmse = metrics.nrmse; r = metrics.r; r2 = metrics.r2; vaf = metrics.vaf; self.measured = measured
        }
    }

    /// Torque agreement of one coordinate over the test trials.
    public struct TorqueEntry: Sendable, Equatable, Codable {
        /// RMSE (N·m).
        public var rmse: Double
        /// RMSE / range of the inverse-dynamics torque.
        public var nrmse: Double
        /// Pearson's r.
        public var r: Double
        /// Coefficient of determination.
        public var r2: Double
        /// Variance accounted for.
        public var vaf: Double
        /// An entry from metrics.
        public init(_ metrics: SignalMetrics) {
            rmse = metrics.rmse; nrmse = metrics.nrmse; r = metrics.r; r2 = metrics.r2; vaf = metrics.vaf
        }
    }

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

    /// `nmm`, `mse` or `so`.
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
    public var excitation: [String: ExcitationEntry]
    /// Per coordinate.
    public var torque: [String: TorqueEntry]
    /// Per muscle, per OpenSim parameter name (`max_isometric_force`, ...).
    public var parameters: [String: [String: ParameterEntry]]

    /// A report; every field as in the schema.
    public init(method: String, seed: Int, train: [String], test: [String], fitSeconds: Double,
                excitation: [String: ExcitationEntry], torque: [String: TorqueEntry], parameters: [String: [String: ParameterEntry]]) {
        self.method = method; self.seed = seed; self.train = train; self.test = test; self.fitSeconds = fitSeconds
        self.excitation = excitation; self.torque = torque; self.parameters = parameters
    }

    enum CodingKeys: String, CodingKey {
        case method, seed, train, test, fitSeconds = "fit_seconds", excitation, torque, parameters
    }

    /// The report as pretty-printed JSON with sorted keys (deterministic bytes for a given report).
    /// Non-finite numbers (a constant reference) are written as strings, which JSON cannot otherwise hold.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }

    /// Writes `jsonData()` to `url` atomically.
    public func write(to url: URL) throws {
        try jsonData().write(to: url, options: .atomic)
    }
}
