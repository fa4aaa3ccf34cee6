import Musculoskeletal
import TensorEngine

/// The nmm-small training workload of ../shared/bench/torch_reference.py: windows B=32 × T=64 of
/// F=7 features → Transformer (d_model 64, 4 heads, FF 128, 2 pre-LN layers) → Linear(64→6) +
/// sigmoid = excitations → rigid-tendon DeGroote torque with 18 bounded scales (Musculoskeletal's fused
/// `TensorMuscleModel.torques`); loss = MSE(4 measured excitations) + MSE(torque/20); Adam, lr 1e-3.
///
/// The torque is OpenSim 4.6's `DeGrooteFregly2016Muscle` with a rigid tendon. The reference writes the same
/// model but for one constant: its active force-length curve has b11 = 0.814483478343008 (the published
/// optcntrlmuscle code) where OpenSim has 0.8150671134243542, so that the curve passes through (1, 1); nmm uses
/// OpenSim's. (Both also hold the along-tendon fibre length above a floor — 1e-4 m there, 0.01 optimal fibre
/// lengths here — that the benchmark's lengths never reach.)
///
/// The batch is split into equal shards, each with a replica of the model sharing the weights,
/// run on `threads` threads; the replicas' gradients are summed before the Adam step (data
/// parallelism — equal in value to one pass over the whole batch). With two shards per thread a
/// thread that the machine's other processes slow down holds the step up less.
final class NMMSmallWorkload {
    static let batch = 32, length = 64, features = 7, muscles = 6
    static let measured = [0, 1, 3, 4]
    /// The six elbow muscles of the reference (arm26's numbers), rigid tendon, OpenSim's other defaults.
    static let muscleModel = TensorMuscleModel(muscles: zip(
        zip(["TRIlong", "TRIlat", "TRImed", "BIClong", "BICshort", "BRA"], [798.5, 624.3, 624.3, 624.3, 435.6, 987.3]),
        zip(zip([0.134, 0.1138, 0.1138, 0.1157, 0.1321, 0.0858], [0.143, 0.098, 0.0908, 0.2723, 0.1923, 0.0535]),
            [0.2094, 0.1571, 0.1571, 0.0, 0.0, 0.0])
    ).map { named, geometry in
        DeGrooteFregly2016Muscle<Double>(name: named.0, maxIsometricForce: named.1, optimalFiberLength: geometry.0.0,
                                         tendonSlackLength: geometry.0.1, pennationAngleAtOptimal: geometry.1,
                                         ignoreTendonCompliance: true)
    })

    let model: TransformerEncoder
    let scaleRaw: Tensor
    let optimiser: Adam
    private let shards: [Shard]

    /// One thread's part of the batch and its replicas of the parameters.
    private struct Shard {
        let model: TransformerEncoder
        /// Unbounded scale parameters `[3, M]` (max isometric force, optimal fibre length, tendon slack length);
        /// the scales are `0.5 + sigmoid(raw)`.
        let scaleRaw: Tensor
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
                         scaleRaw: i == 0 ? scaleRaw : Tensor(sharingValuesOf: scaleRaw),
                         x: x.slice(axis: 0, rows), emg: emg.slice(axis: 0, rows), lmt: lmt.slice(axis: 0, rows),
                         vmt: vmt.slice(axis: 0, rows), r: r.slice(axis: 0, rows), tau: tau.slice(axis: 0, rows),
                         weight: Float(part) / Float(b))
        }
    }

    /// The loss of one shard, as a share of the whole batch's loss.
    private func loss(_ shard: Shard) -> Tensor {
        let excitation = shard.model(shard.x).sigmoid()
        let emgLoss = (excitation.gather(axis: 2, indices: Self.measured) - shard.emg).squared().mean()
        let (b, t, m) = (shard.r.shape[0], Self.length, Self.muscles)
        let torque = Self.muscleModel.torques(
            activation: excitation, musculotendonLength: shard.lmt, musculotendonVelocity: shard.vmt,
            momentArms: shard.r.reshaped([b, t, 1, m]), parameterScales: 0.5 + shard.scaleRaw.sigmoid()
        ).reshaped([b, t])
        let torqueLoss = ((torque - shard.tau) / 20).squared().mean()
        return (emgLoss + torqueLoss) * shard.weight
    }

    /// One Adam step on the whole batch; returns the loss before the step.
    @discardableResult
    func step() -> Float {
        optimiser.zeroGrad()
        for shard in shards.dropFirst() { shard.model.parameters.forEach { $0.zeroGrad() }; shard.scaleRaw.zeroGrad() }
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
            for (master, replica) in zip(model.parameters + [scaleRaw], shard.model.parameters + [shard.scaleRaw]) {
                master.accumulateGradient(from: replica)
            }
        }
        optimiser.step()
        return losses.reduce(0, +)
    }

    /// Excitations `[N, T, 6]` for `windows` (`[N, T, F]`) without recording a graph, on `threads` threads.
    @discardableResult
    func infer(_ windows: Tensor) -> Tensor {
        model.predict(windows, threads: threads, sigmoid: true)
    }
}
