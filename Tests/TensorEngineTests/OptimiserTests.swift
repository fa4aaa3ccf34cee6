import Testing
@testable import TensorEngine

@Suite("Optimisers, clipping and schedules")
struct OptimiserTests {
    /// Three steps on loss = Σ w³ + Σ c·w; expected weights printed by PyTorch 2.13
    /// (torch.optim.Adam / AdamW, lr 0.1, weight_decay 0.1).
    @Test("Adam and AdamW match PyTorch", arguments: [
        (Adam.Variant.adam, [Float(0.2027692), -1.3004887, 1.7022449]),
        (Adam.Variant.adamW, [Float(0.1910153), -1.2678047, 1.6465926]),
    ])
    func matchesPyTorch(variant: Adam.Variant, expected: [Float]) {
        let w = Tensor(shape: [3], scalars: [0.5, -1, 2], requiresGrad: true)
        let c = Tensor(shape: [3], scalars: [1, 2, -3])
        let optimiser = Adam(groups: [ParameterGroup(parameters: [w], learningRate: 0.1, weightDecay: 0.1)], variant: variant)
        for _ in 0..<3 {
            optimiser.zeroGrad()
            ((w * w * w).sum() + (w * c).sum()).backward()
            optimiser.step()
        }
        for (got, want) in zip(w.scalars, expected) { #expect(abs(got - want) < 1e-5) }
    }

    @Test("each parameter group uses its own learning rate")
    func groups() {
        let fast = Tensor(shape: [1], scalars: [0], requiresGrad: true), slow = Tensor(shape: [1], scalars: [0], requiresGrad: true)
        let optimiser = Adam(groups: [ParameterGroup(parameters: [fast], learningRate: 0.1),
                                      ParameterGroup(parameters: [slow], learningRate: 0.01)])
        (fast + slow).sum().backward()
        optimiser.step()
        // Adam's first step moves each weight by its learning rate against the gradient's sign.
        #expect(abs(fast.item + 0.1) < 1e-6)
        #expect(abs(slow.item + 0.01) < 1e-6)
    }

    @Test("global-norm clipping matches torch.nn.utils.clip_grad_norm_")
    func clipping() {
        let p = Tensor(shape: [2], scalars: [0, 0], requiresGrad: true)
        (p * Tensor(shape: [2], scalars: [3, 4])).sum().backward()
        let norm = clipGradientNorm([p], maxNorm: 1)
        #expect(norm == 5)
        #expect(abs(p.grad!.scalars[0] - 0.6) < 1e-6 && abs(p.grad!.scalars[1] - 0.8) < 1e-6)
        #expect(clipGradientNorm([p], maxNorm: 10) < 1.0001)
        #expect(abs(p.grad!.scalars[0] - 0.6) < 1e-6)
    }

    @Test("warm-up then cosine decay")
    func schedule() {
        let s = WarmupCosineSchedule(warmupSteps: 10, totalSteps: 110, minimumFactor: 0.1)
        #expect(abs(s.factor(atStep: 0) - 0.1) < 1e-6)
        #expect(abs(s.factor(atStep: 9) - 1) < 1e-6)
        #expect(abs(s.factor(atStep: 60) - 0.55) < 1e-6)
        #expect(abs(s.factor(atStep: 110) - 0.1) < 1e-6)
        #expect(abs(s.factor(atStep: 500) - 0.1) < 1e-6)
        let w = Tensor(shape: [1], scalars: [0], requiresGrad: true)
        let optimiser = Adam(groups: [ParameterGroup(parameters: [w], learningRate: 1)], schedule: s)
        w.sum().backward()
        optimiser.step()
        #expect(abs(w.item + 0.1) < 1e-6)
    }
}
