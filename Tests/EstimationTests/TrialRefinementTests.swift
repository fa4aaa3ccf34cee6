import Foundation
import Musculoskeletal
import Testing
import TestSupport
@testable import Estimation

/// The hybrid NMM's test-time physics: its gradient against finite differences, and what it recovers of a hidden
/// muscle on a two-muscle system whose torques were made from known excitations.
@Suite struct TrialRefinementTests {
    let fixture = MuscleSystemGradientTests()
    let frames = 60, h = 0.01

    /// Known excitations of the flexor (measured) and the extensor (hidden).
    var truth: [[Double]] {
        [(0..<frames).map { 0.3 + 0.2 * sin(Double($0) / 6) }, (0..<frames).map { 0.25 + 0.15 * cos(Double($0) / 9) }]
    }

    /// A trial whose torques the truth produced, with the flexor's EMG equal to its excitation.
    func trial(withTorque: Bool = true) -> EstimationTrial {
        let geometry = fixture.geometry(frames: frames)
        let torque = fixture.system.forward(excitation: truth, geometry: geometry, sampleInterval: h,
                                            parameters: PersonalizedParameters(muscleCount: 2)).torque
        return EstimationTrial(name: "known", time: (0..<frames).map { Double($0) * h }, featureLabels: [], features: [],
                               emg: ["flexor_emg": truth[0]],
                               torque: withTorque ? ["elbow": torque[0], "shoulder": torque[1]] : [:], geometry: geometry)
    }

    func refine(_ proposal: [[Double]], _ trial: EstimationTrial, proposalWeight: Double, correctionCutoff: Double = 1,
                effortWeight: Double = 0, emgGains: [String: Double] = [:]) -> [[Double]] {
        TrialRefinement(proposalWeight: proposalWeight, correctionCutoff: correctionCutoff, iterations: 2000)
            .refine(proposal, trial: trial, system: fixture.system, parameters: PersonalizedParameters(muscleCount: 2),
                    measured: [(muscle: 0, channel: "flexor_emg")], coordinates: ["elbow", "shoulder"], torqueScales: [10, 3],
                    emgGains: emgGains, effortWeight: effortWeight).excitation
    }

    /// With the channel read at face value and through a gain of 1.7, its frames weighted equally and for
    /// signal-dependent noise.
    @Test(arguments: [(1.0, 0.0), (1.7, 0.0), (1.7, 0.05)]) func gradientMatchesFiniteDifferences(emgGain: Double, emgNoiseLevel: Double) {
        let trial = trial()
        let proposal = truth.map { $0.map { $0 * 0.8 + 0.05 } }
        let objective = TrialRefinement.Objective(
            refinement: TrialRefinement(proposalWeight: 0.3, emgWeight: 2, emgNoiseLevel: emgNoiseLevel), proposal: proposal, trial: trial,
            system: fixture.system,
            parameters: PersonalizedParameters(muscleCount: 2), measured: [(muscle: 0, channel: "flexor_emg")],
            coordinates: ["elbow", "shoulder"], torqueScales: [10, 3], emgGains: ["flexor_emg": emgGain], effortWeight: 0.7)
        let x = truth.flatMap { $0 }.enumerated().map { $0.element + 0.03 * sin(Double($0.offset)) }
        let gradient = objective.evaluate(x).gradient
        for index in [0, 7, 31, 59, 60, 75, 119] {
            let numeric = partialDerivative({ objective.evaluate($0).value }, at: x, index: index)
            #expect(close(numeric, gradient[index], relative: 1e-5, absolute: 1e-9), "x[\(index)]: \(numeric) vs \(gradient[index])")
        }
    }

    /// A frame's EMG weight falls with the EMG as additive-plus-multiplicative noise says, 1 / (1 + (EMG/ε)²), and the
    /// weights average 1, so the channel's overall weight is kept; without a level every frame weighs 1.
    @Test func emgFramesAreWeightedForSignalDependentNoise() {
        let values = [0.0, 0.05, 0.1, 0.4]
        let weights = TrialRefinement.Objective.noiseWeights(values, level: 0.05)
        let raw = [1, 0.5, 0.2, 1 / 65.0]
        let mean = raw.reduce(0, +) / 4
        for k in values.indices { #expect(abs(weights[k] - raw[k] / mean) < 1e-12) }
        #expect(abs(weights.reduce(0, +) / 4 - 1) < 1e-12)
        #expect(TrialRefinement.Objective.noiseWeights(values, level: 0) == [1, 1, 1, 1])
    }

    @Test func aHiddenMuscleIsRecoveredFromTheTorqueItMakes() {
        let trial = trial()
        let proposal = [truth[0], [Double](repeating: 0.6, count: frames)]
        // A cut-off well above the hidden muscle's 1.8 Hz leaves the correction free.
        let refined = refine(proposal, trial, proposalWeight: 1e-4, correctionCutoff: 20)
        #expect(refined.allSatisfy { $0.allSatisfy { (0...1).contains($0) } })
        // The first frames are left aside: activation starts at steady state from e[0], so e[0] is poorly determined.
        let hidden = Array(refined[1][5...]), reference = Array(truth[1][5...])
        #expect(pearson(hidden, reference) > 0.99, "r \(pearson(hidden, reference))")
        #expect(rootMeanSquareError(hidden, reference) < 0.02, "RMSE \(rootMeanSquareError(hidden, reference))")
        #expect(rootMeanSquareError(Array(proposal[1][5...]), reference) > 0.2, "the proposal must start far from the truth")
    }

    /// Without torque, an unanchored hidden muscle settles where the proposal and effort terms balance: the proposal
    /// term is a mean over two muscles, the effort term over one, so per value λ/2·(e − p)² + w·e², e = p·(λ/2)/(λ/2 + w).
    @Test func effortPullsAnUnanchoredHiddenMuscleTowardsRest() {
        let trial = trial(withTorque: false)
        let proposal = [truth[0], [Double](repeating: 0.6, count: frames)]
        let refined = refine(proposal, trial, proposalWeight: 1, correctionCutoff: 50, effortWeight: 1)
        #expect(refined[1].allSatisfy { abs($0 - 0.6 * 0.5 / 1.5) < 1e-4 }, "\(refined[1].prefix(3))")
    }

    /// The agonist blend moves an anchored hidden muscle's proposal towards g·EMG_j·κ_h/κ_j (κ = |moment arm| ×
    /// force per unit activation, recomputed here from the pass with the EMG as drive), and leaves the measured muscle.
    @Test func theAgonistBlendMovesAnAnchoredProposalTowardsItsAgonistsEMG() {
        let trial = trial()
        let parameters = PersonalizedParameters(muscleCount: 2)
        var prior = AgonistPrior(weight: 1, system: fixture.system, trials: [trial], measured: [0])
        prior.agonists = [1: (coordinate: 0, muscles: [0])]  // anchored by hand: the fixture's extensor has no measured agonist
        let proposal = [[Double](repeating: 0.5, count: frames), [Double](repeating: 0.2, count: frames)]
        let pass = fixture.system.forward(excitation: [truth[0], proposal[1]], geometry: trial.geometry, sampleInterval: h, parameters: parameters)
        let arms = trial.geometry.momentArm[0]
        func capacity(_ i: Int, _ k: Int) -> Double { abs(arms[i][k]) * pass.muscleForces[i].frames[k].dActivation }
        let expected = (0..<frames).map { k in min(max(0.5 * 0.2 + 0.5 * 0.8 * truth[0][k] * capacity(1, k) / capacity(0, k), 0), 1) }
        // The agonist's channel records half its excitation and is read through a gain of 2.
        var halved = trial
        halved.emg["flexor_emg"] = truth[0].map { $0 / 2 }
        let anchored = TrialRefinement(proposalWeight: 1, agonistBlend: 0.5)
            .anchored(proposal, trial: halved, system: fixture.system, parameters: parameters,
                      measured: [(muscle: 0, channel: "flexor_emg")], prior: prior, recruitment: AgonistRecruitment(gains: [1: 0.8]),
                      emgGains: ["flexor_emg": 2])
        #expect(anchored[0] == proposal[0])
        #expect(zip(anchored[1], expected).allSatisfy { abs($0 - $1) < 1e-12 }, "\(anchored[1].prefix(3)) vs \(expected.prefix(3))")
        // With a recruitment exponent of 0.5 the capacity ratio enters as its square root.
        let cubic = TrialRefinement(proposalWeight: 1, agonistBlend: 0.5)
            .anchored(proposal, trial: halved, system: fixture.system, parameters: parameters,
                      measured: [(muscle: 0, channel: "flexor_emg")], prior: prior, recruitment: AgonistRecruitment(gains: [1: 0.8], exponent: 0.5),
                      emgGains: ["flexor_emg": 2])
        let expectedCubic = (0..<frames).map { k in
            min(max(0.5 * 0.2 + 0.5 * 0.8 * truth[0][k] * (capacity(1, k) / capacity(0, k)).squareRoot(), 0), 1)
        }
        #expect(zip(cubic[1], expectedCubic).allSatisfy { abs($0 - $1) < 1e-12 }, "\(cubic[1].prefix(3)) vs \(expectedCubic.prefix(3))")
        #expect(TrialRefinement(proposalWeight: 1).anchored(proposal, trial: trial, system: fixture.system, parameters: parameters,
                                                           measured: [(muscle: 0, channel: "flexor_emg")], prior: prior, recruitment: .equalEffort,
                                                           emgGains: [:]) == proposal)
    }

    @Test func withoutTorqueTheHiddenMuscleKeepsItsProposal() {
        let trial = trial(withTorque: false)
        let proposal = [truth[0].map { $0 + 0.1 }, [Double](repeating: 0.6, count: frames)]
        let refined = refine(proposal, trial, proposalWeight: 1, correctionCutoff: 50)
        #expect(refined[1].allSatisfy { abs($0 - 0.6) < 1e-6 })
        // The measured muscle settles between its proposal (+0.1) and its EMG: the EMG term is a mean over one channel,
        // the proposal term over two muscles, so per value their weights are 1 and 1/2 and e = EMG + 0.1·(1/2)/(1 + 1/2).
        #expect(zip(refined[0], truth[0]).allSatisfy { abs($0 - ($1 + 0.1 / 3)) < 1e-4 })
    }

    /// EMG with frame-to-frame noise: the measured muscle's correction follows the EMG's slow part and damps its noise.
    /// A channel recording the excitation divided by its gain: read through that gain the EMG agrees with the truth and
    /// the refinement keeps it; read at face value it pulls the measured muscle down towards the halved EMG.
    @Test func aChannelIsReadThroughItsGain() {
        var trial = trial(withTorque: false)
        trial.emg["flexor_emg"] = truth[0].map { $0 / 2 }
        let throughGain = refine(truth, trial, proposalWeight: 1e-3, correctionCutoff: 50, emgGains: ["flexor_emg": 2])
        let faceValue = refine(truth, trial, proposalWeight: 1e-3, correctionCutoff: 50)
        let gap = { (e: [Double]) in zip(e, self.truth[0]).map { abs($0 - $1) }.max()! }
        #expect(gap(throughGain[0]) < 0.005, "through its gain: \(gap(throughGain[0])) from the truth")
        #expect(zip(faceValue[0], truth[0]).allSatisfy { $0 < $1 - 0.05 }, "at face value it follows the halved EMG")
    }

    @Test func theCorrectionPassesSlowEMGAndDampsItsNoise() {
        var trial = trial(withTorque: false)
        let noise = (0..<frames).map { k in 0.05 * (k % 2 == 0 ? 1.0 : -1.0) }
        trial.emg["flexor_emg"] = zip(truth[0], noise).map { $0 + 0.1 + $1 }
        let refined = refine(truth, trial, proposalWeight: 1e-3, correctionCutoff: 1)
        let correction = zip(refined[0], truth[0]).map { $0 - $1 }
        let middle = Array(correction[10..<50])
        // The slow part (+0.1) comes through; the alternating ±0.05 at the Nyquist frequency is damped ~1000-fold.
        #expect(abs(middle.reduce(0, +) / Double(middle.count) - 0.1) < 0.01, "mean correction \(middle.reduce(0, +) / Double(middle.count))")
        let alternation = zip(middle.dropFirst(), middle).map { abs($0 - $1) }.max()!
        #expect(alternation < 0.002, "frame-to-frame change of the correction \(alternation)")
    }
}
