import Foundation
import Musculoskeletal
/// A prior on the excitation of each unmeasured muscle from static optimisation's optimality condition,
/// anchored to the measured agonists' excitations.
///
/// Minimising Σ a² under a torque constraint gives every muscle a_i = λ·κ_i, with κ_i = |r_i|·A_i its torque per
/// unit activation (moment arm × force at full activation, from the current fibre length and velocity) and λ
/// shared by the muscles of a coordinate. The measured agonists of an unmeasured muscle h (measured muscles
/// whose moment arm about h's main coordinate has h's sign) estimate λ(t) = Σ_j e_j(t) / Σ_j κ_j(t) (pooled, so a
/// weak agonist with little capacity about that coordinate cannot dominate), so h's
/// target is t_h(t) = λ(t)·κ_h(t), and the prior adds weight · mean over h and frames of (e_h − t_h)².
/// Unlike a penalty on unmeasured excitations alone, it keeps co-contraction where the agonists' EMG shows it
/// and scales a hidden muscle with its measured synergists, which separates its excitation from its strength.
/// κ is held constant in the gradient (the prior shapes excitations, not parameters).
///
/// The equal-effort assumption behind λ fixes how strongly h is recruited relative to its agonists, which a
/// subject need not share (people recruit brachialis and biceps in different proportions). With a recruitment
/// gain g_h the target becomes g_h·λ(t)·κ_h(t): the prior then gives h its agonists' pattern while the torque
/// decides its amplitude. Nor need the subject minimise Σ a²: the optimum of Σ w·a^p gives a_i ∝ κ_i^q with
/// q = 1/(p − 1) (q = 0.5 for Crowninshield & Brand's cubic criterion), so with a recruitment exponent q the target is
/// t_h = g_h·Σ_j e_j·κ_h^q / Σ_j κ_j^q, which is the above at q = 1. Gains and exponent are the subject's
/// ``AgonistRecruitment``; ``evaluate(_:geometry:recruitment:differentiatingExponent:)`` returns the gradients with
/// respect to log g_h and to q, so that a fit learns them.
public struct AgonistPrior: Sendable {
    /// The range a fitted recruitment exponent q is kept in.
    public static let exponentBounds = BoundedScale(0.25, 2)
    /// Weight of the prior.
    public var weight: Double
    /// Unmeasured muscle → (its main coordinate, its measured agonists).
    public var agonists: [Int: (coordinate: Int, muscles: [Int])]

    /// The prior over the agonists (``MeasuredAgonists``) of every unmeasured muscle of `system`, from `trials`.
    public init(weight: Double, system: MuscleSystem, trials: [EstimationTrial], measured: [Int]) {
        self.weight = weight
        agonists = MeasuredAgonists(muscleCount: system.muscles.count, trials: trials, measured: measured).groups
    }

    /// The muscles of `hidden` the prior does not anchor (no measured agonist), or all of them when its weight is 0:
    /// the muscles whose only prior is static optimisation's minimum effort.
    public func unanchored(among hidden: [Int]) -> [Int] {
        weight > 0 ? hidden.filter { agonists[$0] == nil } : hidden
    }

    /// The prior's value and its gradients with respect to the excitations of `pass` over `geometry` and to the log
    /// recruitment gains of `recruitment`; with `differentiatingExponent`, also to its exponent q (0 otherwise: the
    /// logarithms that gradient needs are then not taken). `drift` multiplies an anchored muscle's target at frame k by
    /// exp(drift[h][k]) (a slow change of its recruitment within the trial, ``RecruitmentDrift``); `driftGradient` is
    /// the gradient with respect to those frame values, for each muscle `drift` holds.
    public func evaluate(_ pass: MuscleSystem.Pass, geometry: MusculotendonKinematics, recruitment: AgonistRecruitment = .equalEffort,
                         differentiatingExponent: Bool = false, drift: [Int: [Double]] = [:])
        -> (loss: Double, gradient: [[Double]], logGainGradient: [Int: Double], exponentGradient: Double, driftGradient: [Int: [Double]]) {
        let frames = pass.excitation.first?.count ?? 0
        var gradient = pass.excitation.map { [Double](repeating: 0, count: $0.count) }
        var logGainGradient: [Int: Double] = [:]
        var driftGradient = drift.mapValues { [Double](repeating: 0, count: $0.count) }
        guard weight > 0, !agonists.isEmpty, frames > 0 else { return (0, gradient, logGainGradient, 0, driftGradient) }
        let count = Double(agonists.count * frames)
        var loss = 0.0, exponentGradient = 0.0
        // In muscle order, not the dictionary's (which changes from run to run): the sums, and the refinement's line
        // search that compares them, are then the same in every process.
        for (h, entry) in agonists.sorted(by: { $0.key < $1.key }) {
            let gain = recruitment.gain(of: h), logFactors = drift[h]
            var dLogGain = 0.0
            for k in 0..<frames {
                let frameGain = logFactors.map { gain * exp($0[k]) } ?? gain
                let target = Self.target(of: h, entry, frame: k, pass: pass, geometry: geometry, gain: frameGain,
                                         exponent: recruitment.exponent, differentiatingExponent: differentiatingExponent)
                let residual = pass.excitation[h][k] - target.value
                loss += weight * residual * residual / count
                let g = 2 * weight * residual / count
                gradient[h][k] += g
                for j in entry.muscles { gradient[j][k] -= g * frameGain * target.share }
                dLogGain -= g * target.value
                driftGradient[h]?[k] = -g * target.value
                exponentGradient -= g * target.value * target.dLogShare
            }
            logGainGradient[h] = dLogGain
        }
        return (loss, gradient, logGainGradient, exponentGradient, driftGradient)
    }

    /// Each anchored muscle's target t_h = g_h·Σe_j·κ_h^q/Σκ_j^q over the frames of `pass`, its agonists' drive being
    /// their excitations in `pass`.
    public func targets(_ pass: MuscleSystem.Pass, geometry: MusculotendonKinematics,
                        recruitment: AgonistRecruitment = .equalEffort) -> [Int: [Double]] {
        let frames = pass.excitation.first?.count ?? 0
        return agonists.reduce(into: [:]) { targets, group in
            targets[group.key] = (0..<frames).map { k in
                Self.target(of: group.key, group.value, frame: k, pass: pass, geometry: geometry, gain: recruitment.gain(of: group.key),
                            exponent: recruitment.exponent, differentiatingExponent: false).value
            }
        }
    }

    /// Hidden muscle h's target at frame k, with its share of the drive κ_h^q / Σ_j κ_j^q and, when
    /// `differentiatingExponent`, that share's derivative in log with respect to q (else 0).
    private static func target(of h: Int, _ entry: (coordinate: Int, muscles: [Int]), frame k: Int, pass: MuscleSystem.Pass,
                               geometry: MusculotendonKinematics, gain: Double, exponent q: Double, differentiatingExponent: Bool)
        -> (value: Double, share: Double, dLogShare: Double) {
        let arms = geometry.momentArm[entry.coordinate]
        func capacity(_ i: Int) -> Double { max(abs(arms[i][k]) * pass.muscleForces[i].frames[k].dActivation, 1e-9) }
        func powered(_ kappa: Double) -> Double { q == 1 ? kappa : pow(kappa, q) }
        var drive = 0.0, pooled = 0.0, pooledLog = 0.0
        for j in entry.muscles {
            let kj = capacity(j), poweredCapacity = powered(kj)
            drive += pass.excitation[j][k]; pooled += poweredCapacity
            if differentiatingExponent { pooledLog += poweredCapacity * log(kj) }
        }
        let kh = capacity(h)
        let share = powered(kh) / pooled
        return (gain * drive * share, share, differentiatingExponent ? log(kh) - pooledLog / pooled : 0)
    }
}
