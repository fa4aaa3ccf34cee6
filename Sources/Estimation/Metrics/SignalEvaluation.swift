/// How one muscle's excitation or one coordinate's torque agrees with its reference over the test trials: per trial,
/// the mean over trials, and pooled over the concatenated trials (labelled so wherever it is shown: across trials
/// a signal's level follows the task, so a pooled r can be high while the shape within each trial is wrong).
public struct SignalEvaluation: Sendable, Equatable, Codable {
    /// One trial's numbers (``SignalMetrics``) and whether the reference varies enough for r and R² to mean something.
    public struct Trial: Sendable, Equatable, Codable {
        public var r: Double?, rmse: Double, nrmse: Double?, r2: Double?, vaf: Double?
        /// The reference varies over the trial (see ``SignalEvaluation/init(trials:activeWhen:measured:)``).
        public var active: Bool

        /// A trial's entry from its metrics.
        public init(_ metrics: SignalMetrics, active: Bool) {
            r = metrics.r; rmse = metrics.rmse; nrmse = metrics.nrmse; r2 = metrics.r2; vaf = metrics.vaf; self.active = active
        }

        enum CodingKeys: String, CodingKey { case r, rmse, nrmse, r2, vaf, active }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(r, forKey: .r); try c.encode(rmse, forKey: .rmse); try c.encode(nrmse, forKey: .nrmse)
            try c.encode(r2, forKey: .r2); try c.encode(vaf, forKey: .vaf); try c.encode(active, forKey: .active)
        }
    }

    /// A summary over trials: means, the number of trials r and R² were averaged over, and r's standard deviation.
    public struct Summary: Sendable, Equatable, Codable {
        public var r: Double?, rmse: Double?, nrmse: Double?, r2: Double?, vaf: Double?
        /// Trials r and R² were averaged over (active trials with r defined); for `pooled`, the trials concatenated.
        public var n: Int
        /// Sample standard deviation of r over those trials (nil below two; nil for `pooled`).
        public var sdR: Double?

        enum CodingKeys: String, CodingKey { case r, rmse, nrmse, r2, vaf, n, sdR = "sd_r" }

        public init(r: Double?, rmse: Double?, nrmse: Double?, r2: Double?, vaf: Double?, n: Int, sdR: Double?) {
            self.r = r; self.rmse = rmse; self.nrmse = nrmse; self.r2 = r2; self.vaf = vaf; self.n = n; self.sdR = sdR
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(r, forKey: .r); try c.encode(rmse, forKey: .rmse); try c.encode(nrmse, forKey: .nrmse)
            try c.encode(r2, forKey: .r2); try c.encode(vaf, forKey: .vaf); try c.encode(n, forKey: .n); try c.encode(sdR, forKey: .sdR)
        }
    }

    /// For an excitation: whether the muscle's EMG was an input of the fit; nil for a torque.
    public var measured: Bool?
    /// Per test trial, by name.
    public var perTrial: [String: Trial]
    /// Means over trials: r and R² over active trials (where r is defined), RMSE, nRMSE and VAF over all.
    public var trialMean: Summary
    /// The test trials concatenated.
    public var pooled: Summary

    enum CodingKeys: String, CodingKey { case measured, perTrial = "per_trial", trialMean = "trial_mean", pooled }

    /// The evaluation of `trials` (name, prediction, reference; same length each); a trial is active when
    /// `activeWhen` holds for its metrics.
    public init(trials: [(name: String, predicted: [Double], reference: [Double])], activeWhen: (SignalMetrics) -> Bool,
                measured: Bool? = nil) {
        self.measured = measured
        let metrics = trials.map { SignalMetrics(predicted: $0.predicted, reference: $0.reference) }
        let entries = metrics.map { Trial($0, active: activeWhen($0)) }
        perTrial = Dictionary(uniqueKeysWithValues: zip(trials.map(\.name), entries))
        let shaped = entries.filter(\.active)
        let rs = shaped.compactMap(\.r)
        trialMean = Summary(r: Self.mean(rs), rmse: Self.mean(entries.map(\.rmse)), nrmse: Self.mean(entries.compactMap(\.nrmse)),
                            r2: Self.mean(shaped.compactMap(\.r2)), vaf: Self.mean(entries.compactMap(\.vaf)), n: rs.count,
                            sdR: Self.standardDeviation(rs))
        let all = SignalMetrics(predicted: trials.flatMap(\.predicted), reference: trials.flatMap(\.reference))
        pooled = Summary(r: all.r, rmse: all.rmse, nrmse: all.nrmse, r2: all.r2, vaf: all.vaf, n: trials.count, sdR: nil)
    }

    /// An excitation is active over a trial when its reference's standard deviation is at least 0.02.
    public static func excitationIsActive(_ metrics: SignalMetrics) -> Bool { metrics.referenceStandardDeviation >= 0.02 }

    /// A torque is active over a trial when its reference's standard deviation is at least 5 % of the trial's peak.
    public static func torqueIsActive(_ metrics: SignalMetrics) -> Bool {
        metrics.referencePeak > 0 && metrics.referenceStandardDeviation >= 0.05 * metrics.referencePeak
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(measured, forKey: .measured)
        try c.encode(perTrial, forKey: .perTrial); try c.encode(trialMean, forKey: .trialMean); try c.encode(pooled, forKey: .pooled)
    }

    static func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }

    static func standardDeviation(_ values: [Double]) -> Double? {
        guard values.count >= 2, let mean = mean(values) else { return nil }
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
    }
}
