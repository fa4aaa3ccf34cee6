import Foundation
import Testing
@testable import TensorEngine

@Suite("Transformer encoder")
struct TransformerTests {
    let tiny = TransformerConfiguration(inputSize: 3, modelSize: 8, heads: 2, feedForwardSize: 12, layers: 2,
                                        outputSize: 2, maxSequenceLength: 5)

    @Test("whole-model gradient of every parameter against finite differences")
    func wholeModelGradient() {
        let model = TransformerEncoder(configuration: tiny, seed: 3)
        var generator = Xoshiro256StarStar(seed: 4)
        let x = Tensor(normal: [2, 5, 3], using: &generator)
        let target = Tensor(uniform: [2, 5, 2], lower: 0, upper: 1, using: &generator)
        let names = model.namedParameters.map(\.name)
        #expect(names.count == 4 + 12 * 2)
        expectGradientsMatch(model.parameters + [x.detached()], epsilon: 5e-3) { _ in
            (model(x).sigmoid() - target).squared().mean(axes: [2])
        }
    }

    /// Reference: PyTorch 2.13 `nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 12, dropout=0,
    /// activation="gelu", batch_first=True, norm_first=True), 2)` between `nn.Linear(3, 8)` + the same
    /// sinusoidal table and `nn.Linear(8, 2)`, in float64, with parameter p's element i (in this
    /// engine's layout; PyTorch's weights are the transposes) = 0.3·sin(1.7p + 0.31i + 0.5) and
    /// input element i = cos(0.11i).
    @Test("output equals PyTorch's nn.TransformerEncoder (pre-LN, exact GELU) with the same weights")
    func matchesPyTorch() {
        let model = TransformerEncoder(configuration: tiny, seed: 0)
        for (p, parameter) in model.parameters.enumerated() {
            parameter.assign((0..<parameter.count).map { i in Float(0.3 * sin(1.7 * Double(p) + 0.31 * Double(i) + 0.5)) })
        }
        let x = Tensor(shape: [2, 5, 3], scalars: (0..<30).map { Float(cos(0.11 * Double($0))) })
        let expected: [Float] = [
            0.1228596, -0.1184084, 0.1757127, -0.0227521, -0.0493668, -0.2522176, -0.3091008, -0.5590010, -0.3227962,
            -0.6161737, 0.2573502, 0.0549718, 0.3118571, 0.1614803, 0.0739365, -0.0760516, -0.2124863, -0.4106123,
            -0.2617288, -0.5098287,
        ]
        let y = model(x).scalars
        #expect(y.count == expected.count)
        for (got, want) in zip(y, expected) { #expect(abs(got - want) < 2e-5, "\(got) vs PyTorch \(want)") }
    }

    @Test("the same seed gives the same weights; another seed does not")
    func deterministic() {
        let a = TransformerEncoder(configuration: tiny, seed: 11), b = TransformerEncoder(configuration: tiny, seed: 11),
            c = TransformerEncoder(configuration: tiny, seed: 12)
        #expect(a.parameters.map(\.scalars) == b.parameters.map(\.scalars))
        #expect(a.parameters.map(\.scalars) != c.parameters.map(\.scalars))
    }

    @Test("inference records nothing and equals the training path")
    func inference() {
        let model = TransformerEncoder(configuration: tiny, seed: 1)
        var generator = Xoshiro256StarStar(seed: 2)
        let x = Tensor(normal: [3, 4, 3], using: &generator)
        let recorded = model(x)
        let plain = Tensor.withoutGradients { model(x) }
        #expect(recorded.requiresGrad && !plain.requiresGrad && plain.node == nil)
        #expect(recorded.scalars == plain.scalars)
    }

    /// Every parameter random (the packed attention bias and the layer-norm parameters too, which
    /// initialisation leaves at 0 and 1 and which the fused path rearranges), at the benchmark's sizes
    /// and at a shorter length, with a last chunk that is not full.
    @Test("fast inference path (predict) equals the autodiff forward pass within 1e-5", arguments: [64, 37])
    func predict(length: Int) {
        let model = TransformerEncoder(configuration: .nmmSmall, seed: 1)
        var generator = Xoshiro256StarStar(seed: 2)
        for parameter in model.parameters {
            let isGain = model.namedParameters.contains { $0.tensor === parameter && $0.name.hasSuffix("Norm.gain") }
            let values = Tensor(normal: parameter.shape, standardDeviation: 0.1, using: &generator).scalars
            parameter.assign(values.map { isGain ? 1 + $0 : $0 })
        }
        let x = Tensor(normal: [11, length, 7], using: &generator)
        let recorded = model(x)
        let fast = model.predict(x, threads: 2, windowsPerChunk: 4)
        #expect(fast.shape == [11, length, 6] && !fast.requiresGrad)
        let worst = zip(fast.scalars, recorded.scalars).map { abs($0 - $1) }.max() ?? .infinity
        let largest = recorded.scalars.map(abs).max() ?? 0
        #expect(worst < 1e-5, "largest difference \(worst) in outputs up to \(largest)")
        // A second call reuses the model's buffers and gives the same numbers.
        #expect(model.predict(x, threads: 2, windowsPerChunk: 4).scalars == fast.scalars)
        // Excitations: the sigmoid fused into the last pass, as applied to the autodiff output.
        let excitations = model.predict(x, threads: 2, sigmoid: true).scalars
        let worstExcitation = zip(excitations, recorded.sigmoid().scalars).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worstExcitation < 1e-5, "largest excitation difference \(worstExcitation)")
    }

    @Test("replicas share weights and keep their own gradients")
    func replicas() {
        let model = TransformerEncoder(configuration: tiny, seed: 1), copy = model.replica()
        var generator = Xoshiro256StarStar(seed: 2)
        let x = Tensor(normal: [2, 5, 3], using: &generator)
        model(x).sum().backward()
        #expect(copy.parameters.allSatisfy { $0.grad == nil })
        copy(x).sum().backward()
        for (p, r) in zip(model.parameters, copy.parameters) {
            #expect(p.grad!.scalars == r.grad!.scalars)
            p.accumulateGradient(from: r)
        }
        model.parameters[0].storage.pointer[0] += 1
        #expect(copy.parameters[0].storage.pointer[0] == model.parameters[0].storage.pointer[0])
    }

    @Test("data-parallel shards on two threads give the whole batch's gradient")
    func dataParallel() {
        let model = TransformerEncoder(configuration: tiny, seed: 9)
        var generator = Xoshiro256StarStar(seed: 10)
        let x = Tensor(normal: [4, 5, 3], using: &generator), target = Tensor(normal: [4, 5, 2], using: &generator)
        (model(x) - target).squared().mean().backward()
        let whole = model.parameters.map { $0.grad!.scalars }
        model.parameters.forEach { $0.zeroGrad() }
        let replicas = [model, model.replica()]
        Parallel.run(2, threads: 2) { i in
            let rows = (2 * i)..<(2 * i + 2)
            ((replicas[i](x.slice(axis: 0, rows)) - target.slice(axis: 0, rows)).squared().mean() * 0.5).backward()
        }
        for (p, r) in zip(model.parameters, replicas[1].parameters) { p.accumulateGradient(from: r) }
        for (sharded, full) in zip(model.parameters.map { $0.grad!.scalars }, whole) {
            for (a, b) in zip(sharded, full) { #expect(abs(a - b) <= 1e-5 + 1e-4 * abs(b)) }
        }
    }

    /// Task: the output at frame t is the input of frame t−2 (zero for t < 2); solving it needs
    /// attention to another position. Untrained MSE 0.44 (predicting 0 would give 0.25); after 400
    /// AdamW steps it reaches 0.0002 here; the stated target is < 0.02.
    @Test("learns a delayed-copy sequence task to MSE < 0.02")
    func learnsSequenceTask() {
        let config = TransformerConfiguration(inputSize: 1, modelSize: 16, heads: 2, feedForwardSize: 32, layers: 1,
                                              outputSize: 1, maxSequenceLength: 8)
        let model = TransformerEncoder(configuration: config, seed: 5)
        let optimiser = Adam(groups: [ParameterGroup(parameters: model.parameters, learningRate: 1e-2)],
                             variant: .adamW, schedule: WarmupCosineSchedule(warmupSteps: 20, totalSteps: 400, minimumFactor: 0.05))
        var generator = Xoshiro256StarStar(seed: 6)
        func batch() -> (Tensor, Tensor) {
            let x = Tensor(uniform: [32, 8, 1], lower: -1, upper: 1, using: &generator)
            let y = Tensor(zeros: [32, 8, 1])
            for b in 0..<32 { for t in 2..<8 { y.storage.pointer[b * 8 + t] = x.storage.pointer[b * 8 + t - 2] } }
            return (x, y)
        }
        var last: Float = .infinity
        for _ in 0..<400 {
            let (x, y) = batch()
            optimiser.zeroGrad()
            let loss = (model(x) - y).squared().mean()
            loss.backward()
            clipGradientNorm(optimiser.allParameters, maxNorm: 1)
            optimiser.step()
        }
        let (x, y) = batch()
        last = Tensor.withoutGradients { (model(x) - y).squared().mean().item }
        #expect(last < 0.02, "held-out MSE \(last)")
    }
}
