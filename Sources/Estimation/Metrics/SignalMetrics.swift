/// Agreement between a predicted signal and its reference (a recording, the truth, or an inverse-dynamics torque),
/// sample by sample over the same time base.
///
/// With prediction p, reference y, n samples, ȳ the mean of y and range(y) = max y − min y:
/// - `rmse` = √(Σ (p − y)² / n)
/// - `nrmse` = rmse / range(y)
/// - `r` = Σ (p − p̄)(y − ȳ) / √(Σ (p − p̄)² · Σ (y − ȳ)²), Pearson's correlation
/// - `r2` = 1 − Σ (p − y)² / Σ (y − ȳ)², the coefficient of determination of p as a predictor of y
///   (can be negative; not the square of r)
/// - `vaf` = 1 − Σ (p − y)² / Σ y², the variance accounted for about zero, as synergy analysis defines it
///
/// A number whose denominator is zero — r of a constant estimate or reference, nrmse and R² of a constant
/// reference, VAF of an all-zero reference — is undefined: nil here, `null` in JSON, "—" in tables. Never 0.
public struct SignalMetrics: Sendable, Equatable {
    /// Root-mean-square error, in the signal's unit.
    public var rmse: Double
    /// RMSE divided by the reference's range (max − min).
    public var nrmse: Double?
    /// Pearson's correlation coefficient.
    public var r: Double?
    /// Coefficient of determination.
    public var r2: Double?
    /// Variance accounted for (about zero).
    public var vaf: Double?
    /// The population standard deviation of the reference.
    public var referenceStandardDeviation: Double
    /// The largest |reference|.
    public var referencePeak: Double

    /// Compares `predicted` with `reference`; both must have the same, non-zero length (a programmer error otherwise).
    public init(predicted: [Double], reference: [Double]) {
        precondition(predicted.count == reference.count && !reference.isEmpty, "SignalMetrics: lengths \(predicted.count) and \(reference.count)")
        let n = Double(reference.count)
        let meanP = predicted.reduce(0, +) / n
        let meanY = reference.reduce(0, +) / n
        var squaredError = 0.0, sumYY = 0.0, covariance = 0.0, varianceP = 0.0, varianceY = 0.0
        for (p, y) in zip(predicted, reference) {
            squaredError += (p - y) * (p - y)
            sumYY += y * y
            covariance += (p - meanP) * (y - meanY)
            varianceP += (p - meanP) * (p - meanP)
            varianceY += (y - meanY) * (y - meanY)
        }
        let range = (reference.max() ?? 0) - (reference.min() ?? 0)
        rmse = (squaredError / n).squareRoot()
        nrmse = range > 0 ? rmse / range : nil
        // A sum of squares below this is a constant signal up to rounding (the .sto files hold 8 significant digits).
        let constant = 1e-18 * n
        r = varianceP > constant && varianceY > constant ? covariance / (varianceP * varianceY).squareRoot() : nil
        r2 = varianceY > constant ? 1 - squaredError / varianceY : nil
        vaf = sumYY > 0 ? 1 - squaredError / sumYY : nil
        referenceStandardDeviation = (varianceY / n).squareRoot()
        referencePeak = reference.map(abs).max() ?? 0
    }
}
