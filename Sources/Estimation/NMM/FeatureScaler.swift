/// Standardisation of the network's input features: (x − mean) / sd per feature, from the training trials.
public struct FeatureScaler: Sendable, Equatable, Codable {
    /// Feature means.
    public var mean: [Double]
    /// Feature standard deviations (a constant feature gets 1).
    public var standardDeviation: [Double]

    /// Statistics over every frame of `trials`.
    public init(trials: [EstimationTrial]) {
        let featureCount = trials.first?.features.count ?? 0
        mean = (0..<featureCount).map { f in
            let all = trials.flatMap { $0.features[f] }
            return all.reduce(0, +) / Double(max(all.count, 1))
        }
        standardDeviation = (0..<featureCount).map { f in
            let all = trials.flatMap { $0.features[f] }
            let m = all.reduce(0, +) / Double(max(all.count, 1))
            let sd = (all.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(all.count, 1))).squareRoot()
            return sd > 1e-12 ? sd : 1
        }
    }

    /// `[frame][feature]` standardised rows of `trial`, as Float.
    public func rows(_ trial: EstimationTrial) -> [[Float]] {
        (0..<trial.frameCount).map { k in mean.indices.map { Float((trial.features[$0][k] - mean[$0]) / standardDeviation[$0]) } }
    }
}
