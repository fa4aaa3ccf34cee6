import Musculoskeletal
import TensorEngine

extension NMMTrainer {
    /// The batch is cut into this many shards whatever the machine's core count, so that a seed gives the same
    /// numbers everywhere (the sums over shards are taken in shard order).
    static let shardCount = 4

    /// Contiguous, near-equal ranges of `batchSize` windows, one per shard.
    static func shardRanges(batchSize: Int) -> [Range<Int>] {
        let shards = min(shardCount, batchSize)
        return (0..<shards).map { s in (s * batchSize / shards)..<((s + 1) * batchSize / shards) }
    }

    /// One training window: its trial, first frame, and whether its EMG inputs are masked.
    struct WindowPick {
        var trial: Int
        var start: Int
        var masksEMG: Bool
    }

    /// Windows of one shard: the network's inputs `[N, T, inputs]`, the measured EMG `[N, T, measured]` and the windows.
    struct TrainingBatch {
        var picks: [WindowPick]
        var x: Tensor
        var y: Tensor
        var windows: [EstimationTrial]

        init(picks: [WindowPick], length t: Int, rows: [[[Float]]], maskedRows: [[[Float]]], fitting: [EstimationTrial],
             measured: [(muscle: Int, channel: String)], inputCount: Int) {
            self.picks = picks
            x = Tensor(shape: [picks.count, t, inputCount], scalars: picks.flatMap { pick in
                (pick.masksEMG ? maskedRows : rows)[pick.trial][pick.start..<(pick.start + t)].flatMap { $0 }
            })
            y = Tensor(shape: [picks.count, t, measured.count], scalars: picks.flatMap { pick in
                (0..<t).flatMap { k in measured.map { Float(fitting[pick.trial].emg[$0.channel]![pick.start + k]) } }
            })
            windows = picks.map { fitting[$0.trial].frames($0.start..<($0.start + t)) }
        }
    }

    /// What one shard contributes to a step: its shares of the batch's EMG and torque losses and of ∂L/∂θ (its
    /// network gradients are left on its replica).
    struct ShardResult {
        var emgLoss: Double
        var torqueLoss: Double
        var thetaGradient: [Double]
        /// ∂L/∂(log recruitment gain) of each hidden muscle with one.
        var logGainGradient: [Int: Double]
        /// ∂L/∂(recruitment exponent).
        var exponentGradient: Double
        /// ∂L/∂(log EMG gain) through each measured muscle (in the measured order), to be summed per channel; empty
        /// when no gains are fitted.
        var emgLogGainGradient: [Double]
    }

    /// Runs one shard of a batch of `batchSize` windows through `network` (the shard's replica) and the muscle
    /// system, and back: the network-side terms are the shard's share of the batch means, the physics terms enter
    /// as Σ e·∂L/∂e. `emgScales` (1/g per measured muscle, g its channel's fitted gain) is nil when no gains are fitted.
    func shardStep(network: TransformerEncoder, batch: TrainingBatch, batchSize b: Int, system: MuscleSystem,
                   parameters: PersonalizedParameters, torqueLoss: TorqueLoss, coordinates: [String],
                   agonistPrior: AgonistPrior, recruitment: AgonistRecruitment, fitsExponent: Bool, measured: [Int], emgScales: [Float]?,
                   unanchored: [Int]) -> ShardResult {
        let c = configuration
        let (n, t, m) = (batch.picks.count, batch.x.shape[1], system.muscles.count)
        let e = NeuralMusculoskeletalModel.excitations(of: network, batch.x)
        let values = e.scalars
        var physics = [Float](repeating: 0, count: n * t * m)
        var dTheta = [Double](repeating: 0, count: parameters.count)
        var torque = 0.0
        var dLogGain: [Int: Double] = [:]
        var dExponent = 0.0
        for (w, pick) in batch.picks.enumerated() {
            var windowLoss = torqueLoss
            if pick.start == 0 { windowLoss.warmup = 0 }
            let window = Self.physics(of: batch.windows[w], excitation: Self.unpack(values, window: w, length: t, muscles: m),
                                      system: system, parameters: parameters, torqueLoss: windowLoss, coordinates: coordinates,
                                      agonistPrior: agonistPrior, recruitment: recruitment, fitsExponent: fitsExponent,
                                      torqueWeight: c.torqueWeight / Double(b), windowCount: b)
            torque += window.torqueLoss / Double(b)
            for i in 0..<m { for k in 0..<t { physics[(w * t + k) * m + i] = Float(window.excitationGradient[i][k]) } }
            for j in dTheta.indices { dTheta[j] += window.thetaGradient[j] }
            dLogGain.merge(window.logGainGradient, uniquingKeysWith: +)
            dExponent += window.exponentGradient
        }
        // The EMG measures e/g (g the channel's gain): residual r = e·s − EMG with s = 1/g, and ∂r/∂(log g) = −e·s.
        let measuredExcitation = e.gather(axis: 2, indices: measured)
        let emgLoss = ((emgScales.map { measuredExcitation * Tensor(shape: [measured.count], scalars: $0) } ?? measuredExcitation) - batch.y)
            .squared().mean()
        var dLogEMGGain: [Double] = []
        if let emgScales {
            let recorded = batch.y.scalars
            dLogEMGGain = [Double](repeating: 0, count: measured.count)
            let emgFactor = -2 * c.emgWeight / Double(b * t * max(measured.count, 1))
            for w in 0..<n {
                for k in 0..<t {
                    for (j, muscle) in measured.enumerated() {
                        let scaled = Double(values[(w * t + k) * m + muscle]) * Double(emgScales[j])
                        dLogEMGGain[j] += emgFactor * (scaled - Double(recorded[(w * t + k) * measured.count + j])) * scaled
                    }
                }
            }
        }
        let smoothness = (e.slice(axis: 1, 1..<t) - e.slice(axis: 1, 0..<(t - 1))).squared().mean()
        var networkTerms = Float(c.emgWeight) * emgLoss + Float(c.smoothnessWeight) * smoothness
        if !unanchored.isEmpty { networkTerms = networkTerms + Float(c.effortWeight) * e.gather(axis: 2, indices: unanchored).squared().mean() }
        let share = Float(n) / Float(b)
        (share * networkTerms + (e * Tensor(shape: [n, t, m], scalars: physics)).sum()).backward()
        return ShardResult(emgLoss: Double(emgLoss.item * share), torqueLoss: torque, thetaGradient: dTheta, logGainGradient: dLogGain,
                           exponentGradient: dExponent, emgLogGainGradient: dLogEMGGain)
    }
}
