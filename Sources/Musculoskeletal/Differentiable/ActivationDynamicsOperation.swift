import TensorEngine

/// DeGroote first-order activation dynamics over time as a TensorEngine custom operation: excitation
/// `[..., T, M]` and time constants `[2, M]` (τa, τd in seconds) give activation `[..., T, M]`, integrated per
/// ``FirstOrderActivationDynamics`` from a[0] = e[0]; the backward pass runs its reverse-mode sequence gradient.
struct ActivationDynamicsOperation: CustomOperation {
    /// Where the sequences lie in the buffers.
    let layout: SequenceLayout
    /// Each muscle's smoothing b (its `activation_dynamics_smoothing`).
    let smoothing: [Float]
    /// Sample interval Δt (s).
    let sampleInterval: Float
    /// Integration steps per sample.
    let substeps: Int

    var name: String { "activationDynamics" }

    func outputShape(for inputShapes: [[Int]]) -> [Int] {
        precondition(layout.matches(inputShapes[0]), "excitation must be [..., \(layout.frames), \(layout.muscles)], got \(inputShapes[0])")
        precondition(inputShapes[1] == [2, layout.muscles], "time constants must be [2, \(layout.muscles)], got \(inputShapes[1])")
        return inputShapes[0]
    }

    func dynamics(_ timeConstants: UnsafeBufferPointer<Float>, muscle i: Int) -> FirstOrderActivationDynamics<Float> {
        FirstOrderActivationDynamics(activationTimeConstant: timeConstants[i],
                                     deactivationTimeConstant: timeConstants[layout.muscles + i], smoothing: smoothing[i])
    }

    func forward(inputs: [UnsafeBufferPointer<Float>], output: UnsafeMutableBufferPointer<Float>) {
        for (i, indices) in layout.sequences(count: inputs[0].count) {
            let a = dynamics(inputs[1], muscle: i).simulate(
                excitation: indices.map { inputs[0][$0] }, sampleInterval: sampleInterval, substeps: substeps)
            for (k, index) in indices.enumerated() { output[index] = a[k] }
        }
    }

    func backward(inputs: [UnsafeBufferPointer<Float>], output: UnsafeBufferPointer<Float>,
                  outputGradient: UnsafeBufferPointer<Float>, inputGradients: [UnsafeMutableBufferPointer<Float>?]) {
        let m = layout.muscles
        for (i, indices) in layout.sequences(count: inputs[0].count) {
            let gradient = dynamics(inputs[1], muscle: i).gradient(
                excitation: indices.map { inputs[0][$0] }, activation: indices.map { output[$0] },
                upstream: indices.map { outputGradient[$0] }, sampleInterval: sampleInterval, substeps: substeps)
            if let dExcitation = inputGradients[0] {
                for (k, index) in indices.enumerated() { dExcitation[index] += gradient.dExcitation[k] }
            }
            inputGradients[1]?[i] += gradient.dActivationTimeConstant
            inputGradients[1]?[m + i] += gradient.dDeactivationTimeConstant
        }
    }
}
