import TensorEngine

/// The Lloyd & Besier EMG-to-activation model over time as a TensorEngine custom operation: EMG envelopes
/// `[..., T, M]` and per-muscle parameters `[3, M]` (C1, C2, shape factor A) give activation `[..., T, M]`
/// per ``ExponentialEMGActivation``; the backward pass runs its reverse-mode sequence gradient.
struct ExponentialEMGActivationOperation: CustomOperation {
    /// Where the sequences lie in the buffers.
    let layout: SequenceLayout

    var name: String { "exponentialEMGActivation" }

    func outputShape(for inputShapes: [[Int]]) -> [Int] {
        precondition(layout.matches(inputShapes[0]), "EMG must be [..., \(layout.frames), \(layout.muscles)], got \(inputShapes[0])")
        precondition(inputShapes[1] == [3, layout.muscles], "parameters must be [3, \(layout.muscles)] (C1, C2, A), got \(inputShapes[1])")
        return inputShapes[0]
    }

    func model(_ parameters: UnsafeBufferPointer<Float>, muscle i: Int) -> ExponentialEMGActivation<Float> {
        let m = layout.muscles
        return ExponentialEMGActivation(c1: parameters[i], c2: parameters[m + i], shapeFactor: parameters[2 * m + i])
    }

    func forward(inputs: [UnsafeBufferPointer<Float>], output: UnsafeMutableBufferPointer<Float>) {
        for (i, indices) in layout.sequences(count: inputs[0].count) {
            let activation = model(inputs[1], muscle: i).simulate(emg: indices.map { inputs[0][$0] }).activation
            for (k, index) in indices.enumerated() { output[index] = activation[k] }
        }
    }

    func backward(inputs: [UnsafeBufferPointer<Float>], output: UnsafeBufferPointer<Float>,
                  outputGradient: UnsafeBufferPointer<Float>, inputGradients: [UnsafeMutableBufferPointer<Float>?]) {
        let m = layout.muscles
        for (i, indices) in layout.sequences(count: inputs[0].count) {
            let emg = indices.map { inputs[0][$0] }
            let activationModel = model(inputs[1], muscle: i)
            let gradient = activationModel.gradient(emg: emg, neural: activationModel.simulate(emg: emg).neural,
                                                    upstream: indices.map { outputGradient[$0] })
            if let dEMG = inputGradients[0] {
                for (k, index) in indices.enumerated() { dEMG[index] += gradient.dEMG[k] }
            }
            inputGradients[1]?[i] += gradient.dC1
            inputGradients[1]?[m + i] += gradient.dC2
            inputGradients[1]?[2 * m + i] += gradient.dShapeFactor
        }
    }
}
