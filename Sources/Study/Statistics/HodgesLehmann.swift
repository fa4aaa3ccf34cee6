/// The Hodges–Lehmann estimate of the median paired difference and its exact confidence interval.
///
/// The estimate is the median of the n(n+1)/2 Walsh averages (dᵢ + dⱼ)/2, i ≤ j. The interval inverts the
/// signed-rank test (Hollander & Wolfe, Nonparametric Statistical Methods, §3.2): with the Walsh averages sorted,
/// it runs from the k-th smallest to the k-th largest, k the largest integer with P(W⁺ ≤ k − 1) ≤ α/2 under the
/// no-ties null distribution of n. Its coverage is exact, ≥ 1 − α, and given as `confidence`: for six subjects
/// k = 1, the interval is [min, max] of the Walsh averages, at 96.9 %. Below six pairs no interval reaches 95 %.
public struct HodgesLehmann: Sendable, Equatable, Codable {
    /// The median of the Walsh averages; nil for no pairs.
    public var estimate: Double?
    /// The interval's lower end; nil when n is too small for the level.
    public var low: Double?
    /// The interval's upper end.
    public var high: Double?
    /// The interval's exact coverage (≥ the level asked for).
    public var confidence: Double?

    /// Estimate and interval from paired differences, at `level` (0.95).
    public init(differences d: [Double], level: Double = 0.95) {
        let n = d.count
        var walsh: [Double] = []
        for i in 0..<n { for j in i..<n { walsh.append((d[i] + d[j]) / 2) } }
        walsh.sort()
        estimate = Descriptive.median(walsh)
        let k = Self.rankOfBound(n: n, level: level)
        guard k > 0 else { return }
        let null = SignedRankDistribution(ranks: (1...n).map(Double.init))
        low = walsh[k - 1]
        high = walsh[walsh.count - k]
        confidence = 1 - 2 * null.cdf(Double(k - 1))
    }

    /// The k of the interval for n pairs (0: none reaches the level).
    static func rankOfBound(n: Int, level: Double) -> Int {
        guard n > 0 else { return 0 }
        let null = SignedRankDistribution(ranks: (1...n).map(Double.init))
        var k = 0
        while null.cdf(Double(k)) <= (1 - level) / 2 + 1e-12 { k += 1 }
        return k
    }
}
