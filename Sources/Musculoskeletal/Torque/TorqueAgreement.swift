/// R² and RMSE (as % of the peak |reference|) of a model torque against a reference torque.
public struct TorqueAgreement: Sendable, Equatable {
    /// 1 − Σ(model − reference)² / Σ(reference − mean)².
    public var r2: Double
    /// Root-mean-square error, in the torques' unit.
    public var rmse: Double
    /// RMSE as a percentage of max |reference|.
    public var rmsePercentOfPeak: Double

    /// Compares two equally long series.
    public init(model: [Double], reference: [Double]) {
        precondition(model.count == reference.count && !reference.isEmpty, "torques must be equally long and not empty")
        let mean = reference.reduce(0, +) / Double(reference.count)
        let residual = zip(model, reference).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let total = reference.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let peak = reference.map(abs).max() ?? 0
        r2 = total > 0 ? 1 - residual / total : (residual == 0 ? 1 : -.infinity)
        rmse = (residual / Double(reference.count)).squareRoot()
        rmsePercentOfPeak = peak > 0 ? 100 * rmse / peak : 0
    }
}
