/// The physics term of every fit: the mean over frames (after `warmup` frames, while activation settles from its
/// assumed initial state) and coordinates of ((τ_model − τ_ID) / scale_c)², where scale_c is the coordinate's
/// root-mean-square inverse-dynamics torque over the training trials, so coordinates of different strength count
/// alike and the loss is dimensionless.
public struct TorqueLoss: Sendable, Equatable {
    /// Per-coordinate normalisation (N·m).
    public var scales: [Double]
    /// Frames at the start of each sequence left out of the loss.
    public var warmup: Int

    /// A loss with the given normalisation.
    public init(scales: [Double], warmup: Int = 0) { self.scales = scales; self.warmup = warmup }

    /// The RMS of each coordinate's torque over `trials`, floored at 1e-6 N·m.
    public static func rmsScales(of trials: [EstimationTrial], coordinates: [String]) -> [Double] {
        coordinates.map { c in
            let all = trials.flatMap { $0.torque[c] ?? [] }
            guard !all.isEmpty else { return 1 }
            return max((all.reduce(0) { $0 + $1 * $1 } / Double(all.count)).squareRoot(), 1e-6)
        }
    }

    /// The loss of `model[c][k]` against `reference[c][k]` and its gradient with respect to the model torques. With
    /// `fitted`, only the frames it marks have a residual (the split-half check of ``TrialRefinement``); the mean is
    /// still taken over every frame after the warm-up, so each counted frame weighs as it does without the mask.
    public func evaluate(model: [[Double]], reference: [[Double]], fitted: [Bool]? = nil) -> (loss: Double, gradient: [[Double]]) {
        let frames = model.first?.count ?? 0
        let counted = max(frames - warmup, 1) * max(model.count, 1)
        var loss = 0.0
        var gradient = model.map { [Double](repeating: 0, count: $0.count) }
        for c in model.indices {
            for k in min(warmup, frames)..<frames where fitted?[k] ?? true {
                let error = normalisedError(model, reference, c, k)
                loss += error * error
                gradient[c][k] = 2 * error / scales[c] / Double(counted)
            }
        }
        return (loss / Double(counted), gradient)
    }

    /// The sum over coordinates and the frames `frames` marks (after the warm-up) of ((model − reference) / scale)²:
    /// the error where a fit did, or did not, see the torque.
    public func squaredError(model: [[Double]], reference: [[Double]], frames: [Bool]) -> Double {
        var sum = 0.0
        for c in model.indices {
            for k in min(warmup, frames.count)..<frames.count where frames[k] {
                let error = normalisedError(model, reference, c, k)
                sum += error * error
            }
        }
        return sum
    }

    private func normalisedError(_ model: [[Double]], _ reference: [[Double]], _ c: Int, _ k: Int) -> Double {
        (model[c][k] - reference[c][k]) / scales[c]
    }
}
