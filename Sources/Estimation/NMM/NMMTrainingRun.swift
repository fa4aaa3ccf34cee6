import Foundation
import Musculoskeletal
import SeededRandom
import TensorEngine

/// One training run of ``NMMTrainer``: the checked inputs, the network and its replicas, the trainable tensors, the
/// optimiser and the random stream of window picks, and the best state seen at validation. ``NMMTrainer/fit``
/// creates it, calls ``train(step:progress:)`` until it says stop, then ``finish(progress:)``.
final class NMMTrainingRun {
    let trainer: NMMTrainer
    let system: MuscleSystem
    let coordinates: [String]
    /// Each measured muscle's index and EMG channel, by muscle name.
    let measured: [(muscle: Int, channel: String)]
    /// Indices into θ of the parameters the configuration keeps at the model's values: the time constants and delay
    /// unless fitted, the hidden muscles' strengths and lengths unless fitted.
    let fixedParameters: [Int]
    /// The hidden muscles the effort term penalises: those the agonist prior leaves unanchored.
    let unanchored: [Int]
    /// The training trials without their validation blocks, and those blocks.
    let fitting: [EstimationTrial], validation: [EstimationTrial]
    /// Standardised network inputs of each fitting trial, `[trial][frame][feature]`.
    let rows: [[[Float]]]
    /// The same rows with the EMG masked (only when the network reads EMG: else empty).
    let maskedRows: [[[Float]]]
    let model: NeuralMusculoskeletalModel
    /// The network and one replica per further shard.
    let replicas: [TransformerEncoder]
    /// The unconstrained parameters θ and the log recruitment gains of `gained`, as trainable tensors.
    let theta: Tensor, logGain: Tensor
    let gained: [Int]
    /// The recruitment exponent's unconstrained variable (``AgonistPrior/exponentBounds``), trainable; it stays at
    /// q = 1 unless the configuration fits it.
    let exponentTheta: Tensor
    let fitsExponent: Bool
    /// The measured EMG channels whose gains are fitted (name order; empty unless the configuration fits them), their
    /// log gains as a trainable tensor, and each measured muscle's index into them.
    let gainedChannels: [String], logEMGGain: Tensor, channelOfMeasured: [Int]
    let agonistPrior: AgonistPrior
    let torqueLoss: TorqueLoss
    let optimizer: Adam
    var generator: SplitMix64
    var best: (loss: Double, weights: [[Float]], theta: [Double], logGains: [Float], exponentTheta: [Float], logEMGGains: [Float])? = nil
    var sinceBest = 0

    /// The trainer's configuration, with windows no longer than the shortest fitting block.
    let configuration: NMMConfiguration
    /// The fewest frames a fitting block may have: a window shorter than this holds too little of a movement.
    static let minimumWindowLength = 16

    init(trainer: NMMTrainer, system: MuscleSystem, trials: [EstimationTrial], measured: [String: String], coordinates: [String],
         seed: Int, progress: (String) -> Void) throws {
        self.trainer = trainer; self.system = system; self.coordinates = coordinates
        let measuredMuscles = try MeasuredMuscles(measured, muscles: system.muscleNames)
        self.measured = measuredMuscles.pairs
        let first = try Self.check(trials, measured: measuredMuscles.pairs)
        let featureCount = first.featureLabels.count
        // Time-block validation split inside every training trial; none at all with a validation fraction of 0.
        let fraction = trainer.configuration.validationFraction
        fitting = trials.map { $0.frames(0..<Int(Double($0.frameCount) * (1 - fraction))) }
        validation = fraction == 0 ? [] : trials.map { $0.frames(Int(Double($0.frameCount) * (1 - fraction))..<$0.frameCount) }
            .filter { $0.frameCount >= 2 }
        let c = try Self.fitted(trainer.configuration, to: fitting, progress: progress)
        configuration = c
        if validation.isEmpty {
            progress("nmm: no validation frames (validation fraction \(fraction)): trains all \(c.maxSteps) steps and keeps the last state")
        }
        let scaler = FeatureScaler(trials: fitting)
        let emgChannels = NeuralMusculoskeletalModel.emgInputChannels(c, measured: measured)
        let network = Self.network(c, inputs: NeuralMusculoskeletalModel.inputCount(features: featureCount, emgChannels: emgChannels),
                                   outputs: system.muscles.count, seed: seed)
        model = NeuralMusculoskeletalModel(network: network, scaler: scaler, system: system,
                                           parameters: PersonalizedParameters(muscleCount: system.muscles.count),
                                           configuration: c, featureLabels: first.featureLabels)
        model.measured = measured
        theta = Tensor(shape: [model.parameters.count], scalars: model.parameters.theta.map(Float.init), requiresGrad: true)
        agonistPrior = AgonistPrior(weight: c.agonistWeight, system: system, trials: trials, measured: measuredMuscles.pairs.map(\.muscle))
        fixedParameters = Self.fixedParameters(c, model.parameters, hidden: measuredMuscles.hidden)
        unanchored = agonistPrior.unanchored(among: measuredMuscles.hidden)
        // Log recruitment gains of the anchored hidden muscles (fitted only when the configuration says so).
        gained = c.fitsRecruitmentGains ? agonistPrior.agonists.keys.sorted() : []
        logGain = Tensor(zeros: [max(gained.count, 1)], requiresGrad: true)
        fitsExponent = c.fitsRecruitmentExponent && !agonistPrior.agonists.isEmpty && c.agonistWeight > 0
        exponentTheta = Tensor(shape: [1], scalars: [Float(AgonistPrior.exponentBounds.theta(for: 1))], requiresGrad: true)
        let channels = Array(Set(measuredMuscles.pairs.map(\.channel))).sorted()
        gainedChannels = c.fitsEMGGains ? channels : []
        channelOfMeasured = measuredMuscles.pairs.map { channels.firstIndex(of: $0.channel)! }
        logEMGGain = Tensor(zeros: [max(gainedChannels.count, 1)], requiresGrad: true)
        optimizer = Adam(groups: [ParameterGroup(parameters: network.parameters, learningRate: c.networkLearningRate),
                                  ParameterGroup(parameters: [theta, logGain, exponentTheta, logEMGGain], learningRate: c.parameterLearningRate)],
                         schedule: WarmupCosineSchedule(warmupSteps: min(50, c.maxSteps / 10), totalSteps: max(c.maxSteps, 2),
                                                        minimumFactor: c.finalLearningRateFactor))
        torqueLoss = TorqueLoss(scales: TorqueLoss.rmsScales(of: trials, coordinates: coordinates), warmup: c.warmup)
        let model = model
        rows = fitting.map { model.inputRows($0, withEMG: true) }
        maskedRows = !emgChannels.isEmpty ? fitting.map { model.inputRows($0, withEMG: false) } : []
        let names = system.muscleNames
        for (h, entry) in agonistPrior.agonists.sorted(by: { $0.key < $1.key }) {
            progress("nmm: \(names[h]) anchored to its measured agonists \(entry.muscles.map { names[$0] }.joined(separator: ", "))")
        }
        generator = SplitMix64(seed: UInt64(truncatingIfNeeded: seed) &+ 0x5EED)
        replicas = [network] + NMMTrainer.shardRanges(batchSize: c.batchSize).dropFirst().map { _ in network.replica() }
    }

    /// Indices into θ of the parameters `configuration` does not fit.
    static func fixedParameters(_ c: NMMConfiguration, _ parameters: PersonalizedParameters, hidden: [Int]) -> [Int] {
        let timing = c.fitsTimeConstants ? [] : PersonalizedParameter.timing
        let muscles = c.fitsHiddenMuscleParameters ? [] : hidden.flatMap { h -> [PersonalizedParameter] in
            [.maxIsometricForce(muscle: h), .optimalFiberLength(muscle: h), .tendonSlackLength(muscle: h)]
        }
        return (timing + muscles).map(parameters.index(of:))
    }

    /// Checks that the trials share their features and record every measured channel; returns the first.
    static func check(_ trials: [EstimationTrial], measured: [(muscle: Int, channel: String)]) throws -> EstimationTrial {
        guard let first = trials.first else { throw EstimationError("nmm needs at least one training trial") }
        for trial in trials {
            guard trial.featureLabels == first.featureLabels else { throw EstimationError("trial \(trial.name): features differ from \(first.name)'s") }
            for pair in measured where trial.emg[pair.channel] == nil { throw EstimationError("trial \(trial.name): no EMG channel '\(pair.channel)'") }
        }
        return first
    }

    /// `configuration` with windows shortened to the shortest fitting block when that is shorter (a stance phase of
    /// 100 frames trains on windows of its length, said in `progress`); a block under ``minimumWindowLength`` is an error.
    static func fitted(_ configuration: NMMConfiguration, to fitting: [EstimationTrial], progress: (String) -> Void) throws -> NMMConfiguration {
        var c = configuration
        guard let shortest = fitting.min(by: { $0.frameCount < $1.frameCount }), shortest.frameCount < c.windowLength else { return c }
        guard shortest.frameCount >= minimumWindowLength else {
            throw EstimationError("trial \(shortest.name): \(shortest.frameCount) frames to fit (after the validation block); nmm needs at least \(minimumWindowLength)")
        }
        progress("nmm: trial \(shortest.name) has \(shortest.frameCount) frames to fit: windows of \(shortest.frameCount) frames instead of \(c.windowLength)")
        c.windowLength = shortest.frameCount
        return c
    }

    /// A new network of the configured size, its output starting near rest (sigmoid(−2) ≈ 0.12) rather than at 0.5.
    static func network(_ c: NMMConfiguration, inputs: Int, outputs: Int, seed: Int) -> TransformerEncoder {
        let network = TransformerEncoder(
            configuration: TransformerConfiguration(inputSize: inputs, modelSize: c.modelSize, heads: c.heads,
                                                    feedForwardSize: c.feedForwardSize, layers: c.layers, outputSize: outputs,
                                                    maxSequenceLength: c.windowLength),
            seed: UInt64(truncatingIfNeeded: seed))
        network.outputHead.bias.assign([Float](repeating: -2, count: outputs))
        return network
    }
}
