import TensorEngine

/// The fused rigid-tendon muscle model as a TensorEngine custom operation: activations, musculotendon lengths and
/// velocities `[..., M]` and per-muscle parameter scale factors `[3, M]` (max isometric force, optimal fibre length,
/// tendon slack length, multiplying the generic values) give either the forces `[..., M]` or, with moment arms
/// `[..., C, M]`, the joint torques `[..., C]` = Σ_m r·F. Its backward pass uses the kernel's analytic partials.
struct RigidTendonTorqueOperation: CustomOperation {
    /// The generic (unscaled) muscles, one per last-axis entry.
    let muscles: [DeGrooteFregly2016Muscle<Float>]
    /// Whether a moment-arm input follows and the output is torque rather than force.
    let producesTorque: Bool
    /// The kernel's results per element, kept by `forward` for `backward` (one operation instance per graph node).
    let saved = SavedPartials()

    /// Storage for the forward pass's partial derivatives.
    final class SavedPartials: @unchecked Sendable {
        var partials: [RigidTendonForce<Float>] = []
    }

    var name: String { producesTorque ? "rigidTendonTorque" : "rigidTendonForce" }

    func outputShape(for inputShapes: [[Int]]) -> [Int] {
        let m = muscles.count
        precondition(inputShapes[0].last == m, "activation must end in the \(m) muscles, got \(inputShapes[0])")
        precondition(inputShapes[1] == inputShapes[0] && inputShapes[2] == inputShapes[0],
                     "lengths \(inputShapes[1]) and velocities \(inputShapes[2]) must have the activation's shape \(inputShapes[0])")
        precondition(inputShapes[3] == [3, m], "parameter scales must be [3, \(m)], got \(inputShapes[3])")
        guard producesTorque else { return inputShapes[0] }
        let arms = inputShapes[4]
        precondition(arms.count == inputShapes[0].count + 1 && Array(arms.prefix(arms.count - 2)) == Array(inputShapes[0].dropLast())
                     && arms.last == m, "moment arms must be [..., C, \(m)] over the activation's leading axes, got \(arms)")
        return Array(inputShapes[0].dropLast()) + [arms[arms.count - 2]]
    }

    /// The muscles with their parameters multiplied by the scale factors.
    func scaledMuscles(_ scales: UnsafeBufferPointer<Float>) -> [DeGrooteFregly2016Muscle<Float>] {
        let m = muscles.count
        return muscles.indices.map { i in
            var muscle = muscles[i]
            muscle.maxIsometricForce *= scales[i]
            muscle.optimalFiberLength *= scales[m + i]
            muscle.tendonSlackLength *= scales[2 * m + i]
            return muscle
        }
    }

    func forward(inputs: [UnsafeBufferPointer<Float>], output: UnsafeMutableBufferPointer<Float>) {
        let m = muscles.count
        let scaled = scaledMuscles(inputs[3])
        let (a, l, v) = (inputs[0], inputs[1], inputs[2])
        let rows = a.count / m
        let coordinates = producesTorque ? output.count / max(rows, 1) : 0
        if producesTorque { output.initialize(repeating: 0) }
        let zero = RigidTendonForce<Float>(force: 0, dActivation: 0, dMusculotendonLength: 0, dMusculotendonVelocity: 0,
                                           dMaxIsometricForce: 0, dOptimalFiberLength: 0, dTendonSlackLength: 0,
                                           normFiberLength: 0, normFiberVelocity: 0, cosPennationAngle: 0)
        // Filled locally and stored once: each access to the class's property costs a dynamic exclusivity check.
        var partials = [RigidTendonForce<Float>](repeating: zero, count: a.count)
        // Muscle-major loops: each muscle is copied out of the array once, not once per element.
        for i in 0..<m {
            let muscle = scaled[i]
            for row in 0..<rows {
                let k = row * m + i
                let result = muscle.rigidTendonForce(activation: a[k], musculotendonLength: l[k], musculotendonVelocity: v[k])
                partials[k] = result
                if producesTorque {
                    for c in 0..<coordinates { output[row * coordinates + c] += inputs[4][(row * coordinates + c) * m + i] * result.force }
                } else {
                    output[k] = result.force
                }
            }
        }
        saved.partials = partials
    }

    func backward(inputs: [UnsafeBufferPointer<Float>], output: UnsafeBufferPointer<Float>,
                  outputGradient: UnsafeBufferPointer<Float>, inputGradients: [UnsafeMutableBufferPointer<Float>?]) {
        let m = muscles.count
        let rows = inputs[0].count / m
        let coordinates = producesTorque ? output.count / max(rows, 1) : 0
        let partialsOfForward = saved.partials
        precondition(partialsOfForward.count == inputs[0].count, "backward needs this operation's forward pass")
        for row in 0..<rows {
            for i in 0..<m {
                let k = row * m + i
                let partials = partialsOfForward[k]
                // ∂loss/∂force of this muscle at this row.
                var upstream: Float = 0
                if producesTorque {
                    for c in 0..<coordinates {
                        let index = (row * coordinates + c) * m + i
                        upstream += outputGradient[row * coordinates + c] * inputs[4][index]
                        inputGradients[4]?[index] += outputGradient[row * coordinates + c] * partials.force
                    }
                } else {
                    upstream = outputGradient[k]
                }
                inputGradients[0]?[k] += upstream * partials.dActivation
                inputGradients[1]?[k] += upstream * partials.dMusculotendonLength
                inputGradients[2]?[k] += upstream * partials.dMusculotendonVelocity
                if let scales = inputGradients[3] {
                    scales[i] += upstream * partials.dMaxIsometricForce * muscles[i].maxIsometricForce
                    scales[m + i] += upstream * partials.dOptimalFiberLength * muscles[i].optimalFiberLength
                    scales[2 * m + i] += upstream * partials.dTendonSlackLength * muscles[i].tendonSlackLength
                }
            }
        }
    }
}
