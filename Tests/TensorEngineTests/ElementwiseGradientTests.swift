import Testing
@testable import TensorEngine

@Suite("Element-wise operations: gradients against finite differences")
struct ElementwiseGradientTests {
    @Test("binary operations broadcast and differentiate", arguments: [
        ([2, 3, 4], [3, 1]), ([2, 3, 4], [4]), ([2, 3, 4], []), ([3, 1], [1, 4]), ([2, 3, 4], [2, 3, 4]),
    ])
    func binary(shapes: ([Int], [Int])) {
        let a = variable(shapes.0, seed: 1), b = variable(shapes.1, 0.5...2, seed: 2)
        expectGradientsMatch([a, b]) { $0[0] + $0[1] }
        expectGradientsMatch([a, b]) { $0[0] - $0[1] }
        expectGradientsMatch([a, b]) { $0[0] * $0[1] }
        expectGradientsMatch([a, b]) { $0[0] / $0[1] }
        expectGradientsMatch([a, b]) { $0[1] / ($0[0] * $0[0] + 1) }
    }

    @Test("broadcast result shape and values follow NumPy")
    func broadcastValues() {
        let a = Tensor(shape: [2, 1], scalars: [1, 2]), b = Tensor(shape: [3], scalars: [10, 20, 30])
        let c = a + b
        #expect(c.shape == [2, 3])
        #expect(c.scalars == [11, 21, 31, 12, 22, 32])
        #expect((2 - a).scalars == [1, 0])
        #expect((-b).scalars == [-10, -20, -30])
    }

    @Test("a tensor used twice accumulates both gradients")
    func reuse() {
        let x = variable([5])
        expectGradientsMatch([x]) { $0[0] * $0[0] + $0[0].exp() * $0[0] }
    }

    @Test("unary functions")
    func unary() {
        let x = variable([3, 5], -2...2), positive = variable([3, 5], 0.3...3, seed: 3)
        expectGradientsMatch([x]) { $0[0].exp() }
        expectGradientsMatch([positive]) { $0[0].log() }
        expectGradientsMatch([positive]) { $0[0].sqrt() }
        expectGradientsMatch([x]) { $0[0].tanh() }
        expectGradientsMatch([x]) { $0[0].sigmoid() }
        expectGradientsMatch([x]) { $0[0].gelu() }
        expectGradientsMatch([x]) { $0[0].asinh() }
        expectGradientsMatch([x]) { $0[0].squared() }
        expectGradientsMatch([x]) { $0[0].sin() }
        expectGradientsMatch([x]) { $0[0].cos() }
        expectGradientsMatch([positive]) { $0[0].pow(1.5) }
    }

    @Test("clamp passes the gradient inside the interval only")
    func clamp() {
        let x = Tensor(shape: [4], scalars: [-2, -0.5, 0.5, 2], requiresGrad: true)
        expectGradientsMatch([x]) { $0[0].clamped(min: -1, max: 1) }
        x.zeroGrad()
        x.clamped(min: -1, max: 1).sum().backward()
        #expect(x.grad!.scalars == [0, 1, 1, 0])
    }

    @Test("values agree with the definitions (GELU exact erf form as PyTorch)")
    func values() {
        let x = Tensor(shape: [3], scalars: [-1, 0.5, 1])
        // torch.nn.functional.gelu(torch.tensor([-1., 0.5, 1.])) = [-0.15865526, 0.34573123, 0.84134474]
        let gelu = x.gelu().scalars
        for (got, want) in zip(gelu, [Float(-0.15865526), 0.34573123, 0.84134474]) { #expect(abs(got - want) < 1e-6) }
        let asinh = x.asinh().scalars
        #expect(abs(asinh[2] - 0.88137359) < 1e-6)
        #expect(abs(x.sigmoid().scalars[0] - 0.26894142) < 1e-6)
    }
}
