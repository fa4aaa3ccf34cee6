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

    /// The loss of `model[c][k]` against `reference[c][k]` and its gradient with respect to the model torques.
    public func evaluate(model: [[Double]], reference: [[Double]]) -> (loss: Double, gradient: [[Double]]) {
        let frames = model.first?.count ?? 0
        let counted = max(frames - warmup, 1) * max(model.count, 1)
        var loss = 0.0
        var gradient = model.map { [Double](repeating: 0, count: $0.count) }
        for c in model.indices {
            for k in min(warmup, frames)..<frames {
                let error = (model[c][k] - reference[c][k]) / scales[c]
                loss += error * error
                gradient[c][k] = 2 * error / scales[c] / Double(counted)
            }
        }
        return (loss / Double(counted), gradient)
    }
}
