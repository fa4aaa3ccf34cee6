import Estimation

extension SignalMetrics {
    /// The metrics of `estimate` against `reference` over the pairs where both are finite (a scatter may hold gaps).
    static func finitePairs(reference: [Double], estimate: [Double]) -> SignalMetrics {
        let pairs = zip(reference, estimate).filter { $0.0.isFinite && $0.1.isFinite }
        return SignalMetrics(predicted: pairs.map(\.1), reference: pairs.map(\.0))
    }

    /// "R² = 0.97, r = 0.99" ("—" where a number is undefined).
    var annotation: String { "R² = \(NumberText.readable(r2)), r = \(NumberText.readable(r))" }
}
