import Musculoskeletal

/// The measured muscles of a fit: each one's index in the muscle system and the EMG channel that records it, in name
/// order, and the muscles left hidden.
public struct MeasuredMuscles: Sendable {
    /// Each measured muscle's index and EMG channel.
    public var pairs: [(muscle: Int, channel: String)]
    /// The indices of the hidden (unmeasured) muscles.
    public var hidden: [Int]

    /// The measured muscles `measured` (muscle → channel) among `names`; an error names a muscle that is not there.
    public init(_ measured: [String: String], muscles names: [String]) throws {
        pairs = try measured.keys.sorted().map { muscle in
            guard let index = names.firstIndex(of: muscle) else {
                throw EstimationError("measured muscle '\(muscle)' is not in the model (\(names.joined(separator: ", ")))")
            }
            return (index, measured[muscle]!)
        }
        let indices = pairs.map(\.muscle)
        hidden = names.indices.filter { !indices.contains($0) }
    }

    /// Each measured muscle's EMG envelope in `trial` (negative values clipped at 0), in ``pairs`` order.
    public func emg(_ trial: EstimationTrial) throws -> [[Double]] {
        try pairs.map { entry in
            guard let signal = trial.envelope(entry.channel) else { throw EstimationError("trial \(trial.name): no EMG channel '\(entry.channel)'") }
            return signal
        }
    }
}

/// The measured agonists of every hidden muscle, from the mean moment arms over some trials: a measured muscle is an
/// agonist of hidden muscle h when its mean moment arm about h's main coordinate (the one h's moment arm is largest
/// about) has h's sign and at least a tenth of h's magnitude.
public struct MeasuredAgonists: Sendable {
    /// Hidden muscle → its main coordinate and its measured agonists; a hidden muscle without one is absent.
    public var groups: [Int: (coordinate: Int, muscles: [Int])]

    /// The agonists among `measured` of every other muscle of `muscleCount`, over `trials`.
    public init(muscleCount: Int, trials: [EstimationTrial], measured: [Int]) {
        let coordinateCount = trials.first?.geometry.coordinates.count ?? 0
        var meanArm = [[Double]](repeating: [Double](repeating: 0, count: muscleCount), count: coordinateCount)
        var frames = 0.0
        for trial in trials {
            for c in 0..<coordinateCount { for m in 0..<muscleCount { meanArm[c][m] += trial.geometry.momentArm[c][m].reduce(0, +) } }
            frames += Double(trial.frameCount)
        }
        meanArm = meanArm.map { $0.map { $0 / max(frames, 1) } }
        var groups: [Int: (coordinate: Int, muscles: [Int])] = [:]
        for h in 0..<muscleCount where !measured.contains(h) && coordinateCount > 0 {
            let main = (0..<coordinateCount).max { abs(meanArm[$0][h]) < abs(meanArm[$1][h]) }!
            let arm = meanArm[main][h]
            let group = measured.filter { meanArm[main][$0] * arm > 0 && abs(meanArm[main][$0]) >= 0.1 * abs(arm) }
            if !group.isEmpty { groups[h] = (main, group) }
        }
        self.groups = groups
    }
}
