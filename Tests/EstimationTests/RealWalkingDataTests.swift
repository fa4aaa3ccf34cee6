import TestSupport
import BiomechIO
import Foundation
import Testing
@testable import Estimation

/// The real-data path on rajagopal-walk: one folder holding the trial, OpenSim 4 path labels, 2000 Hz EMG that
/// starts before the kinematics, Millard muscles modelled with De Groote's curves.
@Suite(.needsSharedData)
struct RealWalkingDataTests {
    @Test func staticOptimizationReproducesKneeAndAnkleTorques() throws {
        let layout = TrialFolderLayout(kinematics: ["coordinates.sto"], inverseDynamics: "id_walk.sto", load: nil, emg: "electromyography.sto")
        let subject = try SubjectData.load(
            directory: SharedData.root.appendingPathComponent("rajagopal-walk").path, trialNames: ["."],
            coordinates: ["knee_angle_r", "ankle_angle_r"], modelFile: "subject_walk_scaled.osim", layout: layout,
            assembly: TrialAssembly(featureCoordinates: ["knee_angle_r", "ankle_angle_r"], sampleRate: 100))
        let trial = try #require(subject.trials["."])
        #expect(trial.name == "rajagopal-walk")
        #expect(abs(trial.time[0] - 0.45) < 1e-9 && trial.frameCount == 135)  // 0.45–1.799 s at 100 Hz
        #expect(subject.system.muscleNames.contains("soleus_r") && subject.system.muscleNames.contains("vasmed_r"))
        #expect(!subject.system.muscleNames.contains("glmax1_r"))  // does not span the knee or ankle
        #expect(trial.emg["soleus"]?.count == 135)
        // The EMG is normalised to its peak over the whole recording (0–2.39 s), which some channels reach outside
        // the kinematics' span: the files' peaks, not the cut trial's, tell that it is peak-normalised.
        #expect(subject.emgPeaks.count == 10 && subject.emgPeaks.values.allSatisfy { $0 == 1 })
        #expect(trial.emg.contains { $0.value.max()! < 0.95 })
        #expect(EMGLevels.isPeakNormalized(subject, channels: Array(trial.emg.keys)))
        let result = try StaticOptimization(system: subject.system).solve(trial)
        for (c, coordinate) in ["knee_angle_r", "ankle_angle_r"].enumerated() {
            #expect(SignalMetrics(predicted: result.torque[c], reference: trial.torque[coordinate]!).r2! > 0.99)
        }
    }
}
