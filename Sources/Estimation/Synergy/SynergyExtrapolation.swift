import Musculoskeletal
import Foundation
import SignalProcessing
import TensorEngine

/// Muscle synergy extrapolation (SynX; Ao, Shourijeh, Patten & Fregly, Front. Comput. Neurosci. 2020, and the
/// 2022 follow-up that calibrates the model at the same time).
///
/// Non-negative matrix factorisation splits the measured EMG of the training trials into synergy vectors W and
/// synergy activations H (synergy count: the fewest reaching `vafThreshold`, or given). Each unmeasured
/// muscle's excitation is a non-negative weighted sum of the synergy activations, e_u(t) = Σ_k w_uk·H_k(t); the
/// weights — jointly with the subject's bounded muscle parameters — minimise the normalised inverse-dynamics
/// torque tracking error plus the papers' penalty on the magnitude of the unmeasured excitations and a prior
/// keeping parameters near the generic model. Measured muscles are driven by their EMG. On a test trial the
/// synergy activations come from that trial's measured EMG with W fixed (non-negative least squares), so the
/// method reads the test trials' measured EMG, as it must.
public struct SynergyExtrapolation: Sendable {
    /// Settings of the fit.
    public struct Configuration: Sendable, Equatable, Codable {
        /// Synergy count; nil chooses the fewest reaching `vafThreshold`.
        public var synergyCount: Int?
        /// VAF the synergies must reach when the count is chosen.
        public var vafThreshold: Double = 0.95
        /// Weight of mean(e_u²) over unmeasured muscles.
        public var effortWeight: Double = 0.1
        /// Prior on the personalised parameters.
        public var prior = ParameterPrior()
        /// Adam iterations (full batch).
        public var iterations = 400
        /// Adam learning rate on the unconstrained variables.
        public var learningRate: Float = 0.03
        /// Frames at each trial's start left out of the torque loss while activation settles.
        public var warmup = 10
        /// NMF seed.
        public var seed: UInt64 = 1
        /// Default settings.
        public init() {}
    }

    /// The fitted model.
    public struct Fit: Sendable {
        /// The muscle system.
        public var system: MuscleSystem
        /// Fitted parameters.
        public var parameters: PersonalizedParameters
        /// `synergyVectors[channel][synergy]`, channels in the measured muscles' order.
        public var synergyVectors: [[Double]]
        /// `weights[unmeasured][synergy]`.
        public var weights: [[Double]]
        /// The measured muscles and their channels, and the hidden ones.
        public var measured: MeasuredMuscles
        /// Indices of the unmeasured muscles.
        public var unmeasured: [Int] { measured.hidden }
        /// VAF of the synergies on the training EMG.
        public var vaf: Double
        /// Loss history, one value per iteration.
        public var lossHistory: [Double]

        /// Excitations of every muscle on `trial`, from its measured EMG.
        public func excitation(_ trial: EstimationTrial) throws -> [[Double]] {
            let data = try measured.emg(trial)
            let activations = SynergyActivations.solve(data: data, weights: synergyVectors)
            return SynergyExtrapolation.excitation(trial: trial, measuredEMG: data, channels: measured.pairs, unmeasured: unmeasured,
                                                   weights: weights, activations: activations, muscleCount: system.muscles.count)
        }

        /// The prediction for `trial`.
        public func predict(_ trial: EstimationTrial) throws -> TrialPrediction {
            let pass = system.forward(excitation: try excitation(trial), geometry: trial.geometry, sampleInterval: trial.sampleInterval, parameters: parameters)
            return TrialPrediction(trial: trial, pass: pass)
        }
    }

    /// Settings.
    public var configuration: Configuration

    /// A method with `configuration`.
    public init(configuration: Configuration = Configuration()) { self.configuration = configuration }

    /// Fits on `trials` with the EMG channel of each measured muscle given by `measured` (muscle → channel).
    public func fit(system: MuscleSystem, trials: [EstimationTrial], measured: [String: String], coordinates: [String],
                    progress: (String) -> Void = { _ in }) throws -> Fit {
        let names = system.muscleNames
        let measuredMuscles = try MeasuredMuscles(measured, muscles: names)
        let channels = measuredMuscles.pairs, unmeasured = measuredMuscles.hidden
        let emg = try trials.map(measuredMuscles.emg)
        let concatenated = channels.indices.map { c in emg.flatMap { $0[c] } }
        let nmf = try configuration.synergyCount.map { try NonnegativeMatrixFactorization(concatenated, rank: $0, seed: configuration.seed) }
            ?? NonnegativeMatrixFactorization.smallestRank(concatenated, reaching: configuration.vafThreshold, seed: configuration.seed)
        progress("mse: \(nmf.rank) synergies, VAF \(String(format: "%.3f", nmf.varianceAccountedFor)) on the training EMG")
        let activations = trials.indices.map { SynergyActivations.solve(data: emg[$0], weights: nmf.weights) }

        var parameters = PersonalizedParameters(muscleCount: names.count)
        // Start every unmeasured muscle at the mean synergy vector: the average measured excitation pattern.
        let meanVector = (0..<nmf.rank).map { s in nmf.weights.reduce(0) { $0 + $1[s] } / Double(max(channels.count, 1)) }
        let variables = Tensor(shape: [parameters.count + unmeasured.count * nmf.rank],
                               scalars: parameters.theta.map(Float.init) + unmeasured.flatMap { _ in meanVector.map { Float(log(max($0, 1e-3))) } },
                               requiresGrad: true)
        let optimizer = Adam(groups: [ParameterGroup(parameters: [variables], learningRate: configuration.learningRate)])
        let loss = TorqueLoss(scales: TorqueLoss.rmsScales(of: trials, coordinates: coordinates), warmup: configuration.warmup)
        let totalFrames = Double(trials.reduce(0) { $0 + $1.frameCount } * max(unmeasured.count, 1))
        var history: [Double] = []
        var weights: [[Double]] = []
        for iteration in 0..<configuration.iterations {
            let values = variables.scalars.map(Double.init)
            parameters.theta = Array(values[0..<parameters.count])
            weights = unmeasured.indices.map { u in (0..<nmf.rank).map { exp(values[parameters.count + u * nmf.rank + $0]) } }
            var gradient = [Double](repeating: 0, count: values.count)
            let prior = configuration.prior.evaluate(parameters)
            var total = prior.loss
            for i in 0..<parameters.count { gradient[i] += prior.gradient[i] }
            for (t, trial) in trials.enumerated() {
                let excitation = Self.excitation(trial: trial, measuredEMG: emg[t], channels: channels, unmeasured: unmeasured,
                                                 weights: weights, activations: activations[t], muscleCount: names.count)
                let pass = system.forward(excitation: excitation, geometry: trial.geometry, sampleInterval: trial.sampleInterval, parameters: parameters)
                let torqueLoss = loss.evaluate(model: pass.torque, reference: coordinates.map { trial.torque[$0]! })
                let share = Double(trial.frameCount) / Double(trials.reduce(0) { $0 + $1.frameCount })
                total += share * torqueLoss.loss
                let back = system.backward(pass, torqueGradient: torqueLoss.gradient.map { $0.map { $0 * share } },
                                           geometry: trial.geometry, sampleInterval: trial.sampleInterval)
                for i in 0..<parameters.count { gradient[i] += back.theta[i] }
                for (u, m) in unmeasured.enumerated() {
                    for k in 0..<trial.frameCount {
                        let e = excitation[m][k]
                        total += configuration.effortWeight * e * e / totalFrames
                        // e = clamp(Σ w H, 0, 1): the clamp passes gradient only inside.
                        guard e > 0 && e < 1 else { continue }
                        let dE = back.excitation[m][k] + 2 * configuration.effortWeight * e / totalFrames
                        for s in 0..<nmf.rank { gradient[parameters.count + u * nmf.rank + s] += dE * activations[t][s][k] * weights[u][s] }
                    }
                }
            }
            history.append(total)
            if iteration % 100 == 0 { progress("mse: iteration \(iteration), loss \(String(format: "%.5f", total))") }
            optimizer.zeroGrad()
            (variables * Tensor(shape: [values.count], scalars: gradient.map(Float.init))).sum().backward()
            optimizer.step()
        }
        return Fit(system: system, parameters: parameters, synergyVectors: nmf.weights, weights: weights, measured: measuredMuscles,
                   vaf: nmf.varianceAccountedFor, lossHistory: history)
    }

    /// Measured muscles follow their EMG, unmeasured ones the weighted synergy activations, all clamped to [0, 1].
    static func excitation(trial: EstimationTrial, measuredEMG: [[Double]], channels: [(muscle: Int, channel: String)], unmeasured: [Int],
                           weights: [[Double]], activations: [[Double]], muscleCount: Int) -> [[Double]] {
        var excitation = [[Double]](repeating: [Double](repeating: 0, count: trial.frameCount), count: muscleCount)
        for (c, entry) in channels.enumerated() { excitation[entry.muscle] = measuredEMG[c].map { min(max($0, 0), 1) } }
        for (u, m) in unmeasured.enumerated() {
            for k in 0..<trial.frameCount {
                var e = 0.0
                for s in activations.indices { e += weights[u][s] * activations[s][k] }
                excitation[m][k] = min(max(e, 0), 1)
            }
        }
        return excitation
    }
}
