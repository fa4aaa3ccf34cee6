import Testing
@testable import TensorEngine

@Suite("Reductions, shapes and products: gradients against finite differences")
struct StructuralGradientTests {
    @Test("sum and mean over axes")
    func reductions() {
        let x = variable([2, 3, 4])
        expectGradientsMatch([x]) { $0[0].sum(axes: [1]) }
        expectGradientsMatch([x]) { $0[0].sum(axes: [0, 2], keepingDimensions: true) }
        expectGradientsMatch([x]) { $0[0].mean(axes: [-1]) }
        expectGradientsMatch([x]) { $0[0].mean() }
        let y = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(y.sum(axes: [0]).scalars == [5, 7, 9])
        #expect(y.sum(axes: [1], keepingDimensions: true).shape == [2, 1])
        #expect(y.mean(axes: [1]).scalars == [2, 5])
        #expect(y.sum().item == 21)
    }

    @Test("reshape, transpose, slice, gather, concatenate")
    func shapes() {
        let x = variable([2, 3, 4]), y = variable([2, 2, 4], seed: 5)
        expectGradientsMatch([x]) { $0[0].reshaped([6, -1]) * $0[0].reshaped([6, 4]) }
        expectGradientsMatch([x]) { $0[0].transposed([2, 0, 1]) }
        expectGradientsMatch([x]) { $0[0].transposed() }
        expectGradientsMatch([x]) { $0[0].slice(axis: 1, 1..<3) }
        expectGradientsMatch([x]) { $0[0].gather(axis: 2, indices: [3, 0, 3]) }
        expectGradientsMatch([x, y]) { Tensor.concatenate([$0[0], $0[1], $0[0]], axis: 1) }
        let m = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(m.transposed().scalars == [1, 4, 2, 5, 3, 6])
        #expect(m.slice(axis: 1, 1..<3).scalars == [2, 3, 5, 6])
        #expect(m.gather(axis: 0, indices: [1, 1]).scalars == [4, 5, 6, 4, 5, 6])
        #expect(Tensor.concatenate([m, m], axis: 0).shape == [4, 3])
    }

    @Test("matrix products: plain, shared right factor, batched")
    func matmul() {
        let a = variable([3, 4]), b = variable([4, 2], seed: 2), batched = variable([2, 3, 4], seed: 3),
            right = variable([2, 4, 5], seed: 4)
        expectGradientsMatch([a, b]) { Tensor.matmul($0[0], $0[1]) }
        expectGradientsMatch([batched, b]) { Tensor.matmul($0[0], $0[1]) }
        expectGradientsMatch([batched, right]) { Tensor.matmul($0[0], $0[1]) }
        let p = Tensor.matmul(Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]), Tensor(shape: [2, 1], scalars: [5, 6]))
        #expect(p.scalars == [17, 39])
    }

    @Test("softmax along the last and a middle axis")
    func softmax() {
        let x = variable([2, 3, 4], -2...2)
        expectGradientsMatch([x]) { $0[0].softmax() }
        expectGradientsMatch([x]) { $0[0].softmax(axis: 1) }
        let s = Tensor(shape: [3], scalars: [1, 2, 3]).softmax().scalars
        for (got, want) in zip(s, [Float(0.09003057), 0.24472847, 0.66524096]) { #expect(abs(got - want) < 1e-6) }
    }

    @Test("layer norm: gradients for input, gain and bias; normalised output")
    func layerNorm() {
        let x = variable([3, 6], -2...2), gain = variable([6], 0.5...1.5, seed: 2), bias = variable([6], seed: 3)
        expectGradientsMatch([x, gain, bias]) { $0[0].layerNorm(gain: $0[1], bias: $0[2]) }
        let y = x.layerNorm(gain: Tensor(repeating: 1, shape: [6]), bias: Tensor(zeros: [6]))
        let row = Array(y.scalars[0..<6])
        let mean = row.reduce(0, +) / 6
        let variance = row.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 6
        #expect(abs(mean) < 1e-6)
        #expect(abs(variance - 1) < 1e-3)
    }

    @Test("fused linear, with and without GELU, equals matmul + bias (+ gelu)")
    func linear() {
        let x = variable([2, 3, 4]), w = variable([4, 5], seed: 2), b = variable([5], seed: 3)
        expectGradientsMatch([x, w, b]) { $0[0].linear(weight: $0[1], bias: $0[2]) }
        expectGradientsMatch([x, w, b]) { $0[0].linear(weight: $0[1], bias: $0[2], activation: .gelu) }
        expectGradientsMatch([x, w]) { $0[0].linear(weight: $0[1], bias: nil) }
        let fused = x.linear(weight: w, bias: b, activation: .gelu).scalars
        let composed = (Tensor.matmul(x, w) + b).gelu().scalars
        for (f, c) in zip(fused, composed) { #expect(abs(f - c) < 1e-5) }
    }

    @Test("fused self-attention: gradients, and values equal to composed matmul/softmax")
    func attention() {
        let qkv = variable([2, 5, 12], -1.5...1.5)
        expectGradientsMatch([qkv]) { $0[0].selfAttention(heads: 2) }
        // Reference from separate operations: per head, softmax(Q·Kᵀ/√d)·V.
        let fused = qkv.selfAttention(heads: 2)
        let heads = (0..<2).map { h -> Tensor in
            let q = qkv.slice(axis: 2, (h * 2)..<(h * 2 + 2)), k = qkv.slice(axis: 2, (4 + h * 2)..<(4 + h * 2 + 2)),
                v = qkv.slice(axis: 2, (8 + h * 2)..<(8 + h * 2 + 2))
            return Tensor.matmul((Tensor.matmul(q, k.transposed()) * (1 / Float(2).squareRoot())).softmax(), v)
        }
        let composed = Tensor.concatenate(heads, axis: 2)
        for (f, c) in zip(fused.scalars, composed.scalars) { #expect(abs(f - c) < 1e-5) }
    }
}
