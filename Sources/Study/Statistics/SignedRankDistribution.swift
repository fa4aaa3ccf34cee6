/// The null distribution of the Wilcoxon signed-rank sum W⁺ = Σ ranks of the positive differences: each of the
/// 2ⁿ sign patterns equally likely.
///
/// Ranks may be averages over ties (multiples of ½), so the distribution is kept over 2·W⁺, an integer, and built
/// by adding one rank at a time (counts[s] = ways to reach doubled sum s), which is exact for any n and ties —
/// the same answer as enumerating every sign pattern, as scipy's permutation method does for n ≤ 13.
struct SignedRankDistribution {
    /// Probability of each doubled sum 0...2·Σranks.
    private let probabilities: [Double]

    /// The distribution for these ranks.
    init(ranks: [Double]) {
        let doubled = ranks.map { Int(($0 * 2).rounded()) }
        var counts = [Double](repeating: 0, count: doubled.reduce(0, +) + 1)
        counts[0] = 1
        var reach = 0
        for rank in doubled {
            for sum in stride(from: reach, through: 0, by: -1) where counts[sum] != 0 {
                counts[sum + rank] += counts[sum]
            }
            reach += rank
        }
        let total = counts.reduce(0, +)
        probabilities = counts.map { $0 / total }
    }

    /// P(W⁺ ≤ w).
    func cdf(_ w: Double) -> Double {
        let limit = min(Int((w * 2 + 1e-9).rounded(.down)), probabilities.count - 1)
        return limit < 0 ? 0 : probabilities[0...limit].reduce(0, +)
    }

    /// P(W⁺ ≥ w).
    func sf(_ w: Double) -> Double {
        let start = max(Int((w * 2 - 1e-9).rounded(.up)), 0)
        return start >= probabilities.count ? 0 : probabilities[start...].reduce(0, +)
    }
}
