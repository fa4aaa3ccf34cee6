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
    /// activations and every frame satisfies the KKT conditions of the tracking problem over the measured ones: with
    /// λ the torque constraint's multiplier (the reserve's activation, its cost weight being 1), a muscle strictly
    /// inside its bounds has cost gradient a + w·(a − e) = λ·r·A (A its force per unit activation, r its moment arm);
    /// one at 0 has a gradient no smaller, one at 1 no larger. The measured muscles follow their EMG more closely
    /// than without tracking, and the torque is still met.
    @Test func eachFrameIsOptimalForTheTrackingCost() throws {
        let subject = try SubjectData.load(directory: SharedData.s01, trialNames: ["trial03"], coordinates: ["r_elbow_flex"], tendons: .rigid)
        let trial = try #require(subject.trials["trial03"])
        let names = subject.system.muscleNames
        let measured = ["BIClong", "BICshort", "TRIlong", "TRIlat"]
        let tracked = Dictionary(uniqueKeysWithValues: measured.map { (names.firstIndex(of: $0)!, $0) })
        let weight = 2.0
        let classic = try StaticOptimization(system: subject.system).solve(trial)
        let result = try StaticOptimization(system: subject.system, trackedEMG: tracked, emgTrackingWeight: weight).solve(trial)
        for i in names.indices where tracked[i] == nil {
            #expect(result.activation[i] == classic.activation[i], "hidden \(names[i]) moved from the classic solution")
        }
        let g = trial.geometry
        let perActivation = names.indices.map { i in
            subject.system.personalized(i, PersonalizedParameters(muscleCount: names.count))
                .forces(activation: [Double](repeating: 0, count: trial.frameCount), musculotendonLength: g.length[i],
                        musculotendonVelocity: g.velocity[i], sampleInterval: trial.sampleInterval).frames.map(\.dActivation)
        }
        var worst = 0.0
        for k in 0..<trial.frameCount {
            let lambda = result.reserve[0][k]   // reserve torque R·x with R = 1: x = λ·R = λ
            for i in names.indices where tracked[i] != nil {
                let a = result.activation[i][k]
                let e = tracked[i].map { max(trial.emg[$0]![k], 0) }
                let gradient = a + (e.map { weight * (a - $0) } ?? 0)
                let slack = gradient - lambda * g.momentArm[0][i][k] * perActivation[i][k]
                if a > 1e-9 && a < 1 - 1e-9 { worst = max(worst, abs(slack)) }
                else if a <= 1e-9 { worst = max(worst, -slack) }
                else { worst = max(worst, slack) }
            }
        }
        #expect(worst < 1e-6, "largest violation of the optimality conditions: \(worst)")
        #expect(SignalMetrics(predicted: result.torque[0], reference: trial.torque["r_elbow_flex"]!).r2! > 0.999)
        for (i, channel) in tracked {
            let emg = trial.emg[channel]!
            let error = { (a: [Double]) in zip(a, emg).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) }
            #expect(error(result.activation[i]) < error(classic.activation[i]), "\(names[i]) does not move toward its EMG")
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
