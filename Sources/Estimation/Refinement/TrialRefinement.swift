import Foundation
import Musculoskeletal

/// Test-time physics of the hybrid NMM: the excitations of one trial that make the subject's muscles reproduce the
/// trial's inverse-dynamics torque and the measured muscles their EMG, while staying close to a proposal (the
/// network's), as CEINMS's hybrid mode adjusts excitations around measured EMG:
///
///     min over 0 ≤ e ≤ 1 of   mean_{c,k} ((τ_c(e) − τ_ID,c) / s_c)²
///                           + emgWeight · mean_{measured m, k} w_{m,k} (e_m / g_m − EMG_m)²
///                           + proposalWeight · mean_{m, k} (e_m − p_m)²
///                           + emgWeight / (2 sin(π f_c h))² · mean_{m, k} (Δ(e_m − p_m))²
///                           + the NMM's ``AgonistPrior`` at `agonistWeight` (when given one)
///                           + effortWeight · mean_{unanchored h, k} e_h²
///
/// τ(e) runs the whole ``MuscleSystem`` chain (delay, activation dynamics from e[0] at steady state, forces, moment
/// arms) with the personalised parameters fitted on the training trials; s_c is the coordinate's RMS torque over
/// those trials (``TorqueLoss``), and g_m the fitted gain of m's EMG channel (1 when gains are not fitted), so the
/// three terms are the training loss's, except for w: surface EMG's error grows with its amplitude, so each frame's
/// EMG residual weighs w = 1 / (1 + (EMG/ε)²), normalised to mean 1 over the channel's frames (the likelihood of
/// additive noise of SD σ_a plus multiplicative noise of relative SD σ_m, ε = σ_a/σ_m; `emgNoiseLevel`), and the
/// torque carries more of the muscles' shape where the EMG is least sure. The gradient is the system's exact
/// backward pass and the bounds are kept by ``BoxConstrainedMinimizer``. The Δ(e − p) term keeps the correction
/// smooth: against the EMG term it passes frequencies below about f_c (`correctionCutoff`, h the sample interval) and
/// damps faster ones, so the correction carries what the torque says about a muscle's level and slow shape, not the
/// frame-to-frame noise of surface EMG (which the torque would otherwise hand on to the hidden muscles). With an
/// `agonistBlend` β > 0, the proposal p of each hidden muscle the agonist prior anchors is first moved towards what its
/// measured agonists' EMG says, p_h ← (1 − β)·p_h + β·t_h (t_h the prior's target with the EMG as the agonists'
/// drive, each channel times its gain): the network reads kinematics only, so a shape only the trial's EMG shows can then reach the hidden muscle
/// although the correction is smooth. The effort term is the training's: static optimisation's criterion for the
/// hidden muscles the agonist prior leaves unanchored. A term whose data the trial lacks (no EMG for a channel, no
/// torque for a coordinate) is left out. With a ``RecruitmentDrift`` (`drift`), the agonist prior's targets may drift
/// slowly within the trial where a split-half check of its torque supports it.
public struct TrialRefinement: Sendable, Equatable, Codable {
    /// Weight of the proposal term: how far the network's proposal may be left to follow torque and EMG.
    public var proposalWeight: Double
    /// Weight of the measured muscles' EMG term.
    public var emgWeight: Double
    /// The frequency (Hz) below which the correction of the proposal may vary freely.
    public var correctionCutoff: Double
    /// Weight the NMM gives the agonist prior it refines with (each hidden muscle near its measured agonists' effort
    /// times its recruitment gain).
    public var agonistWeight: Double
    /// How far (0–1) an anchored hidden muscle's proposal is moved towards its agonists' EMG before refining.
    public var agonistBlend: Double
    /// The EMG level ε at which a channel's multiplicative noise equals its additive noise: each frame's EMG residual
    /// is weighted by 1 / (1 + (EMG/ε)²), normalised to mean 1 over the channel's frames; 0: equal weights.
    public var emgNoiseLevel: Double
    /// Iterations of the solver at most.
    public var iterations: Int
    /// The slow drift of the anchored hidden muscles' recruitment, used on a trial where its check supports it; nil:
    /// never.
    public var drift: RecruitmentDrift?
    /// Whether the refinement may use a ``RecruitmentDrift`` (with its default settings, D36, when turned on).
    public var usesRecruitmentDrift: Bool {
        get { drift != nil }
        set { drift = newValue ? drift ?? RecruitmentDrift() : nil }
    }

    /// A refinement; see the properties.
    public init(proposalWeight: Double, emgWeight: Double = 1, correctionCutoff: Double = 0.5, agonistWeight: Double = 0.3,
                agonistBlend: Double = 0, emgNoiseLevel: Double = 0, iterations: Int = 300, drift: RecruitmentDrift? = nil) {
        self.proposalWeight = proposalWeight; self.emgWeight = emgWeight; self.correctionCutoff = correctionCutoff
        self.agonistWeight = agonistWeight; self.agonistBlend = agonistBlend; self.emgNoiseLevel = emgNoiseLevel
        self.iterations = iterations; self.drift = drift
    }

    enum CodingKeys: String, CodingKey {
        case proposalWeight, emgWeight, correctionCutoff, agonistWeight, agonistBlend, emgNoiseLevel, iterations, drift = "recruitmentDrift"
    }

    /// A refinement as a saved model records it; a setting the record lacks (saved before it existed) takes its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = TrialRefinement(proposalWeight: 0.01)
        self.init(proposalWeight: try container.decodeIfPresent(Double.self, forKey: .proposalWeight) ?? defaults.proposalWeight,
                  emgWeight: try container.decodeIfPresent(Double.self, forKey: .emgWeight) ?? defaults.emgWeight,
                  correctionCutoff: try container.decodeIfPresent(Double.self, forKey: .correctionCutoff) ?? defaults.correctionCutoff,
                  agonistWeight: try container.decodeIfPresent(Double.self, forKey: .agonistWeight) ?? defaults.agonistWeight,
                  agonistBlend: try container.decodeIfPresent(Double.self, forKey: .agonistBlend) ?? 0,
                  emgNoiseLevel: try container.decodeIfPresent(Double.self, forKey: .emgNoiseLevel) ?? 0,
                  iterations: try container.decodeIfPresent(Int.self, forKey: .iterations) ?? defaults.iterations,
                  drift: try container.decodeIfPresent(RecruitmentDrift.self, forKey: .drift))
    }

    /// Encodes the settings; `agonistBlend`, `emgNoiseLevel` and `drift` only when they are not 0 or nil, so that a model
    /// saved before they existed (which decodes them so) re-encodes to the description its weights' digest was taken of,
    /// and still loads.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(proposalWeight, forKey: .proposalWeight)
        try container.encode(emgWeight, forKey: .emgWeight)
        try container.encode(correctionCutoff, forKey: .correctionCutoff)
        try container.encode(agonistWeight, forKey: .agonistWeight)
        if agonistBlend != 0 { try container.encode(agonistBlend, forKey: .agonistBlend) }
        if emgNoiseLevel != 0 { try container.encode(emgNoiseLevel, forKey: .emgNoiseLevel) }
        try container.encode(iterations, forKey: .iterations)
        try container.encodeIfPresent(drift, forKey: .drift)
    }

    /// The refined excitations `[muscle][frame]` of `trial`, from `proposal` (same shape); `agonistPrior`, when given, is
    /// added at its own weight with the subject's fitted `recruitment`, its targets drifting where `drift`'s check
    /// supports it; `effortWeight` weighs the effort of the hidden muscles it does not anchor (every hidden muscle without
    /// a prior).
    public func refine(_ proposal: [[Double]], trial: EstimationTrial, system: MuscleSystem, parameters: PersonalizedParameters,
                       measured: [(muscle: Int, channel: String)], coordinates: [String], torqueScales: [Double],
                       agonistPrior: AgonistPrior? = nil, recruitment: AgonistRecruitment = .equalEffort,
                       emgGains: [String: Double] = [:], effortWeight: Double = 0) -> Refined {
        let proposal = agonistPrior.map { anchored(proposal, trial: trial, system: system, parameters: parameters, measured: measured,
                                                   prior: $0, recruitment: recruitment, emgGains: emgGains) } ?? proposal
        let objective = Objective(refinement: self, proposal: proposal, trial: trial, system: system, parameters: parameters,
                                  measured: measured, coordinates: coordinates, torqueScales: torqueScales, agonistPrior: agonistPrior,
                                  recruitment: recruitment, emgGains: emgGains, effortWeight: effortWeight)
        guard let drift, let drifting = objective.drifting(drift) else { return Refined(excitation: objective.unflatten(solve(objective)), drift: nil) }
        let ratio = heldOutErrorRatio(drifting, over: objective)
        let used = ratio.map { $0 < drift.checkThreshold } ?? false
        let chosen = used ? drifting : objective
        return Refined(excitation: chosen.unflatten(solve(chosen)), drift: RecruitmentDriftRecord(heldOutRatio: ratio, used: used))
    }

    /// A refined trial: its excitations `[muscle][frame]`, and what was done with the drift (nil: it could not drift, no
    /// drift set or no anchored hidden muscle).
    public struct Refined: Sendable {
        /// The refined excitations `[muscle][frame]`.
        public var excitation: [[Double]]
        /// Whether the drift was checked and used.
        public var drift: RecruitmentDriftRecord?
    }

    /// The minimiser of `objective` within its bounds, from its start.
    func solve(_ objective: Objective) -> [Double] {
        let bounds = objective.bounds
        return BoxConstrainedMinimizer(maximumIterations: iterations, tolerance: 1e-7)
            .minimize(from: objective.start, lower: bounds.lower, upper: bounds.upper, objective: objective.evaluate).x
    }

    /// `proposal` with each hidden muscle `prior` anchors moved `agonistBlend` of the way towards its target with the
    /// trial's EMG (negative values clipped, times the channel's gain) as its agonists' drive, within [0, 1].
    func anchored(_ proposal: [[Double]], trial: EstimationTrial, system: MuscleSystem, parameters: PersonalizedParameters,
                  measured: [(muscle: Int, channel: String)], prior: AgonistPrior, recruitment: AgonistRecruitment,
                  emgGains: [String: Double]) -> [[Double]] {
        guard agonistBlend > 0 else { return proposal }
        var drive = proposal
        for pair in measured {
            if let emg = trial.envelope(pair.channel) { let gain = emgGains[pair.channel] ?? 1; drive[pair.muscle] = emg.map { gain * $0 } }
        }
        let pass = system.forward(excitation: drive, geometry: trial.geometry, sampleInterval: trial.sampleInterval, parameters: parameters)
        var anchored = proposal
        for (h, target) in prior.targets(pass, geometry: trial.geometry, recruitment: recruitment) {
            anchored[h] = zip(proposal[h], target).map { min(max((1 - agonistBlend) * $0 + agonistBlend * $1, 0), 1) }
        }
        return anchored
    }

    /// The objective of one trial over the flattened excitations `x[m·frames + k]`.
    struct Objective {
        let refinement: TrialRefinement
        let proposal: [[Double]]
        let trial: EstimationTrial
        let system: MuscleSystem
        let parameters: PersonalizedParameters
        /// The measured muscles whose EMG the trial records, with that EMG and the scale 1/g its channel's gain g gives
        /// the excitation before they are compared.
        let emg: [(muscle: Int, values: [Double], scale: Double, weights: [Double])]
        /// The coordinates whose torque the trial records: their indices into the geometry's, that torque, and the
        /// training's loss on it.
        let torqueCoordinates: [Int]
        let torqueReference: [[Double]]
        let torqueLoss: TorqueLoss
        /// The training loss's agonist prior, and the fitted recruitment it uses.
        let agonistPrior: AgonistPrior?
        let recruitment: AgonistRecruitment
        /// The hidden muscles without a measured agonist, whose effort is penalised at `effortWeight`.
        let unanchored: [Int]
        let effortWeight: Double
        /// The drift of the agonist prior's targets, with the anchored muscles it moves (in muscle order) and its knots,
        /// whose values follow the excitations in the variables; nil: no drift.
        private(set) var drift: (settings: RecruitmentDrift, muscles: [Int], knots: DriftKnots)?
        /// The frames whose torque counts (every frame when nil): the split-half check's blocks.
        private(set) var torqueFrames: [Bool]?

        init(refinement: TrialRefinement, proposal: [[Double]], trial: EstimationTrial, system: MuscleSystem,
             parameters: PersonalizedParameters, measured: [(muscle: Int, channel: String)], coordinates: [String], torqueScales: [Double],
             agonistPrior: AgonistPrior? = nil, recruitment: AgonistRecruitment = .equalEffort, emgGains: [String: Double] = [:],
             effortWeight: Double = 0) {
            self.refinement = refinement; self.proposal = proposal; self.trial = trial; self.system = system; self.parameters = parameters
            self.agonistPrior = agonistPrior; self.recruitment = recruitment; self.effortWeight = effortWeight
            let hidden = proposal.indices.filter { m in !measured.contains { $0.muscle == m } }
            unanchored = agonistPrior?.unanchored(among: hidden) ?? hidden
            emg = measured.compactMap { pair in
                trial.emg[pair.channel].map { (pair.muscle, $0, 1 / (emgGains[pair.channel] ?? 1), Self.noiseWeights($0, level: refinement.emgNoiseLevel)) }
            }
            let recorded = coordinates.indices.compactMap { c -> (coordinate: Int, values: [Double], scale: Double)? in
                guard let index = trial.geometry.coordinates.firstIndex(of: coordinates[c]), let values = trial.torque[coordinates[c]] else { return nil }
                return (index, values, torqueScales[c])
            }
            torqueCoordinates = recorded.map(\.coordinate)
            torqueReference = recorded.map(\.values)
            torqueLoss = TorqueLoss(scales: recorded.map(\.scale))
        }

        /// Each frame's weight 1 / (1 + (EMG/ε)²) for an EMG channel's `values`, normalised to mean 1; all 1 when ε is 0.
        static func noiseWeights(_ values: [Double], level: Double) -> [Double] {
            guard level > 0, !values.isEmpty else { return [Double](repeating: 1, count: values.count) }
            let raw = values.map { 1 / (1 + ($0 / level) * ($0 / level)) }
            let mean = raw.reduce(0, +) / Double(raw.count)
            return raw.map { $0 / mean }
        }

        /// This objective with the agonist prior's targets drifting by `settings`; nil when the prior anchors no muscle.
        func drifting(_ settings: RecruitmentDrift) -> Objective? {
            guard let agonistPrior, agonistPrior.weight > 0 else { return nil }
            let muscles = agonistPrior.agonists.keys.sorted()
            guard !muscles.isEmpty else { return nil }
            var drifting = self
            drifting.drift = (settings, muscles, settings.knots(frameCount: trial.frameCount, sampleInterval: trial.sampleInterval))
            return drifting
        }

        /// This objective with the torque counted on `frames` only.
        func keepingTorque(on frames: [Bool]) -> Objective {
            var kept = self
            kept.torqueFrames = frames
            return kept
        }

        /// The variables' start: the proposal, and no drift.
        var start: [Double] { proposal.flatMap { $0 } + [Double](repeating: 0, count: driftVariableCount) }

        /// Excitations within [0, 1], drift knots within the drift's bound.
        var bounds: (lower: [Double], upper: [Double]) {
            let excitations = proposal.count * trial.frameCount, bound = drift?.settings.bound ?? 0
            return ([Double](repeating: 0, count: excitations) + [Double](repeating: -bound, count: driftVariableCount),
                    [Double](repeating: 1, count: excitations) + [Double](repeating: bound, count: driftVariableCount))
        }

        private var driftVariableCount: Int { drift.map { $0.muscles.count * $0.knots.count } ?? 0 }

        func unflatten(_ x: [Double]) -> [[Double]] {
            let n = trial.frameCount
            return proposal.indices.map { Array(x[($0 * n)..<(($0 + 1) * n)]) }
        }

        /// Each drifting muscle's knot values in `x`, in the order of `drift.muscles`.
        private func driftKnotValues(_ x: [Double]) -> [ArraySlice<Double>] {
            guard let drift else { return [] }
            let first = proposal.count * trial.frameCount, count = drift.knots.count
            return drift.muscles.indices.map { x[(first + $0 * count)..<(first + ($0 + 1) * count)] }
        }

        /// The sum over the torque coordinates and `frames` of ((τ(x) − τ_ID) / s)²: the torque error where it was
        /// (or was not) fitted.
        func torqueError(_ x: [Double], on frames: [Bool]) -> Double {
            let pass = system.forward(excitation: unflatten(x), geometry: trial.geometry, sampleInterval: trial.sampleInterval, parameters: parameters)
            return torqueLoss.squaredError(model: torqueCoordinates.map { pass.torque[$0] }, reference: torqueReference, frames: frames)
        }

        func evaluate(_ x: [Double]) -> (value: Double, gradient: [Double]) {
            let n = trial.frameCount, muscles = proposal.count
            let excitation = unflatten(x)
            let pass = system.forward(excitation: excitation, geometry: trial.geometry, sampleInterval: trial.sampleInterval, parameters: parameters)
            let torque = torqueLoss.evaluate(model: torqueCoordinates.map { pass.torque[$0] }, reference: torqueReference, fitted: torqueFrames)
            var value = torque.loss
            var torqueGradient = pass.torque.map { [Double](repeating: 0, count: $0.count) }
            for (row, coordinate) in torqueCoordinates.enumerated() { torqueGradient[coordinate] = torque.gradient[row] }
            var gradient = system.backward(pass, torqueGradient: torqueGradient, geometry: trial.geometry,
                                           sampleInterval: trial.sampleInterval).excitation.flatMap { $0 }
            if let agonistPrior {
                let knots = driftKnotValues(x)
                var frameDrift: [Int: [Double]] = [:]
                if let drift { for (i, h) in drift.muscles.enumerated() { frameDrift[h] = drift.knots.values(knots[i]) } }
                let prior = agonistPrior.evaluate(pass, geometry: trial.geometry, recruitment: recruitment, drift: frameDrift)
                value += prior.loss
                for (index, g) in prior.gradient.flatMap({ $0 }).enumerated() { gradient[index] += g }
                if let drift {
                    let penalty = drift.settings.penalty(knots.map(Array.init))
                    value += penalty.value
                    for (i, h) in drift.muscles.enumerated() {
                        let knotGradient = drift.knots.knotGradient(prior.driftGradient[h] ?? [Double](repeating: 0, count: n))
                        gradient += zip(knotGradient, penalty.gradient[i]).map { $0 + $1 }
                    }
                }
            }
            let emgScale = refinement.emgWeight / Double(max(emg.count, 1) * n)
            for entry in emg {
                for k in 0..<n {
                    let residual = excitation[entry.muscle][k] * entry.scale - entry.values[k]
                    value += emgScale * entry.weights[k] * residual * residual
                    gradient[entry.muscle * n + k] += 2 * emgScale * entry.weights[k] * residual * entry.scale
                }
            }
            let effortScale = effortWeight / Double(max(unanchored.count, 1) * n)
            for h in unanchored where effortWeight > 0 {
                for k in 0..<n {
                    value += effortScale * excitation[h][k] * excitation[h][k]
                    gradient[h * n + k] += 2 * effortScale * excitation[h][k]
                }
            }
            let proposalScale = refinement.proposalWeight / Double(muscles * n)
            for m in 0..<muscles {
                for k in 0..<n {
                    let residual = excitation[m][k] - proposal[m][k]
                    value += proposalScale * residual * residual
                    gradient[m * n + k] += 2 * proposalScale * residual
                }
            }
            let smoothnessScale = refinement.emgWeight / pow(2 * sin(Double.pi * refinement.correctionCutoff * trial.sampleInterval), 2)
                / Double(muscles * max(n - 1, 1))
            for m in 0..<muscles {
                for k in 1..<max(n, 1) {
                    let change = (excitation[m][k] - proposal[m][k]) - (excitation[m][k - 1] - proposal[m][k - 1])
                    value += smoothnessScale * change * change
                    gradient[m * n + k] += 2 * smoothnessScale * change
                    gradient[m * n + k - 1] -= 2 * smoothnessScale * change
                }
            }
            return (value, gradient)
        }
    }
}
