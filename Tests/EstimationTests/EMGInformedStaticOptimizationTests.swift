import TestSupport
import BiomechIO
import Foundation
import Testing
@testable import Estimation
import Musculoskeletal

/// Static optimisation that tracks the measured muscles' EMG (the hidden muscles held at the classic solution, then cost
/// Σa² + w·Σ_measured (a − e)² + Σu²): checked by the optimality conditions of each frame's problem, computed here from
/// the muscles' forces, not from the solver.
@Suite(.needsSharedData)
struct EMGInformedStaticOptimizationTests {
    /// On S01 with rigid tendons (force affine in activation) and one coordinate, the hidden muscles keep the classic
    /// activations and every frame satisfies the KKT conditions of the tracking problem over the measured ones
    /// (``optimalityViolation``). The measured muscles follow their EMG more closely than without tracking, and the
    /// torque is still met.
    @Test func eachFrameIsOptimalForTheTrackingCost() throws {
        let s01 = try S01Trial03()
        let weight = 2.0
        let classic = try StaticOptimization(system: s01.subject.system).solve(s01.trial)
        let result = try StaticOptimization(system: s01.subject.system, trackedEMG: s01.tracked, emgTrackingWeight: weight).solve(s01.trial)
        for i in s01.names.indices where s01.tracked[i] == nil {
            #expect(result.activation[i] == classic.activation[i], "hidden \(s01.names[i]) moved from the classic solution")
        }
        #expect(s01.optimalityViolation(result, weight: weight, floor: 0) < 1e-6)
        #expect(SignalMetrics(predicted: result.torque[0], reference: s01.trial.torque["r_elbow_flex"]!).r2! > 0.999)
        for (i, channel) in s01.tracked {
            let emg = s01.trial.emg[channel]!
            let error = { (a: [Double]) in zip(a, emg).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) }
            #expect(error(result.activation[i]) < error(classic.activation[i]), "\(s01.names[i]) does not move toward its EMG")
        }
    }

    /// With an EMG floor c, no tracked muscle falls below c·e; the floor binds on some frames (c = 0.5 is more than
    /// the tracking cost alone leaves there), each frame is optimal for the problem with that lower bound, and the
    /// torque is still met.
    @Test func theEMGFloorBoundsTrackedMusclesFromBelow() throws {
        let s01 = try S01Trial03()
        let floor = 0.5
        let free = try StaticOptimization(system: s01.subject.system, trackedEMG: s01.tracked, emgTrackingWeight: 1).solve(s01.trial)
        let result = try StaticOptimization(system: s01.subject.system, trackedEMG: s01.tracked, emgTrackingWeight: 1, emgFloor: floor)
            .solve(s01.trial)
        var below = 0, bound = 0
        for (i, channel) in s01.tracked {
            for (k, e) in s01.trial.emg[channel]!.enumerated() {
                let lower = floor * min(max(e, 0), 1)
                if result.activation[i][k] < lower - 1e-9 { below += 1 }
                if free.activation[i][k] < lower - 1e-3 && abs(result.activation[i][k] - lower) < 1e-9 { bound += 1 }
            }
        }
        #expect(below == 0, "frames below the floor: \(below)")
        #expect(bound > 0, "the floor never bound")
        #expect(s01.optimalityViolation(result, weight: 1, floor: floor) < 1e-6)
        #expect(SignalMetrics(predicted: result.torque[0], reference: s01.trial.torque["r_elbow_flex"]!).r2! > 0.999)
    }

    /// S01's trial03 with rigid tendons, the elbow alone, and its four surface channels tracked.
    struct S01Trial03 {
        let subject: SubjectData
        let trial: EstimationTrial
        let names: [String]
        let tracked: [Int: String]

        init() throws {
            subject = try SubjectData.load(directory: SharedData.s01, trialNames: ["trial03"], coordinates: ["r_elbow_flex"], tendons: .rigid)
            trial = try #require(subject.trials["trial03"])
            names = subject.system.muscleNames
            let names = self.names
            tracked = Dictionary(uniqueKeysWithValues: ["BIClong", "BICshort", "TRIlong", "TRIlat"].map { (names.firstIndex(of: $0)!, $0) })
        }

        /// The largest violation over frames and tracked muscles of the KKT conditions of the tracking problem, computed
        /// from the muscles' forces, not from the solver: with λ the torque constraint's multiplier (the reserve's
        /// activation, its cost weight being 1), a muscle strictly inside its bounds [c·e, 1] has cost gradient
        /// a + w·(a − e) = λ·r·A (A its force per unit activation, r its moment arm); one at its lower bound has a
        /// gradient no smaller, one at 1 no larger.
        func optimalityViolation(_ result: StaticOptimization.Result, weight: Double, floor: Double) -> Double {
            let g = trial.geometry
            let perActivation = names.indices.map { i in
                subject.system.personalized(i, PersonalizedParameters(muscleCount: names.count))
                    .forces(activation: [Double](repeating: 0, count: trial.frameCount), musculotendonLength: g.length[i],
                            musculotendonVelocity: g.velocity[i], sampleInterval: trial.sampleInterval).frames.map(\.dActivation)
            }
            var worst = 0.0
            for k in 0..<trial.frameCount {
                let lambda = result.reserve[0][k]   // reserve torque R·x with R = 1: x = λ·R = λ
                for (i, channel) in tracked {
                    let a = result.activation[i][k], e = max(trial.emg[channel]![k], 0)
                    let lower = floor * min(e, 1)
                    let slack = a + weight * (a - e) - lambda * g.momentArm[0][i][k] * perActivation[i][k]
                    if a > lower + 1e-9 && a < 1 - 1e-9 { worst = max(worst, abs(slack)) }
                    else if a <= lower + 1e-9 { worst = max(worst, -slack) }
                    else { worst = max(worst, slack) }
                }
            }
            return worst
        }
    }

    /// On real walking with compliant tendons and knee and ankle only, the classic problem silences muscles its
    /// torques do not need, though their EMG says they are active (the hamstrings while the knee moment extends);
    /// tracking the EMG leaves fewer of those frames at zero and still meets both torques.
    @Test func trackingTheEMGKeepsCoContractingMusclesActive() throws {
        let layout = TrialFolderLayout(kinematics: ["coordinates.sto"], inverseDynamics: "id_walk.sto", load: nil, emg: "electromyography.sto")
        let coordinates = ["knee_angle_r", "ankle_angle_r"]
        let subject = try SubjectData.load(
            directory: SharedData.root.appendingPathComponent("rajagopal-walk").path, trialNames: ["."], coordinates: coordinates,
            modelFile: "subject_walk_scaled.osim", layout: layout,
            assembly: TrialAssembly(featureCoordinates: coordinates, sampleRate: 100), tendons: .compliant)
        let trial = try #require(subject.trials["."])
        let channels = ["soleus_r": "soleus", "tibant_r": "tibialis_anterior", "semimem_r": "medial_hamstrings",
                        "bflh_r": "biceps_femoris", "vaslat_r": "vastus_lateralis", "recfem_r": "rectus_femoris"]
        let names = subject.system.muscleNames
        let tracked = Dictionary(uniqueKeysWithValues: channels.map { (names.firstIndex(of: $0.key)!, $0.value) })
        /// Frames (over the tracked muscles) whose activation is at most 0.01 while the EMG is at least a quarter of its peak.
        func silencedWhileActive(_ result: StaticOptimization.Result) -> Int {
            tracked.reduce(0) { count, entry in
                let emg = trial.emg[entry.value]!, peak = emg.max()!
                return count + emg.indices.filter { emg[$0] >= 0.25 * peak && result.activation[entry.key][$0] <= 0.01 }.count
            }
        }
        let classic = try StaticOptimization(system: subject.system).solve(trial)
        let tracking = try StaticOptimization(system: subject.system, trackedEMG: tracked, emgTrackingWeight: 0.3).solve(trial)
        #expect(silencedWhileActive(tracking) * 3 < silencedWhileActive(classic),
                "silenced frames: \(silencedWhileActive(tracking)) tracking, \(silencedWhileActive(classic)) classic")
        for (c, coordinate) in coordinates.enumerated() {
            #expect(SignalMetrics(predicted: tracking.torque[c], reference: trial.torque[coordinate]!).r2! > 0.99)
        }
    }
}
