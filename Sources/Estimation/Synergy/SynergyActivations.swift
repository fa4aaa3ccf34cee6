/// Synergy activations of new EMG for fixed synergy vectors: per frame, the non-negative c minimising
/// ‖v − W c‖², by cyclic coordinate descent (the H-update of HALS), which converges for this convex problem.
public enum SynergyActivations {
    /// `activations[synergy][frame]` for `data[channel][frame]` and `weights[channel][synergy]`.
    public static func solve(data: [[Double]], weights: [[Double]], sweeps: Int = 200) -> [[Double]] {
        let channels = weights.count, rank = weights.first?.count ?? 0
        let frames = data.first?.count ?? 0
        var gram = [[Double]](repeating: [Double](repeating: 0, count: rank), count: rank)
        for a in 0..<rank { for b in 0..<rank { for ch in 0..<channels { gram[a][b] += weights[ch][a] * weights[ch][b] } } }
        var result = [[Double]](repeating: [Double](repeating: 0, count: frames), count: rank)
        for k in 0..<frames {
            var wtv = [Double](repeating: 0, count: rank)
            for a in 0..<rank { for ch in 0..<channels { wtv[a] += weights[ch][a] * data[ch][k] } }
            var c = [Double](repeating: 0, count: rank)
            for _ in 0..<sweeps {
                var change = 0.0
                for a in 0..<rank where gram[a][a] > 0 {
                    var g = wtv[a]
                    for b in 0..<rank { g -= gram[a][b] * c[b] }
                    let updated = max(0, c[a] + g / gram[a][a])
                    change = max(change, abs(updated - c[a]))
                    c[a] = updated
                }
                if change < 1e-12 { break }
            }
            for a in 0..<rank { result[a][k] = c[a] }
        }
        return result
    }
}
