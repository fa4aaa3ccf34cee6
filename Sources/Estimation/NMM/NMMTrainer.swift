import Foundation
import SeededRandom
import SignalProcessing
import TensorEngine

/// Trains a ``NeuralMusculoskeletalModel``: network weights and the subject's bounded muscle parameters jointly,
/// by Adam with two parameter groups, on random windows of the training trials.
///
/// Loss per step = emgWeight · MSE(e_measured, EMG) + torqueWeight · ((τ_model − τ_ID)/τ_rms)² (after the
/// activation warm-up, except in windows at a trial's start) + smoothnessWeight · mean(Δe²) + effortWeight · mean(e_unmeasured²) + the parameter prior.
/// The torque term runs e → activation dynamics → rigid-tendon muscle → τ in Double with its exact reverse pass
/// (``MuscleSystem/backward(_:torqueGradient:geometry:sampleInterval:)``); its gradient G with respect to the
/// excitations enters the network's graph as the linear term Σ e·G, so one backward pass gives every gradient.
/// Early stopping: the last `validationFraction` of every training trial is held out, validated every
/// `validationInterval` steps, and the best weights are kept.
public struct NMMTrainer {
    /// Settings.
    public var configuration: NMMConfiguration

    /// A trainer with `configuration`.
    public init(configuration: NMMConfiguration = NMMConfiguration()) { self.configuration = configuration }

    /// Fits on `trials` (training trials only). `measured` maps each measured muscle to its EMG channel.
    public func fit(system: MuscleSystem, trials: [EstimationTrial], measured: [String: String], coordinates: [String],
                    seed: Int, progress: (String) -> Void = { _ in }) throws -> NeuralMusculoskeletalModel {
        let c = configuration
        let names = system.muscleNames
        let measuredPairs = try measured.keys.sorted().map { muscle -> (muscle: Int, channel: String) in
            guard let index = names.firstIndex(of: muscle) else { throw EstimationError("measured muscle '\(muscle)' is not in the model (\(names.joined(separator: ", ")))") }
            return (index, measured[muscle]!)
        }
        let measuredMuscles = measuredPairs.map(\.muscle)
        let unmeasured = names.indices.filter { !measuredMuscles.contains($0) }
        guard let first = trials.first else { throw EstimationError("nmm needs at least one training trial") }
        for trial in trials {
            guard trial.featureLabels == first.featureLabels else { throw EstimationError("trial \(trial.name): features differ from \(first.name)'s") }
            for pair in measuredPairs where trial.emg[pair.channel] == nil { throw EstimationError("trial \(trial.name): no EMG channel '\(pair.channel)'") }
            guard trial.frameCount >= 2 * c.windowLength else { throw EstimationError("trial \(trial.name): \(trial.frameCount) frames; nmm needs at least \(2 * c.windowLength)") }
        }
        // Time-block validation split inside every training trial.
        let fitting = trials.map { $0.frames(0..<Int(Double($0.frameCount) * (1 - c.validationFraction))) }
        let validation = trials.map { $0.frames(Int(Double($0.frameCount) * (1 - c.validationFraction))..<$0.frameCount) }
            .filter { $0.frameCount >= c.windowLength }

        let scaler = FeatureScaler(trials: fitting)
        let network = TransformerEncoder(
            configuration: TransformerConfiguration(inputSize: first.featureLabels.count, modelSize: c.modelSize, heads: c.heads,
                                                    feedForwardSize: c.feedForwardSize, layers: c.layers, outputSize: names.count,
                                                    maxSequenceLength: c.windowLength),
            seed: UInt64(truncatingIfNeeded: seed))
        // Start near rest (sigmoid(−2) ≈ 0.12) rather than at 0.5.
        network.outputHead.bias.assign([Float](repeating: -2, count: names.count))
        let model = NeuralMusculoskeletalModel(network: network, scaler: scaler, system: system,
                                               parameters: PersonalizedParameters(muscleCount: names.count),
                                               configuration: c, featureLabels: first.featureLabels)
        let theta = Tensor(shape: [model.parameters.count], scalars: model.parameters.theta.map(Float.init), requiresGrad: true)
        let agonistPrior = AgonistPrior(weight: c.agonistWeight, system: system, trials: trials, measured: measuredMuscles)
        // Log recruitment gains of the anchored hidden muscles (fitted only when the configuration says so).
        let gained = c.fitsRecruitmentGains ? agonistPrior.agonists.keys.sorted() : []
        let logGain = Tensor(zeros: [max(gained.count, 1)], requiresGrad: true)
        let optimizer = Adam(groups: [ParameterGroup(parameters: network.parameters, learningRate: c.networkLearningRate),
                                      ParameterGroup(parameters: [theta, logGain], learningRate: c.parameterLearningRate)],
                             schedule: WarmupCosineSchedule(warmupSteps: min(50, c.maxSteps / 10), totalSteps: max(c.maxSteps, 2),
                                                            minimumFactor: c.finalLearningRateFactor))
        let torqueLoss = TorqueLoss(scales: TorqueLoss.rmsScales(of: trials, coordinates: coordinates), warmup: c.warmup)
        let rows = fitting.map { scaler.rows($0) }
        for (h, entry) in agonistPrior.agonists.sorted(by: { $0.key < $1.key }) {
            progress("nmm: \(names[h]) anchored to its measured agonists \(entry.muscles.map { names[$0] }.joined(separator: ", "))")
        }
        var generator = SplitMix64(seed: UInt64(truncatingIfNeeded: seed) &+ 0x5EED)
        let t = c.windowLength, b = c.batchSize

        var best: (loss: Double, weights: [[Float]], theta: [Double], logGains: [Float])? = nil
        var sinceBest = 0
        // The cores run whole windows; OpenBLAS stays on one thread instead of spinning over small products.
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let blasThreads = BLAS.threadCount
        BLAS.threadCount = 1
        defer { BLAS.threadCount = blasThreads }
        let shardRanges = Self.shardRanges(batchSize: b)
        let replicas = [network] + shardRanges.dropFirst().map { _ in network.replica() }
        for step in 0..<c.maxSteps {
            // A batch of random windows.
            // Starts are drawn from [−warmup, n − T] and clamped at 0: a window at a trial's start has no warm-up
            // (activation starts from e[0] there, exactly as in prediction), so the first frames are fitted too.
            let picks = (0..<b).map { _ -> (trial: Int, start: Int) in
                let trial = Int(generator.next() % UInt64(fitting.count))
                let draw = Int(generator.next() % UInt64(fitting[trial].frameCount - t + 1 + c.warmup))
                return (trial, max(draw - c.warmup, 0))
            }
            var parameters = model.parameters
            parameters.theta = theta.scalars.map(Double.init)
            if !c.fitsTimeConstants {
                parameters.theta[parameters.activationIndex] = model.parameters.theta[parameters.activationIndex]
                parameters.theta[parameters.deactivationIndex] = model.parameters.theta[parameters.deactivationIndex]
                parameters.theta[parameters.delayIndex] = model.parameters.theta[parameters.delayIndex]
            }
            let logGains = logGain.scalars
            let gains = Dictionary(uniqueKeysWithValues: gained.enumerated().map { ($1, exp(Double(logGains[$0]))) })
            // Data parallel: every shard of the batch runs network, physics and backward pass on its own core; the
            // shards' gradients are then summed in shard order, so the numbers do not depend on thread timing.
            optimizer.zeroGrad()
            for replica in replicas.dropFirst() { replica.parameters.forEach { $0.zeroGrad() } }
            let shards = [ShardResult](unsafeUninitializedCapacity: shardRanges.count) { buffer, count in
                let base = buffer.baseAddress!
                let parameters = parameters
                Parallel.run(shardRanges.count, threads: threads) { s in
                    let batch = TrainingBatch(picks: Array(picks[shardRanges[s]]), length: t, rows: rows, fitting: fitting,
                                              measured: measuredPairs, featureCount: first.featureLabels.count)
                    (base + s).initialize(to: shardStep(network: replicas[s], batch: batch, batchSize: b, system: system,
                                                        parameters: parameters, torqueLoss: torqueLoss, coordinates: coordinates,
                                                        agonistPrior: agonistPrior, gains: gains, measured: measuredMuscles,
                                                        unmeasured: unmeasured))
                }
                count = shardRanges.count
            }
            for replica in replicas.dropFirst() {
                for (master, copy) in zip(network.parameters, replica.parameters) { master.accumulateGradient(from: copy) }
            }
            var dTheta = shards.reduce(into: [Double](repeating: 0, count: model.parameters.count)) { sum, shard in
                for j in sum.indices { sum[j] += shard.thetaGradient[j] }
            }
            let prior = c.prior.evaluate(parameters)
            for j in dTheta.indices { dTheta[j] += prior.gradient[j] }
            if !c.fitsTimeConstants {
                for j in [parameters.activationIndex, parameters.deactivationIndex, parameters.delayIndex] { dTheta[j] = 0 }
            }
            (theta * Tensor(shape: [theta.count], scalars: dTheta.map(Float.init))).sum().backward()
            if !gained.isEmpty {
                // The log gains are regularised towards 0 (equal effort).
                let dLogGain = gained.enumerated().map { i, h in
                    shards.reduce(0) { $0 + ($1.logGainGradient[h] ?? 0) } + 2 * c.recruitmentGainPriorWeight * Double(logGains[i])
                }
                (logGain * Tensor(shape: [gained.count], scalars: dLogGain.map(Float.init))).sum().backward()
            }
            _ = clipGradientNorm(network.parameters, maxNorm: c.gradientClip)
            optimizer.step()

            let emgValue = shards.reduce(0) { $0 + $1.emgLoss }
            let torqueValue = shards.reduce(0) { $0 + $1.torqueLoss }
            var record = NMMTrainingRecord(step: step, emg: emgValue, torque: torqueValue,
                                           total: c.emgWeight * emgValue + c.torqueWeight * torqueValue + prior.loss, validation: nil)
            model.parameters.theta = theta.scalars.map(Double.init)
            if (step + 1) % c.validationInterval == 0 || step == c.maxSteps - 1 {
                let loss = try validationLoss(model, validation.isEmpty ? fitting : validation, measuredPairs, torqueLoss)
                record.validation = loss
                if best == nil || loss < best!.loss {
                    best = (loss, network.parameters.map(\.scalars), model.parameters.theta, logGain.scalars)
                    sinceBest = 0
                } else {
                    sinceBest += 1
                }
                progress(String(format: "nmm: step %d/%d  emg %.5f  torque %.5f  validation %.5f%@", step + 1, c.maxSteps,
                                emgValue, torqueValue, loss, sinceBest == 0 ? "  (best)" : ""))
            }
            model.history.append(record)
            if sinceBest >= c.patience { progress("nmm: early stop at step \(step + 1)"); break }
        }
        if let best {
            for (tensor, weights) in zip(network.parameters, best.weights) { tensor.assign(weights) }
            model.parameters.theta = best.theta
            logGain.assign(best.logGains)
        }
        model.recruitmentGains = Dictionary(uniqueKeysWithValues: gained.enumerated().map { (names[$1], exp(Double(logGain.scalars[$0]))) })
        for (muscle, gain) in model.recruitmentGains.sorted(by: { $0.key < $1.key }) {
            progress(String(format: "nmm: %@ recruited %.2f× as its measured agonists' effort predicts", muscle, gain))
        }
        return model
    }

    /// One window's torque loss and the gradients of its physics terms.
    struct WindowPhysics {
        /// The unweighted torque loss.
        var torqueLoss: Double
        /// ∂(weighted torque loss + agonist prior share)/∂e, `[muscle][frame]`.
        var excitationGradient: [[Double]]
        /// ∂(weighted torque loss)/∂θ.
        var thetaGradient: [Double]
        /// ∂(agonist prior share)/∂(log recruitment gain).
        var logGainGradient: [Int: Double]
    }

    /// The torque loss of `excitation` over `window` and the gradients of torqueWeight · torque loss +
    /// agonist prior / windowCount.
    static func physics(of window: EstimationTrial, excitation: [[Double]], system: MuscleSystem, parameters: PersonalizedParameters,
                        torqueLoss: TorqueLoss, coordinates: [String], agonistPrior: AgonistPrior, gains: [Int: Double],
                        torqueWeight: Double, windowCount: Int) -> WindowPhysics {
        let pass = system.forward(excitation: excitation, geometry: window.geometry, sampleInterval: window.sampleInterval, parameters: parameters)
        let loss = torqueLoss.evaluate(model: pass.torque, reference: coordinates.map { window.torque[$0]! })
        let back = system.backward(pass, torqueGradient: loss.gradient.map { $0.map { $0 * torqueWeight } },
                                   geometry: window.geometry, sampleInterval: window.sampleInterval)
        let prior = agonistPrior.evaluate(pass, geometry: window.geometry, gains: gains)
        let gradient = zip(back.excitation, prior.gradient).map { zip($0, $1).map { $0 + $1 / Double(windowCount) } }
        return WindowPhysics(torqueLoss: loss.loss, excitationGradient: gradient, thetaGradient: back.theta,
                             logGainGradient: prior.logGainGradient.mapValues { $0 / Double(windowCount) })
    }

    /// `[muscle][frame]` of window `w` from row-major `[B, T, M]` values.
    static func unpack(_ values: [Float], window w: Int, length t: Int, muscles m: Int) -> [[Double]] {
        var result = [[Double]](repeating: [Double](repeating: 0, count: t), count: m)
        for k in 0..<t { for i in 0..<m { result[i][k] = Double(values[(w * t + k) * m + i]) } }
        return result
    }

    /// EMG MSE plus torque loss of whole validation segments predicted as at test time.
    func validationLoss(_ model: NeuralMusculoskeletalModel, _ segments: [EstimationTrial],
                        _ measured: [(muscle: Int, channel: String)], _ torqueLoss: TorqueLoss) throws -> Double {
        var total = 0.0
        for segment in segments {
            let prediction = try model.predict(segment)
            var emg = 0.0
            for pair in measured {
                let recorded = segment.emg[pair.channel]!
                emg += zip(prediction.excitation[pair.muscle], recorded).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(recorded.count)
            }
            let torque = torqueLoss.evaluate(model: prediction.torque, reference: prediction.coordinates.map { segment.torque[$0]! }).loss
            total += configuration.emgWeight * emg / Double(max(measured.count, 1)) + configuration.torqueWeight * torque
        }
        return total / Double(max(segments.count, 1))
    }
}
