import Estimation
import Musculoskeletal
import TensorEngine

/// The nmm-small training workload of ../shared/bench/torch_reference.py: windows B=32 × T=64 of
/// F=7 features → Transformer (d_model 64, 4 heads, FF 128, 2 pre-LN layers) → Linear(64→6) +
/// sigmoid = excitations = activations → rigid-tendon DeGroote forces and elbow torque with bounded scale factors
/// of max isometric force, optimal fibre length and tendon slack length; loss = MSE(4 measured excitations) +
/// MSE(torque/20); Adam, lr 1e-3.
///
/// The torque runs through Musculoskeletal's ``MuscleSystem`` — `forces(activation:geometry:sampleInterval:parameters:)` and its
/// backward pass, the very code every fit trains with — and enters the network's graph as the linear term Σ e·∂L/∂e,
/// as ``NMMTrainer`` does; the scale factors are a ``PersonalizedParameters`` θ (its time constants and delay
/// unused, as the reference has no activation dynamics).
///
/// The muscles are OpenSim 4.6's `DeGrooteFregly2016Muscle` with a rigid tendon. The reference writes the same
/// model but for one constant: its active force-length curve has b11 = 0.814483478343008 (the published
/// optcntrlmuscle code) where OpenSim has 0.8150671134243542, so that the curve passes through (1, 1); nmm uses
/// OpenSim's. (Both also hold the along-tendon fibre length above a floor — 1e-4 m there, 0.01 optimal fibre
/// lengths here — that the benchmark's lengths never reach.)
///
/// The batch is split into equal shards, each with a replica of the network sharing the weights, run on `threads`
/// threads; the replicas' gradients are summed in shard order before the Adam step (data parallelism — equal in
/// value to one pass over the whole batch). With two shards per thread a thread that the machine's other
/// processes slow down holds the step up less.
final class NMMSmallWorkload {
    static let batch = 32, length = 64, features = 7, muscles = 6
    static let measured = [0, 1, 3, 4]
    /// The windows' frame interval (s), 100 Hz (the rigid tendons do not use it).
    static let sampleInterval = 0.01
    /// The six elbow muscles of the reference (arm26's numbers), rigid tendon, OpenSim's other defaults.
    static let system = MuscleSystem(muscles: zip(
        zip(["TRIlong", "TRIlat", "TRImed", "BIClong", "BICshort", "BRA"], [798.5, 624.3, 624.3, 624.3, 435.6, 987.3]),
        zip(zip([0.134, 0.1138, 0.1138, 0.1157, 0.1321, 0.0858], [0.143, 0.098, 0.0908, 0.2723, 0.1923, 0.0535]),
            [0.2094, 0.1571, 0.1571, 0.0, 0.0, 0.0])
    ).map { named, geometry in
        DeGrooteFregly2016Muscle<Double>(name: named.0, maxIsometricForce: named.1, optimalFiberLength: geometry.0.0,
                                         tendonSlackLength: geometry.0.1, pennationAngleAtOptimal: geometry.1,
                                         ignoreTendonCompliance: true)
    })

    let model: TransformerEncoder
    /// The unconstrained parameters θ of the muscles' scale factors.
    let theta: Tensor
    let optimiser: Adam
    private let shards: [Shard]
    let threads: Int

    /// One thread's part of the batch and its replica of the network.
    private struct Shard {
        let model: TransformerEncoder
        let x, emg: Tensor
        /// Each window's musculotendon lengths, velocities and elbow moment arms.
        let windows: [MusculotendonKinematics]
        /// Each window's target torque.
        let tau: [[Double]]
        let weight: Float
    }

    init(threads: Int, seed: UInt64 = 0) {
        let shardCount = threads == 1 ? 1 : 2 * threads
        precondition(Self.batch % shardCount == 0, "2 × threads must divide the batch of \(Self.batch)")
        self.threads = threads
        let model = TransformerEncoder(configuration: .nmmSmall, seed: seed)
        let theta = Tensor(shape: [PersonalizedParameters(muscleCount: Self.muscles).count],
                           scalars: PersonalizedParameters(muscleCount: Self.muscles).theta.map(Float.init), requiresGrad: true)
        self.model = model
        self.theta = theta
        optimiser = Adam(groups: [ParameterGroup(parameters: model.parameters + [theta], learningRate: 1e-3)])
        var generator = Xoshiro256StarStar(seed: seed &+ 1)
        let (b, t, m) = (Self.batch, Self.length, Self.muscles)
        let x = Tensor(normal: [b, t, Self.features], using: &generator)
        let emg = Tensor(uniform: [b, t, Self.measured.count], lower: 0, upper: 1, using: &generator)
        let lmt = (Tensor(shape: [m], scalars: [0.30, 0.18, 0.17, 0.40, 0.32, 0.14])
            * (1 + 0.05 * Tensor(normal: [b, t, m], using: &generator))).scalars
        let vmt = Tensor(normal: [b, t, m], standardDeviation: 0.05, using: &generator).scalars
        let arms: [Double] = [-0.02, -0.02, -0.02, 0.045, 0.045, 0.02]
        let tau = Tensor(normal: [b, t], standardDeviation: 10, using: &generator).scalars
        let windows = (0..<b).map { w in
            MusculotendonKinematics(
                muscles: Self.system.muscleNames, coordinates: ["r_elbow_flex"],
                length: (0..<m).map { i in (0..<t).map { Double(lmt[(w * t + $0) * m + i]) } },
                velocity: (0..<m).map { i in (0..<t).map { Double(vmt[(w * t + $0) * m + i]) } },
                momentArm: [(0..<m).map { i in [Double](repeating: arms[i], count: t) }])
        }
        let part = b / shardCount
        shards = (0..<shardCount).map { i in
            let rows = (i * part)..<((i + 1) * part)
            return Shard(model: i == 0 ? model : model.replica(), x: x.slice(axis: 0, rows), emg: emg.slice(axis: 0, rows),
                         windows: Array(windows[rows]), tau: rows.map { w in (0..<t).map { Double(tau[w * t + $0]) } },
                         weight: Float(part) / Float(b))
        }
    }

    /// One shard's share of the batch's loss: the graph whose backward pass gives the network's gradients, the
    /// loss's value and ∂L/∂θ.
    private func loss(_ shard: Shard, parameters: PersonalizedParameters) -> (graph: Tensor, value: Double, theta: [Double]) {
        let excitation = shard.model(shard.x).sigmoid()
        let emgLoss = (excitation.gather(axis: 2, indices: Self.measured) - shard.emg).squared().mean()
        let (n, t, m) = (shard.windows.count, Self.length, Self.muscles)
        let values = excitation.scalars
        let frames = Double(Self.batch * t)
        var physics = [Float](repeating: 0, count: n * t * m)
        var dTheta = [Double](repeating: 0, count: parameters.count)
        var torqueLoss = 0.0
        for w in 0..<n {
            let activation = (0..<m).map { i in (0..<t).map { Double(values[(w * t + $0) * m + i]) } }
            let pass = Self.system.forces(activation: activation, geometry: shard.windows[w], sampleInterval: Self.sampleInterval, parameters: parameters)
            let error = zip(pass.torque[0], shard.tau[w]).map { ($0 - $1) / 20 }
            torqueLoss += error.reduce(0) { $0 + $1 * $1 } / frames
            let back = Self.system.backward(pass, torqueGradient: [error.map { 2 * $0 / 20 / frames }], geometry: shard.windows[w])
            for i in 0..<m { for k in 0..<t { physics[(w * t + k) * m + i] = Float(back.activation[i][k]) } }
            for j in dTheta.indices { dTheta[j] += back.theta[j] }
        }
        let emgShare = emgLoss * shard.weight
        return (emgShare + (excitation * Tensor(shape: [n, t, m], scalars: physics)).sum(), Double(emgShare.item) + torqueLoss, dTheta)
    }

    /// One Adam step on the whole batch; returns the loss before the step.
    @discardableResult
    func step() -> Float {
        optimiser.zeroGrad()
        for shard in shards.dropFirst() { shard.model.parameters.forEach { $0.zeroGrad() } }
        var parameters = PersonalizedParameters(muscleCount: Self.muscles)
        parameters.theta = theta.scalars.map(Double.init)
        let results = [(value: Double, theta: [Double])](unsafeUninitializedCapacity: shards.count) { buffer, count in
            let base = buffer.baseAddress!
            Parallel.run(shards.count, threads: threads) { i in
                let result = loss(shards[i], parameters: parameters)
                result.graph.backward()
                (base + i).initialize(to: (result.value, result.theta))
            }
            count = shards.count
        }
        for shard in shards.dropFirst() {
            for (master, replica) in zip(model.parameters, shard.model.parameters) { master.accumulateGradient(from: replica) }
        }
        let dTheta = results.reduce(into: [Double](repeating: 0, count: parameters.count)) { sum, shard in
            for j in sum.indices { sum[j] += shard.theta[j] }
        }
        (theta * Tensor(shape: [theta.count], scalars: dTheta.map(Float.init))).sum().backward()
        optimiser.step()
        return Float(results.reduce(0) { $0 + $1.value })
    }

    /// Excitations `[N, T, 6]` for `windows` (`[N, T, F]`) without recording a graph, on `threads` threads.
    @discardableResult
    func infer(_ windows: Tensor) -> Tensor {
        model.predict(windows, threads: threads, sigmoid: true)
    }
}
