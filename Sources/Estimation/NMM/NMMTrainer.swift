import Musculoskeletal
import Foundation
import SeededRandom
import SignalProcessing
import TensorEngine

/// Trains a ``NeuralMusculoskeletalModel``: network weights and the subject's bounded muscle parameters jointly,
/// by Adam with two parameter groups, on random windows of the training trials.
///
/// Loss per step = emgWeight · MSE(e_measured, EMG) + torqueWeight · ((τ_model − τ_ID)/τ_rms)² (after the
/// activation warm-up, except in windows at a trial's start) + smoothnessWeight · mean(Δe²) + effortWeight · mean(e_unanchored²) (the hidden muscles
/// without a measured agonist) + the ``AgonistPrior`` + the parameter prior.
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
        let run = try NMMTrainingRun(trainer: self, system: system, trials: trials, measured: measured, coordinates: coordinates,
                                     seed: seed, progress: progress)
        for step in 0..<configuration.maxSteps {
            guard try run.train(step: step, progress: progress) else { break }
        }
        return run.finish(progress: progress)
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
        /// ∂(agonist prior share)/∂(recruitment exponent); 0 unless the exponent is fitted.
        var exponentGradient: Double
    }

    /// The torque loss of `excitation` over `window` and the gradients of torqueWeight · torque loss +
    /// agonist prior / windowCount (with respect to the recruitment's exponent only when `fitsExponent`).
    static func physics(of window: EstimationTrial, excitation: [[Double]], system: MuscleSystem, parameters: PersonalizedParameters,
                        torqueLoss: TorqueLoss, coordinates: [String], agonistPrior: AgonistPrior,
                        recruitment: AgonistRecruitment, fitsExponent: Bool, torqueWeight: Double, windowCount: Int) -> WindowPhysics {
        let pass = system.forward(excitation: excitation, geometry: window.geometry, sampleInterval: window.sampleInterval, parameters: parameters)
        let loss = torqueLoss.evaluate(model: pass.torque, reference: coordinates.map { window.torque[$0]! })
        let back = system.backward(pass, torqueGradient: loss.gradient.map { $0.map { $0 * torqueWeight } },
                                   geometry: window.geometry, sampleInterval: window.sampleInterval)
        let prior = agonistPrior.evaluate(pass, geometry: window.geometry, recruitment: recruitment, differentiatingExponent: fitsExponent)
        let gradient = zip(back.excitation, prior.gradient).map { zip($0, $1).map { $0 + $1 / Double(windowCount) } }
        return WindowPhysics(torqueLoss: loss.loss, excitationGradient: gradient, thetaGradient: back.theta,
                             logGainGradient: prior.logGainGradient.mapValues { $0 / Double(windowCount) },
                             exponentGradient: prior.exponentGradient / Double(windowCount))
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
                let recorded = segment.emg[pair.channel]!, scale = 1 / (model.emgGains[pair.channel] ?? 1)
                emg += zip(prediction.excitation[pair.muscle], recorded).reduce(0) { $0 + ($1.0 * scale - $1.1) * ($1.0 * scale - $1.1) } / Double(recorded.count)
            }
            let torque = torqueLoss.evaluate(model: prediction.torque, reference: prediction.coordinates.map { segment.torque[$0]! }).loss
            total += configuration.emgWeight * emg / Double(max(measured.count, 1)) + configuration.torqueWeight * torque
        }
        return total / Double(max(segments.count, 1))
    }
}
