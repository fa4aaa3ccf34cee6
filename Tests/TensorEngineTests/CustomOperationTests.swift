import Testing
@testable import TensorEngine

/// The doc-comment example of `CustomOperation`: `y = a·x²` with `a` broadcast over rows.
private struct ScaledSquare: CustomOperation {
    let name = "scaledSquare"
    func outputShape(for inputShapes: [[Int]]) -> [Int] { inputShapes[0] }
    func forward(inputs: [UnsafeBufferPointer<Float>], output: UnsafeMutableBufferPointer<Float>) {
        let x = inputs[0], a = inputs[1], channels = a.count
        for i in 0..<x.count { output[i] = a[i % channels] * x[i] * x[i] }
    }
    func backward(inputs: [UnsafeBufferPointer<Float>], output: UnsafeBufferPointer<Float>,
                  outputGradient: UnsafeBufferPointer<Float>, inputGradients: [UnsafeMutableBufferPointer<Float>?]) {
        let x = inputs[0], a = inputs[1], channels = a.count
        for i in 0..<x.count {
            inputGradients[0]?[i] += outputGradient[i] * 2 * a[i % channels] * x[i]
            inputGradients[1]?[i % channels] += outputGradient[i] * x[i] * x[i]
        }
    }
}

@Suite("Custom operations plug into autodiff")
struct CustomOperationTests {
    @Test("protocol form: gradients against finite differences, inside a larger graph")
    func protocolForm() {
        let x = variable([4, 3]), a = variable([3], 0.5...2, seed: 2)
        expectGradientsMatch([x, a]) { Tensor.custom(ScaledSquare(), inputs: [$0[0].tanh(), $0[1]]).sigmoid() }
        // x also feeds another operation: the custom backward must add to, not overwrite, its gradient.
        expectGradientsMatch([x, a]) { Tensor.custom(ScaledSquare(), inputs: [$0[0], $0[1]]) * $0[0].exp() + $0[0] }
        let y = Tensor.custom(ScaledSquare(), inputs: [Tensor(shape: [1, 2], scalars: [2, 3]), Tensor(shape: [2], scalars: [1, 10])])
        #expect(y.scalars == [4, 90])
    }

    @Test("closure form, and an input that needs no gradient receives none")
    func closureForm() {
        let x = variable([5]), constant = Tensor(shape: [5], scalars: [1, 2, 3, 4, 5])
        func cube(_ inputs: [Tensor]) -> Tensor {
            Tensor.custom(name: "cubePlus", inputs: inputs, outputShape: [5], forward: { inputs, output in
                for i in 0..<output.count { output[i] = inputs[0][i] * inputs[0][i] * inputs[0][i] + inputs[1][i] }
            }, backward: { inputs, _, gradient, inputGradients in
                #expect(inputGradients[1] == nil)
                for i in 0..<gradient.count { inputGradients[0]?[i] += 3 * inputs[0][i] * inputs[0][i] * gradient[i] }
            })
        }
        expectGradientsMatch([x, constant], cube)
        #expect(constant.grad == nil)
    }

    @Test("nothing is recorded without gradients")
    func inference() {
        let x = variable([3])
        let y = Tensor.withoutGradients { Tensor.custom(ScaledSquare(), inputs: [x, Tensor(repeating: 1, shape: [3])]) }
        #expect(!y.requiresGrad)
        #expect(y.node == nil)
    }
}
