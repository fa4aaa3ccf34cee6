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
    /// The kernel's partial derivatives, kept by `forward` for `backward` (one operation instance per graph node).
    let saved = SavedPartials()

    /// The forward pass's partials, muscle-major: `values[(p·M + i)·paddedRows + row]` for partial `p` (see
    /// ``Partial``) of muscle `i` at `row`, rows padded to a multiple of 8 lanes.
    final class SavedPartials: @unchecked Sendable {
        var values: [Float] = []
        var paddedRows = 0
    }

    /// The saved partials, in their order in ``SavedPartials``.
    enum Partial: Int, CaseIterable {
        case force, dActivation, dMusculotendonLength, dMusculotendonVelocity, dMaxIsometricForce, dOptimalFiberLength
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
        let paddedRows = (rows + 7) / 8 * 8
        // Filled locally and stored once: each access to the class's property costs a dynamic exclusivity check.
        // Every element is written below (the padding lanes too).
        let values = [Float](unsafeUninitializedCapacity: Partial.allCases.count * m * paddedRows) { values, count in
            count = values.count
            let base = UnsafeMutableRawPointer(values.baseAddress!)
            // Muscle-major: eight rows of one muscle per call, gathered from the [..., M] layout into lanes.
            for i in 0..<m {
                let muscle = scaled[i]
                /// Muscle i's values at rows `row ..< row + 8` (the last row repeated past the end), built in registers.
                @inline(__always) func gather(_ x: UnsafeBufferPointer<Float>, _ row: Int) -> SIMD8<Float> {
                    @inline(__always) func at(_ lane: Int) -> Float { x[Swift.min(row + lane, rows - 1) * m + i] }
                    return SIMD8(at(0), at(1), at(2), at(3), at(4), at(5), at(6), at(7))
                }
                for row in stride(from: 0, to: rows, by: 8) {
                    // Lanes past the last row repeat it; their results are never read.
                    let lanes = muscle.rigidTendonForce(activation: gather(a, row), musculotendonLength: gather(l, row),
                                                        musculotendonVelocity: gather(v, row))
                    func store(_ p: Partial, _ x: SIMD8<Float>) {
                        base.storeBytes(of: x, toByteOffset: ((p.rawValue * m + i) * paddedRows + row) * 4, as: SIMD8<Float>.self)
                    }
                    store(.force, lanes.force)
                    store(.dActivation, lanes.dActivation)
                    store(.dMusculotendonLength, lanes.dMusculotendonLength)
                    store(.dMusculotendonVelocity, lanes.dMusculotendonVelocity)
                    store(.dMaxIsometricForce, lanes.dMaxIsometricForce)
                    store(.dOptimalFiberLength, lanes.dOptimalFiberLength)
                }
            }
            let force = values.baseAddress!
            if producesTorque {
                let coordinates = output.count / max(rows, 1)
                let arms = inputs[4]
                for row in 0..<rows {
                    for c in 0..<coordinates {
                        var torque: Float = 0
                        for i in 0..<m { torque += arms[(row * coordinates + c) * m + i] * force[i * paddedRows + row] }
                        output[row * coordinates + c] = torque
                    }
                }
            } else {
                for row in 0..<rows {
                    for i in 0..<m { output[row * m + i] = force[i * paddedRows + row] }
                }
            }
        }
        saved.values = values
        saved.paddedRows = paddedRows
    }

    func backward(inputs: [UnsafeBufferPointer<Float>], output: UnsafeBufferPointer<Float>,
                  outputGradient: UnsafeBufferPointer<Float>, inputGradients: [UnsafeMutableBufferPointer<Float>?]) {
        let m = muscles.count
        let rows = inputs[0].count / m
        let coordinates = producesTorque ? output.count / max(rows, 1) : 0
        let paddedRows = saved.paddedRows
        let values = saved.values
        precondition(values.count == Partial.allCases.count * m * paddedRows && paddedRows >= rows,
                     "backward needs this operation's forward pass")
        values.withUnsafeBufferPointer { values in
            for i in 0..<m {
                let partial = { (p: Partial) in values.baseAddress! + (p.rawValue * m + i) * paddedRows }
                let force = partial(.force), dActivation = partial(.dActivation), dLength = partial(.dMusculotendonLength)
                let dVelocity = partial(.dMusculotendonVelocity), dForceScale = partial(.dMaxIsometricForce)
                let dFiberScale = partial(.dOptimalFiberLength)
                var forceScaleSum: Float = 0, fiberScaleSum: Float = 0, slackScaleSum: Float = 0
                for row in 0..<rows {
                    let k = row * m + i
                    // ∂loss/∂force of this muscle at this row.
                    var upstream: Float = 0
                    if producesTorque {
                        for c in 0..<coordinates {
                            let index = (row * coordinates + c) * m + i
                            upstream += outputGradient[row * coordinates + c] * inputs[4][index]
                            inputGradients[4]?[index] += outputGradient[row * coordinates + c] * force[row]
                        }
                    } else {
                        upstream = outputGradient[k]
                    }
                    inputGradients[0]?[k] += upstream * dActivation[row]
                    inputGradients[1]?[k] += upstream * dLength[row]
                    inputGradients[2]?[k] += upstream * dVelocity[row]
                    forceScaleSum += upstream * dForceScale[row]
                    fiberScaleSum += upstream * dFiberScale[row]
                    slackScaleSum -= upstream * dLength[row]
                }
                if let scales = inputGradients[3] {
                    scales[i] += forceScaleSum * muscles[i].maxIsometricForce
                    scales[m + i] += fiberScaleSum * muscles[i].optimalFiberLength
                    scales[2 * m + i] += slackScaleSum * muscles[i].tendonSlackLength
                }
            }
        }
    }
}
