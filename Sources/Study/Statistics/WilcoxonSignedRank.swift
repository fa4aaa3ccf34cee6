/// The Wilcoxon signed-rank test of paired differences, two-sided, with the exact p-value.
///
/// Zero differences are dropped (Wilcoxon's convention, scipy's default `zero_method="wilcox"`); tied |d| share
/// their average rank. The p-value is 2·min(P(W⁺ ≥ w), P(W⁺ ≤ w)) under the exact permutation distribution of the
/// remaining signs (``SignedRankDistribution``): for small n with neither ties nor zeros this is scipy's
/// `method="exact"`, with them scipy's permutation method, which it uses up to n = 13. No normal approximation is
/// made at any n, so with a handful of subjects the p-value is never overstated.
public struct WilcoxonSignedRank: Sendable, Equatable, Codable {
    /// Non-zero differences used.
    public var n: Int
    /// min(W⁺, W⁻), scipy's two-sided statistic.
    public var statistic: Double
    /// The exact two-sided p-value; nil when no difference is non-zero.
    public var p: Double?

    /// The test of `differences` (a − b for each pair).
    public init(differences: [Double]) {
        let nonzero = differences.filter { $0 != 0 }
        n = nonzero.count
        let ranks = Self.averageRanks(nonzero.map(abs))
        let plus = zip(nonzero, ranks).reduce(0) { $0 + ($1.0 > 0 ? $1.1 : 0) }
        let minus = ranks.reduce(0, +) - plus
        statistic = min(plus, minus)
        guard n > 0 else { p = nil; return }
        let distribution = SignedRankDistribution(ranks: ranks)
        p = min(1, 2 * min(distribution.sf(plus), distribution.cdf(plus)))
    }

    /// Ranks 1...n of `values`, ties sharing their mean rank.
    static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end + 2) / 2
            for k in start...end { ranks[order[k]] = rank }
            start = end + 1
        }
        return ranks
    }
}
