import Foundation
import Musculoskeletal
import TensorEngine

extension NMMTrainingRun {
    /// One training step on a batch of random windows, then (every `validationInterval` steps and at the last) a
    /// validation; returns false when training should stop early.
    func train(step: Int, progress: (String) -> Void) throws -> Bool {
        let c = configuration
        let picks = drawWindows()
        var parameters = model.parameters
        // The parameters the configuration does not fit stay where they are: their gradients are zeroed (`fixedParameters`).
        parameters.theta = theta.scalars.map(Double.init)
        let logGains = logGain.scalars
        let gains = Dictionary(uniqueKeysWithValues: gained.enumerated().map { ($1, exp(Double(logGains[$0]))) })
        let recruitment = AgonistRecruitment(gains: gains, exponent: exponent)
        let logEMGGains = logEMGGain.scalars
        optimizer.zeroGrad()
        for replica in replicas.dropFirst() { replica.parameters.forEach { $0.zeroGrad() } }
        let shards = runShards(picks, parameters: parameters, recruitment: recruitment, emgScales: emgScales(logEMGGains))
        for replica in replicas.dropFirst() {
            for (master, copy) in zip(model.network.parameters, replica.parameters) { master.accumulateGradient(from: copy) }
        }
        let prior = applyParameterGradients(shards, parameters: parameters, logGains: logGains, logEMGGains: logEMGGains)
        _ = clipGradientNorm(model.network.parameters, maxNorm: c.gradientClip)
        optimizer.step()

        let emgValue = shards.reduce(0) { $0 + $1.emgLoss }
        let torqueValue = shards.reduce(0) { $0 + $1.torqueLoss }
        var record = NMMTrainingRecord(step: step, emg: emgValue, torque: torqueValue,
                                       total: c.emgWeight * emgValue + c.torqueWeight * torqueValue + prior, validation: nil)
        model.parameters.theta = theta.scalars.map(Double.init)
        if (step + 1) % c.validationInterval == 0 || step == c.maxSteps - 1 {
            if validation.isEmpty {
                progress(String(format: "nmm: step %d/%d  emg %.5f  torque %.5f", step + 1, c.maxSteps, emgValue, torqueValue))
            } else {
                record.validation = try validate()
                progress(String(format: "nmm: step %d/%d  emg %.5f  torque %.5f  validation %.5f%@", step + 1, c.maxSteps,
                                emgValue, torqueValue, record.validation!, sinceBest == 0 ? "  (best)" : ""))
            }
        }
        model.history.append(record)
        if sinceBest >= c.patience {
            progress("nmm: early stop at step \(step + 1)")
            return false
        }
        return true
    }

    /// A batch of random windows. Starts are drawn from [−warmup, n − T] and clamped at 0: a window at a trial's
    /// start has no warm-up (activation starts from e[0] there, exactly as in prediction), so the first frames are
    /// fitted too. When the network reads EMG, a fair coin masks each window's EMG.
    func drawWindows() -> [NMMTrainer.WindowPick] {
        let c = configuration
        return (0..<c.batchSize).map { _ -> NMMTrainer.WindowPick in
            let trial = Int(generator.next() % UInt64(fitting.count))
            let draw = Int(generator.next() % UInt64(fitting[trial].frameCount - c.windowLength + 1 + c.warmup))
            let masked = !maskedRows.isEmpty && generator.next() % 2 == 0
            return NMMTrainer.WindowPick(trial: trial, start: max(draw - c.warmup, 0), masksEMG: masked)
        }
    }

    /// Data parallel: every shard of the batch runs network, physics and backward pass on its own core; the shards'
    /// results come back in shard order, so the sums over them do not depend on thread timing.
    func runShards(_ picks: [NMMTrainer.WindowPick], parameters: PersonalizedParameters, recruitment: AgonistRecruitment,
                   emgScales: [Float]?) -> [NMMTrainer.ShardResult] {
        let c = configuration
        let shardRanges = NMMTrainer.shardRanges(batchSize: c.batchSize)
        let threads = ProcessInfo.processInfo.activeProcessorCount
        return [NMMTrainer.ShardResult](unsafeUninitializedCapacity: shardRanges.count) { buffer, count in
            let base = buffer.baseAddress!
            Parallel.run(shardRanges.count, threads: threads) { s in
                let batch = NMMTrainer.TrainingBatch(picks: Array(picks[shardRanges[s]]), length: c.windowLength, rows: rows,
                                                     maskedRows: maskedRows, fitting: fitting, measured: measured,
                                                     inputCount: model.network.configuration.inputSize)
                (base + s).initialize(to: trainer.shardStep(
                    network: replicas[s], batch: batch, batchSize: c.batchSize, system: system, parameters: parameters,
                    torqueLoss: torqueLoss, coordinates: coordinates, agonistPrior: agonistPrior, recruitment: recruitment, fitsExponent: fitsExponent,
                    measured: measured.map(\.muscle), emgScales: emgScales, unanchored: unanchored))
            }
            count = shardRanges.count
        }
    }

    /// Sums the shards' ∂L/∂θ with the parameter prior's and the log gains' and recruitment exponent's gradients with
    /// their prior's, and puts them on the trainable tensors; returns the parameter prior's value.
    func applyParameterGradients(_ shards: [NMMTrainer.ShardResult], parameters: PersonalizedParameters, logGains: [Float],
                                 logEMGGains: [Float]) -> Double {
        let c = configuration
        var dTheta = shards.reduce(into: [Double](repeating: 0, count: model.parameters.count)) { sum, shard in
            for j in sum.indices { sum[j] += shard.thetaGradient[j] }
        }
        let prior = c.prior.evaluate(parameters)
        for j in dTheta.indices { dTheta[j] += prior.gradient[j] }
        for j in fixedParameters { dTheta[j] = 0 }
        (theta * Tensor(shape: [theta.count], scalars: dTheta.map(Float.init))).sum().backward()
        if !gained.isEmpty {
            // The log gains are regularised towards 0 (equal effort).
            let dLogGain = gained.enumerated().map { i, h in
                shards.reduce(0) { $0 + ($1.logGainGradient[h] ?? 0) } + 2 * c.recruitmentGainPriorWeight * Double(logGains[i])
            }
            (logGain * Tensor(shape: [gained.count], scalars: dLogGain.map(Float.init))).sum().backward()
        }
        if fitsExponent {
            // The exponent's log is regularised towards 0 (static optimisation's Σ a²) at the gains' prior weight.
            let q = exponent, variable = Double(exponentTheta.scalars[0])
            let dExponent = shards.reduce(0) { $0 + $1.exponentGradient } + 2 * c.recruitmentGainPriorWeight * Foundation.log(q) / q
            let dVariable = dExponent * AgonistPrior.exponentBounds.derivative(variable)
            (exponentTheta * Tensor(shape: [1], scalars: [Float(dVariable)])).sum().backward()
        }
        if !gainedChannels.isEmpty {
            // Each channel's log gain collects its muscles' shares, regularised towards 0 (the EMG's own normalisation).
            var dLogEMGGain = logEMGGains.map { 2 * c.emgGainPriorWeight * Double($0) }
            for (i, channel) in channelOfMeasured.enumerated() {
                dLogEMGGain[channel] += shards.reduce(0) { $0 + $1.emgLogGainGradient[i] }
            }
            (logEMGGain * Tensor(shape: [gainedChannels.count], scalars: dLogEMGGain.map(Float.init))).sum().backward()
        }
        return prior.loss
    }

    /// The recruitment exponent now: 1 unless fitted.
    var exponent: Double { fitsExponent ? AgonistPrior.exponentBounds.value(Double(exponentTheta.scalars[0])) : 1 }

    /// Each measured muscle's EMG scale 1/g (g its channel's gain), in `measured` order; nil when gains are not fitted.
    func emgScales(_ logEMGGains: [Float]) -> [Float]? {
        gainedChannels.isEmpty ? nil : channelOfMeasured.map { Foundation.exp(-logEMGGains[$0]) }
    }

    /// The fitted EMG gains by channel (empty unless fitted).
    func emgGains(_ logEMGGains: [Float]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: gainedChannels.enumerated().map { ($1, Foundation.exp(Double(logEMGGains[$0]))) })
    }

    /// The validation loss now, keeping the weights, parameters and gains when it is the best so far.
    func validate() throws -> Double {
        model.emgGains = emgGains(logEMGGain.scalars)
        let loss = try trainer.validationLoss(model, validation, measured, torqueLoss)
        if best == nil || loss < best!.loss {
            best = (loss, model.network.parameters.map(\.scalars), model.parameters.theta, logGain.scalars, exponentTheta.scalars,
                    logEMGGain.scalars)
            sinceBest = 0
        } else {
            sinceBest += 1
        }
        return loss
    }

    /// The model with the best validation state restored and the fitted recruitment gains, reported.
    func finish(progress: (String) -> Void) -> NeuralMusculoskeletalModel {
        if let best {
            for (tensor, weights) in zip(model.network.parameters, best.weights) { tensor.assign(weights) }
            model.parameters.theta = best.theta
            logGain.assign(best.logGains)
            exponentTheta.assign(best.exponentTheta)
            logEMGGain.assign(best.logEMGGains)
        }
        model.emgGains = emgGains(logEMGGain.scalars)
        for (channel, gain) in model.emgGains.sorted(by: { $0.key < $1.key }) {
            progress(String(format: "nmm: EMG channel %@ read with gain %.2f (excitation = gain × EMG)", channel, gain))
        }
        let names = system.muscleNames
        model.recruitmentGains = Dictionary(uniqueKeysWithValues: gained.enumerated().map { (names[$1], exp(Double(logGain.scalars[$0]))) })
        for (muscle, gain) in model.recruitmentGains.sorted(by: { $0.key < $1.key }) {
            progress(String(format: "nmm: %@ recruited %.2f× as its measured agonists' effort predicts", muscle, gain))
        }
        model.recruitmentExponent = fitsExponent ? exponent : nil
        if let q = model.recruitmentExponent {
            progress(String(format: "nmm: recruitment exponent %.2f (a hidden muscle's share grows as its torque capacity to that power; 1: static optimisation's Σ a²)", q))
        }
        return model
    }
}
