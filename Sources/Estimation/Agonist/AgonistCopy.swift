import Foundation
import Musculoskeletal
import TensorEngine

/// The agonist floor: each hidden muscle copies the mean EMG envelope of its measured agonists (``MeasuredAgonists``;
/// a hidden muscle without one gets a constant), scaled by one gain fitted on the training trials' inverse-dynamics
/// torque through the generic muscles; measured muscles are their EMG. The simplest use of a trial's EMG that
/// knows any physics: an estimate that does not beat it says nothing about a hidden muscle.
public struct AgonistCopy: Sendable, ExcitationPredictor {
    /// The measured agonists' EMG.
    public var inputs: [PredictionInput] { [.emg] }

    public var system: MuscleSystem
    public var parameters: PersonalizedParameters
    /// The measured muscles and their channels, and the hidden ones.
    public var measured: MeasuredMuscles
    /// Hidden muscle → the positions (in `measured.pairs`) of the agonists it copies; empty: a constant.
    public var sources: [Int: [Int]]
    /// Hidden muscle → its fitted gain.
    public var gains: [Int: Double]

    /// Fits the gains on `trials` (Adam on log gains, full batch, `iterations` steps).
    public init(system: MuscleSystem, trials: [EstimationTrial], measured: MeasuredMuscles, coordinates: [String],
                iterations: Int, progress: (String) -> Void) throws {
        self.system = system
        parameters = PersonalizedParameters(muscleCount: system.muscles.count)
        self.measured = measured
        let groups = MeasuredAgonists(muscleCount: system.muscles.count, trials: trials, measured: measured.pairs.map(\.muscle)).groups
        sources = Dictionary(uniqueKeysWithValues: measured.hidden.map { h in
            (h, (groups[h]?.muscles ?? []).compactMap { m in measured.pairs.firstIndex { $0.muscle == m } })
        })
        gains = Dictionary(uniqueKeysWithValues: measured.hidden.map { ($0, 1.0) })
        for h in measured.hidden {
            let names = sources[h]!.map { system.muscleNames[measured.pairs[$0].muscle] }
            progress("agonist: \(system.muscleNames[h]) copies \(names.isEmpty ? "a constant (no measured agonist)" : names.joined(separator: ", "))")
        }
        try fitGains(trials: trials, coordinates: coordinates, iterations: iterations)
    }

    /// Every muscle's excitation in `trial`: measured muscles their EMG, hidden ones gain × their agonists' mean EMG
    /// (clamped to 1).
    public func excitation(_ trial: EstimationTrial) throws -> [[Double]] {
        let emg = try measured.emg(trial)
        var excitation = [[Double]](repeating: [Double](repeating: 0, count: trial.frameCount), count: system.muscles.count)
        for (position, pair) in measured.pairs.enumerated() { excitation[pair.muscle] = emg[position] }
        for h in measured.hidden {
            excitation[h] = envelope(h, emg: emg, frames: trial.frameCount).map { min(gains[h]! * $0, 1) }
        }
        return excitation
    }

    /// Hidden muscle `h`'s unscaled envelope: its agonists' mean EMG, or 1 throughout.
    func envelope(_ h: Int, emg: [[Double]], frames: Int) -> [Double] {
        let positions = sources[h] ?? []
        guard !positions.isEmpty else { return [Double](repeating: 1, count: frames) }
        return (0..<frames).map { k in positions.reduce(0) { $0 + emg[$1][k] } / Double(positions.count) }
    }

    public func predict(_ trial: EstimationTrial) throws -> TrialPrediction {
        let pass = system.forward(excitation: try excitation(trial), geometry: trial.geometry, sampleInterval: trial.sampleInterval,
                                  parameters: parameters)
        return TrialPrediction(trial: trial, pass: pass)
    }

    public var recruitmentGains: [String: Double] {
        Dictionary(uniqueKeysWithValues: gains.map { (system.muscleNames[$0.key], $0.value) })
    }

    /// Minimises the normalised torque error over `trials` with respect to the log gains (the clamp at 1 passes no
    /// gradient).
    private mutating func fitGains(trials: [EstimationTrial], coordinates: [String], iterations: Int) throws {
        let hidden = measured.hidden
        guard !hidden.isEmpty else { return }
        let logGains = Tensor(zeros: [hidden.count], requiresGrad: true)
        let optimizer = Adam(groups: [ParameterGroup(parameters: [logGains], learningRate: 0.05)])
        let loss = TorqueLoss(scales: TorqueLoss.rmsScales(of: trials, coordinates: coordinates), warmup: 10)
        let totalFrames = Double(trials.reduce(0) { $0 + $1.frameCount })
        for _ in 0..<iterations {
            for (i, h) in hidden.enumerated() { gains[h] = exp(Double(logGains.scalars[i])) }
            var gradient = [Double](repeating: 0, count: hidden.count)
            for trial in trials {
                let excitation = try self.excitation(trial)
                let pass = system.forward(excitation: excitation, geometry: trial.geometry, sampleInterval: trial.sampleInterval,
                                          parameters: parameters)
                let share = Double(trial.frameCount) / totalFrames
                let torqueLoss = loss.evaluate(model: pass.torque, reference: coordinates.map { trial.torque[$0]! })
                let back = system.backward(pass, torqueGradient: torqueLoss.gradient.map { $0.map { $0 * share } },
                                           geometry: trial.geometry, sampleInterval: trial.sampleInterval)
                // Inside the clamp e = g·source, so ∂e/∂(log g) = e.
                for (i, h) in hidden.enumerated() {
                    for k in 0..<trial.frameCount where excitation[h][k] < 1 { gradient[i] += back.excitation[h][k] * excitation[h][k] }
                }
            }
            optimizer.zeroGrad()
            (logGains * Tensor(shape: [hidden.count], scalars: gradient.map(Float.init))).sum().backward()
            optimizer.step()
        }
        for (i, h) in hidden.enumerated() { gains[h] = exp(Double(logGains.scalars[i])) }
    }
}
