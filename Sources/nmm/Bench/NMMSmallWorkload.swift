import TensorEngine

/// The nmm-small training workload of ../shared/bench/torch_reference.py: windows B=32 × T=64 of
/// F=7 features → Transformer (d_model 64, 4 heads, FF 128, 2 pre-LN layers) → Linear(64→6) +
/// sigmoid = excitations → rigid-tendon DeGroote torque with 18 bounded scales;
/// loss = MSE(4 measured excitations) + MSE(torque/20); Adam, lr 1e-3.
///
/// The batch is split into equal shards, each with a replica of the model sharing the weights,
/// run on `threads` threads; the replicas' gradients are summed before the Adam step (data
/// parallelism — equal in value to one pass over the whole batch). With two shards per thread a
/// thread that the machine's other processes slow down holds the step up less.
final class NMMSmallWorkload {
    static let batch = 32, length = 64, features = 7, muscles = 6
    static let measured = [0, 1, 3, 4]

    let model: TransformerEncoder
    let scaleRaw: Tensor
    let optimiser: Adam
    private let shards: [Shard]

    /// One thread's part of the batch and its replicas of the parameters.
    private struct Shard {
        let model: TransformerEncoder
        let muscle: MuscleTorqueStandIn
        let x, emg, lmt, vmt, r, tau: Tensor
        let weight: Float
    }

    let threads: Int

    init(threads: Int, seed: UInt64 = 0) {
        let shardCount = threads == 1 ? 1 : 2 * threads
        precondition(Self.batch % shardCount == 0, "2 × threads must divide the batch of \(Self.batch)")
        self.threads = threads
        let model = TransformerEncoder(configuration: .nmmSmall, seed: seed)
        let scaleRaw = Tensor(zeros: [3, Self.muscles], requiresGrad: true)
        self.model = model
        self.scaleRaw = scaleRaw
        optimiser = Adam(groups: [ParameterGroup(parameters: model.parameters + [scaleRaw], learningRate: 1e-3)])
        var generator = Xoshiro256StarStar(seed: seed &+ 1)
        let (b, t, m) = (Self.batch, Self.length, Self.muscles)
        let x = Tensor(normal: [b, t, Self.features], using: &generator)
        let emg = Tensor(uniform: [b, t, Self.measured.count], lower: 0, upper: 1, using: &generator)
        let lmt = Tensor(shape: [m], scalars: [0.30, 0.18, 0.17, 0.40, 0.32, 0.14])
            * (1 + 0.05 * Tensor(normal: [b, t, m], using: &generator))
        let vmt = Tensor(normal: [b, t, m], standardDeviation: 0.05, using: &generator)
        let r = Tensor(shape: [m], scalars: [-0.02, -0.02, -0.02, 0.045, 0.045, 0.02]) * Tensor(repeating: 1, shape: [b, t, m])
        let tau = Tensor(normal: [b, t], standardDeviation: 10, using: &generator)
        let part = b / shardCount
        shards = (0..<shardCount).map { i in
            let rows = (i * part)..<((i + 1) * part)
            return Shard(model: i == 0 ? model : model.replica(),
                         muscle: MuscleTorqueStandIn(scaleRaw: i == 0 ? scaleRaw : Tensor(sharingValuesOf: scaleRaw)),
                         x: x.slice(axis: 0, rows), emg: emg.slice(axis: 0, rows), lmt: lmt.slice(axis: 0, rows),
                         vmt: vmt.slice(axis: 0, rows), r: r.slice(axis: 0, rows), tau: tau.slice(axis: 0, rows),
                         weight: Float(part) / Float(b))
        }
    }

    /// The loss of one shard, as a share of the whole batch's loss.
    private func loss(_ shard: Shard) -> Tensor {
        let excitation = shard.model(shard.x).sigmoid()
        let emgLoss = (excitation.gather(axis: 2, indices: Self.measured) - shard.emg).squared().mean()
        let torque = shard.muscle.torque(activation: excitation, length: shard.lmt, velocity: shard.vmt, momentArm: shard.r)
        let torqueLoss = ((torque - shard.tau) / 20).squared().mean()
        return (emgLoss + torqueLoss) * shard.weight
    }

    /// One Adam step on the whole batch; returns the loss before the step.
    @discardableResult
    func step() -> Float {
        optimiser.zeroGrad()
        for shard in shards.dropFirst() { shard.model.parameters.forEach { $0.zeroGrad() }; shard.muscle.scaleRaw.zeroGrad() }
        var losses = [Float](repeating: 0, count: shards.count)
        losses.withUnsafeMutableBufferPointer { out in
            let out = out
            Parallel.run(shards.count, threads: threads) { i in
                let value = loss(shards[i])
                value.backward()
                out[i] = value.item
            }
        }
        for shard in shards.dropFirst() {
            for (master, replica) in zip(model.parameters + [scaleRaw], shard.model.parameters + [shard.muscle.scaleRaw]) {
                master.accumulateGradient(from: replica)
            }
        }
        optimiser.step()
        return losses.reduce(0, +)
    }

    /// Excitations `[N, T, 6]` for `windows` (`[N, T, F]`) without recording a graph, on `threads` threads.
    @discardableResult
    func infer(_ windows: Tensor) -> Tensor {
        Tensor.withoutGradients { model.predict(windows, threads: threads).sigmoid() }
    }
}
