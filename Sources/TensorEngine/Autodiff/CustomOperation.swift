/// A differentiable operation written outside TensorEngine — typically a fused element-wise kernel
/// with hand-written derivatives — that takes part in automatic differentiation like a built-in one.
///
/// The engine allocates the output, calls `forward` once, and, if any input requires gradients,
/// calls `backward` during `Tensor.backward()` with the gradient of the loss with respect to the
/// output. `backward` must **add** `∂loss/∂input` into each non-nil entry of `inputGradients`
/// (each has its input's element count and may already hold gradient from other uses of that
/// input, so never overwrite it); `nil` marks an input
/// that needs no gradient. Buffers are row-major in the inputs' shapes. Both functions may be
/// called from any thread, but one graph is only used by one thread at a time.
///
/// Example: `y = a·x² + b` with a per-channel `[C]` parameter `a`, broadcast over rows `[N, C]`:
///
/// ```swift
/// struct ScaledSquare: CustomOperation {
///     let name = "scaledSquare"
///     func outputShape(for inputShapes: [[Int]]) -> [Int] { inputShapes[0] }   // x: [N, C], a: [C]
///     func forward(inputs: [UnsafeBufferPointer<Float>], output: UnsafeMutableBufferPointer<Float>) {
///         let x = inputs[0], a = inputs[1], channels = a.count
///         for i in 0..<x.count { output[i] = a[i % channels] * x[i] * x[i] }
///     }
///     func backward(inputs: [UnsafeBufferPointer<Float>], output: UnsafeBufferPointer<Float>,
///                   outputGradient: UnsafeBufferPointer<Float>,
///                   inputGradients: [UnsafeMutableBufferPointer<Float>?]) {
///         let x = inputs[0], a = inputs[1], channels = a.count
///         for i in 0..<x.count {
///             inputGradients[0]?[i] += outputGradient[i] * 2 * a[i % channels] * x[i]
///             inputGradients[1]?[i % channels] += outputGradient[i] * x[i] * x[i]
///         }
///     }
/// }
/// let y = Tensor.custom(ScaledSquare(), inputs: [x, a])   // then y.sum().backward() fills a.grad
/// ```
///
/// Check a new operation with finite differences before trusting it (the engine's tests show how).
public protocol CustomOperation {
    /// Name shown in diagnostics.
    var name: String { get }
    /// The output's shape for inputs of these shapes; precondition-fail on shapes you do not accept.
    func outputShape(for inputShapes: [[Int]]) -> [Int]
    /// Writes every element of `output` from `inputs` (given in the order passed to `Tensor.custom`).
    func forward(inputs: [UnsafeBufferPointer<Float>], output: UnsafeMutableBufferPointer<Float>)
    /// Adds `∂loss/∂inputs[i]` into `inputGradients[i]` given `outputGradient = ∂loss/∂output`.
    func backward(inputs: [UnsafeBufferPointer<Float>], output: UnsafeBufferPointer<Float>,
                  outputGradient: UnsafeBufferPointer<Float>, inputGradients: [UnsafeMutableBufferPointer<Float>?])
}

extension Tensor {
    /// Applies a `CustomOperation` to `inputs`, recording it for `backward()` when gradients are on.
    public static func custom(_ operation: some CustomOperation, inputs: [Tensor]) -> Tensor {
        let out = Tensor(uninitializedShape: operation.outputShape(for: inputs.map(\.shape)))
        let views = inputs.map(\.buffer)
        operation.forward(inputs: views, output: UnsafeMutableBufferPointer(start: out.storage.pointer, count: out.count))
        guard needsGraph(inputs) else { return out }
        let outStorage = out.storage
        return out.recorded(operation.name, inputs) { g in
            let gradients = inputs.map { input -> UnsafeMutableBufferPointer<Float>? in
                input.requiresGrad ? UnsafeMutableBufferPointer(start: input.accumulatingGradient(), count: input.count) : nil
            }
            operation.backward(inputs: views, output: UnsafeBufferPointer(start: outStorage.pointer, count: outStorage.count),
                               outputGradient: UnsafeBufferPointer(start: g, count: outStorage.count), inputGradients: gradients)
        }
    }

    /// A custom operation given by two closures (see `CustomOperation` for their contracts).
    public static func custom(
        name: String, inputs: [Tensor], outputShape: [Int],
        forward: @escaping (_ inputs: [UnsafeBufferPointer<Float>], _ output: UnsafeMutableBufferPointer<Float>) -> Void,
        backward: @escaping (_ inputs: [UnsafeBufferPointer<Float>], _ output: UnsafeBufferPointer<Float>,
                             _ outputGradient: UnsafeBufferPointer<Float>, _ inputGradients: [UnsafeMutableBufferPointer<Float>?]) -> Void
    ) -> Tensor {
        custom(ClosureOperation(name: name, shape: outputShape, forwardBody: forward, backwardBody: backward), inputs: inputs)
    }
}

/// The `CustomOperation` behind `Tensor.custom(name:inputs:outputShape:forward:backward:)`.
private struct ClosureOperation: CustomOperation {
    let name: String
    let shape: [Int]
    let forwardBody: ([UnsafeBufferPointer<Float>], UnsafeMutableBufferPointer<Float>) -> Void
    let backwardBody: ([UnsafeBufferPointer<Float>], UnsafeBufferPointer<Float>, UnsafeBufferPointer<Float>,
                       [UnsafeMutableBufferPointer<Float>?]) -> Void

    func outputShape(for inputShapes: [[Int]]) -> [Int] { shape }
    func forward(inputs: [UnsafeBufferPointer<Float>], output: UnsafeMutableBufferPointer<Float>) { forwardBody(inputs, output) }
    func backward(inputs: [UnsafeBufferPointer<Float>], output: UnsafeBufferPointer<Float>,
                  outputGradient: UnsafeBufferPointer<Float>, inputGradients: [UnsafeMutableBufferPointer<Float>?]) {
        backwardBody(inputs, output, outputGradient, inputGradients)
    }
}
