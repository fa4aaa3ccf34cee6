import Foundation
import Musculoskeletal
import Testing
import TestSupport
@testable import Estimation

/// The refinement's slow recruitment drift: its knots, its penalty and the objective's gradient against finite
/// differences, and its split-half check on two trials whose hidden muscle strays from the agonist prior's target in
/// two ways: slowly (a wander the drift should follow) and with the joint's movement (which it must leave alone).
@Suite struct RecruitmentDriftTests {
    let fixture = MuscleSystemGradientTests()
    let h = 0.01
    let measured = [(muscle: 0, channel: "flexor_emg")]
    let parameters = PersonalizedParameters(muscleCount: 2)

    @Test func knotsInterpolateLinearlyAndTheirGradientIsTheTranspose() {
        // 11 frames a quarter knot interval apart span 2.5 intervals: knots at 0, 1, 2 and 3.
        let knots = DriftKnots(frameCount: 11, frameInterval: 0.25)
        #expect(knots.count == 4)
        let values = knots.values([1, 3, -1, 0][...])
        let expected = [1, 1.5, 2, 2.5, 3, 2, 1, 0, -1, -0.75, -0.5]
        #expect(zip(values, expected).allSatisfy { abs($0 - $1) < 1e-12 }, "\(values)")
        // ⟨values(k), g⟩ = ⟨k, knotGradient(g)⟩ for any k and g: the gradient is the interpolation's transpose.
        let k = [0.3, -1.2, 0.7, 2.0], g = (0..<11).map { sin(Double($0)) }
        let left = zip(knots.values(k[...]), g).map { $0 * $1 }.reduce(0, +)
        let right = zip(k, knots.knotGradient(g)).map { $0 * $1 }.reduce(0, +)
        #expect(abs(left - right) < 1e-12)
        // A span of exactly two intervals ends on a knot; a single frame still has two knots.
        #expect(DriftKnots(frameCount: 9, frameInterval: 0.25).count == 3)
        #expect(DriftKnots(frameCount: 1, frameInterval: 0.25).count == 2)
    }

    @Test func penaltyMatchesItsDefinitionAndFiniteDifferences() {
        var settings = RecruitmentDrift()
        settings.ridgeWeight = 0.3; settings.meanWeight = 2; settings.smoothnessWeight = 0.7
        // A constant drift c on one muscle of two: ridge ρ·c²/2, mean μ·c²/2, no steps.
        #expect(abs(settings.penalty([[0.5, 0.5, 0.5], [0, 0, 0]]).value - (0.3 + 2) * 0.25 / 2) < 1e-12)
        let knots = [[0.2, -0.4, 0.1, 0.9], [0.05, 0.3, -0.6, 0.2]]
        let gradient = settings.penalty(knots).gradient
        for (m, j) in [(0, 0), (0, 3), (1, 1), (1, 2)] {
            let numeric = centralDifference({ value in
                var moved = knots
                moved[m][j] = value
                return settings.penalty(moved).value
            }, at: knots[m][j])
            #expect(close(numeric, gradient[m][j], relative: 1e-6, absolute: 1e-10), "[\(m)][\(j)]: \(numeric) vs \(gradient[m][j])")
        }
    }

    /// The split-half check's torque terms: counted on some frames only, the loss is the one whose reference is the
    /// model's own torque elsewhere (no residual there, the mean still over every frame), and the held-out error is the
    /// plain sum of squared normalised residuals over the frames left out.
    @Test func torqueCountedOnSomeFramesLeavesTheOthersOut() {
        let loss = TorqueLoss(scales: [10, 3])
        let model = [(0..<8).map { sin(Double($0)) * 12 }, (0..<8).map { cos(Double($0)) * 4 }]
        let reference = [(0..<8).map { Double($0) }, (0..<8).map { -Double($0) / 2 }]
        let fitted = (0..<8).map { $0 % 3 != 1 }
        let substituted = zip(reference, model).map { row, own in row.indices.map { fitted[$0] ? row[$0] : own[$0] } }
        let masked = loss.evaluate(model: model, reference: reference, fitted: fitted)
        let expected = loss.evaluate(model: model, reference: substituted)
        #expect(masked.loss == expected.loss && masked.gradient == expected.gradient)
        let heldOut = fitted.map(!)
        var sum = 0.0
        for c in 0..<2 { for k in 0..<8 where heldOut[k] { sum += pow((model[c][k] - reference[c][k]) / loss.scales[c], 2) } }
        #expect(abs(loss.squaredError(model: model, reference: reference, frames: heldOut) - sum) < 1e-12)
    }

    /// The objective with the drift and with the torque of alternate blocks only: its gradient with respect to
    /// excitations (through the drifting prior target) and to the knots.
    @Test func objectiveGradientMatchesFiniteDifferencesWithDriftAndTorqueBlocks() throws {
        let frames = 120
        let scenario = Scenario(fixture: fixture, frames: frames, wander: { 0.3 * sin(Double($0) * 0.01 * 2) })
        var settings = RecruitmentDrift()
        settings.ridgeWeight = 0.01; settings.smoothnessWeight = 0.05
        let objective = try #require(scenario.objective(refinement: TrialRefinement(proposalWeight: 0.3, agonistWeight: 1))
            .drifting(settings))
            .keepingTorque(on: (0..<frames).map { ($0 / 25) % 2 == 0 })
        let knots = objective.start.count - 2 * frames
        #expect(knots == 4, "one drifting muscle, 1.19 s: knots at 0, 0.5, 1 and 1.5 s")
        let x = objective.start.enumerated().map { $0.offset < 2 * frames ? 0.4 + 0.1 * sin(Double($0.offset)) : 0.2 * cos(Double($0.offset)) }
        let gradient = objective.evaluate(x).gradient
        for index in [0, 30, 119, 120, 151, 239, 240, 241, 242, 243] {
            let numeric = partialDerivative({ objective.evaluate($0).value }, at: x, index: index)
            #expect(close(numeric, gradient[index], relative: 1e-5, absolute: 1e-9), "x[\(index)]: \(numeric) vs \(gradient[index])")
        }
    }

    /// A hidden muscle whose recruitment wanders slowly (one period over the 6-s trial, against 1-s blocks; its mean is
    /// 0, as the fitted gain holds the level), with the agonist prior
    /// strong enough to hold it near a fixed share of its agonist's drive: the drift predicts the blocks left out, the
    /// check turns it on, and the refined muscle follows the truth closer than without it.
    @Test func theCheckTurnsTheDriftOnForASlowWander() throws {
        let scenario = Scenario(fixture: fixture, frames: 600, wander: { 0.4 * sin(2 * Double.pi * Double($0) / 600) })
        let refinement = TrialRefinement(proposalWeight: 0.01, correctionCutoff: 2, agonistWeight: 3, drift: RecruitmentDrift())
        var fixedRecruitment = refinement
        fixedRecruitment.drift = nil
        let drifting = scenario.refine(with: refinement), fixed = scenario.refine(with: fixedRecruitment)
        let record = try #require(drifting.drift)
        #expect(record.used && record.heldOutRatio.map { $0 < 0.95 } == true, "held-out ratio \(String(describing: record.heldOutRatio))")
        #expect(fixed.drift == nil)
        let error = { (e: [[Double]]) in rootMeanSquareError(Array(e[1][20...]), Array(scenario.truth[1][20...])) }
        #expect(error(drifting.excitation) < 0.7 * error(fixed.excitation),
                "RMSE \(error(drifting.excitation)) with the drift, \(error(fixed.excitation)) without")
    }

    /// A hidden muscle whose error against the prior changes within a block (0.8 Hz), as an error of the forward model
    /// that follows the movement does: a drift fitted to some blocks does not predict the others, so the check keeps it
    /// off and the refinement is the one without a drift, value for value.
    @Test func theCheckKeepsTheDriftOffForAnErrorFasterThanItsBlocks() throws {
        let scenario = Scenario(fixture: fixture, frames: 600, wander: { 0.4 * sin(2 * Double.pi * 0.8 * Double($0) * 0.01) })
        let refinement = TrialRefinement(proposalWeight: 0.01, correctionCutoff: 2, agonistWeight: 3, drift: RecruitmentDrift())
        var fixedRecruitment = refinement
        fixedRecruitment.drift = nil
        let checked = scenario.refine(with: refinement)
        let record = try #require(checked.drift)
        #expect(!record.used && record.heldOutRatio.map { $0 >= 0.95 } == true, "held-out ratio \(String(describing: record.heldOutRatio))")
        #expect(firstDifference(checked.excitation, scenario.refine(with: fixedRecruitment).excitation) == nil)
    }

    /// A trial shorter than two whole blocks (here 1.5) cannot be checked: the drift is not used.
    @Test func aTrialShorterThanTwoBlocksKeepsItsRecruitmentFixed() throws {
        let scenario = Scenario(fixture: fixture, frames: 150, wander: { 0.4 * sin(Double($0) / 30) })
        let record = try #require(scenario.refine(with: TrialRefinement(proposalWeight: 0.01, drift: RecruitmentDrift())).drift)
        #expect(record == RecruitmentDriftRecord(heldOutRatio: nil, used: false))
    }

    /// A model saved before the drift existed has no `recruitmentDrift` key: it decodes without a drift and re-encodes
    /// without the key; a refinement with the drift keeps its settings.
    @Test func theDriftIsRecordedOnlyWhenSet() throws {
        let without = TrialRefinement(proposalWeight: 0.01)
        let encoded = String(decoding: try JSONEncoder().encode(without), as: UTF8.self)
        #expect(!encoded.contains("recruitmentDrift"))
        #expect(try JSONDecoder().decode(TrialRefinement.self, from: Data(encoded.utf8)).drift == nil)
        var settings = RecruitmentDrift()
        settings.checkThreshold = 0.9
        let with = TrialRefinement(proposalWeight: 0.01, drift: settings)
        #expect(try JSONDecoder().decode(TrialRefinement.self, from: JSONEncoder().encode(with)) == with)
        #expect(NMMConfiguration().refinement.usesRecruitmentDrift, "on by default")
    }
}

/// A trial of the two-muscle fixture whose measured flexor has known EMG and whose hidden extensor, anchored by hand to
/// the flexor, is the agonist prior's target times exp(wander(frame)); the proposal is the target without the wander.
struct Scenario {
    let fixture: MuscleSystemGradientTests
    let trial: EstimationTrial
    let prior: AgonistPrior
    let truth: [[Double]]
    let proposal: [[Double]]

    init(fixture: MuscleSystemGradientTests, frames: Int, wander: (Int) -> Double) {
        self.fixture = fixture
        let h = 0.01, parameters = PersonalizedParameters(muscleCount: 2)
        let geometry = fixture.geometry(frames: frames)
        let flexor = (0..<frames).map { 0.3 + 0.15 * sin(Double($0) * h * 1.3) }
        var prior = AgonistPrior(weight: 1, system: fixture.system, trials: [], measured: [0])
        prior.agonists = [1: (coordinate: 0, muscles: [0])]
        let pass = fixture.system.forward(excitation: [flexor, flexor], geometry: geometry, sampleInterval: h, parameters: parameters)
        let target = prior.targets(pass, geometry: geometry)[1]!
        truth = [flexor, (0..<frames).map { min(target[$0] * exp(wander($0)), 1) }]
        proposal = [flexor, target]
        let torque = fixture.system.forward(excitation: truth, geometry: geometry, sampleInterval: h, parameters: parameters).torque
        trial = EstimationTrial(name: "scenario", time: (0..<frames).map { Double($0) * h }, featureLabels: [], features: [],
                                emg: ["flexor_emg": flexor], torque: ["elbow": torque[0], "shoulder": torque[1]], geometry: geometry)
        self.prior = prior
    }

    /// The refinement's objective; the prior at the refinement's agonist weight, as the NMM refines.
    func objective(refinement: TrialRefinement) -> TrialRefinement.Objective {
        var prior = prior
        prior.weight = refinement.agonistWeight
        return TrialRefinement.Objective(refinement: refinement, proposal: proposal, trial: trial, system: fixture.system,
                                  parameters: PersonalizedParameters(muscleCount: 2), measured: [(muscle: 0, channel: "flexor_emg")],
                                  coordinates: ["elbow", "shoulder"], torqueScales: [10, 3], agonistPrior: prior)
    }

    func refine(with refinement: TrialRefinement) -> TrialRefinement.Refined {
        var prior = prior
        prior.weight = refinement.agonistWeight
        return refinement.refine(proposal, trial: trial, system: fixture.system, parameters: PersonalizedParameters(muscleCount: 2),
                          measured: [(muscle: 0, channel: "flexor_emg")], coordinates: ["elbow", "shoulder"], torqueScales: [10, 3],
                          agonistPrior: prior)
    }
}
