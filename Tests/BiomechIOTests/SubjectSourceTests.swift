import TestSupport
import Foundation
import Testing
@testable import BiomechIO

/// Subject folders of every layout nmm reads: found, printed and loaded.
@Suite(.needsSharedData)
struct SubjectSourceTests {
    /// A folder in the NMSM Pipeline layout made from rajagopal-walk's files (the model in models/, the data
    /// under preprocessed/), as the NMSM Pipeline's examples have it.
    static func nmsmFolder() throws -> String {
        let folder = try TestData.scratchFolder()
        let base = folder + "/preprocessed"
        for type in ["IKData", "IDData", "EMGData", "MAData/walk", "GRFData"] {
            try FileManager.default.createDirectory(atPath: "\(base)/\(type)", withIntermediateDirectories: true)
        }
        try FileManager.default.createDirectory(atPath: folder + "/models", withIntermediateDirectories: true)
        let links = [("subject_walk_scaled.osim", "/models/subject_walk_scaled.osim"), ("coordinates.sto", "/preprocessed/IKData/walk.sto"),
                     ("id_walk.sto", "/preprocessed/IDData/walk.sto"), ("electromyography.sto", "/preprocessed/EMGData/walk.sto"),
                     ("MuscleAnalysis_Length.sto", "/preprocessed/MAData/walk/walk_Length.sto"),
                     ("MuscleAnalysis_MomentArm_knee_angle_r.sto", "/preprocessed/MAData/walk/walk_MomentArm_knee_angle_r.sto")]
        for (file, link) in links {
            try FileManager.default.createSymbolicLink(atPath: folder + link, withDestinationPath: SharedData.walk + "/" + file)
        }
        return folder
    }

    @Test func findsTheTrialFoldersOfS01() throws {
        let source = try SubjectSource.detect(folder: SharedData.s01)
        #expect(source.layout == .trialFolders && source.modelPath == SharedData.s01 + "/model.osim" && source.trials.count == 10)
        let trial = try #require(source.trial("trial03"))
        #expect(trial.kinematics.hasSuffix("trial03/ik.mot") && trial.emg?.hasSuffix("trial03/emg.sto") == true)
        #expect(trial.rawEMG?.hasSuffix("emg_raw.sto") == true && trial.load?.hasSuffix("load.sto") == true)
        #expect(trial.muscleAnalysisFile("MomentArm_r_elbow_flex") != nil && trial.evaluationOnly.count == 4)
    }

    /// A simulated subject's true model is for evaluation only: without model.osim it is never taken as the model.
    @Test func neverTakesTheTruthModelAsTheModel() throws {
        let folder = try TestData.scratchFolder()
        try FileManager.default.createSymbolicLink(atPath: folder + "/trial03", withDestinationPath: SharedData.s01 + "/trial03")
        try FileManager.default.createSymbolicLink(atPath: folder + "/truth_model.osim", withDestinationPath: SharedData.s01 + "/truth_model.osim")
        #expect { try SubjectSource.detect(folder: folder) } throws: { "\($0)".contains("expected an OpenSim model (.osim) in the folder or in models/, found none") }
    }

    @Test func readsRajagopalWalkAsShipped() throws {
        let source = try SubjectSource.detect(folder: SharedData.walk)
        #expect(source.layout == .singleTrial && source.modelPath == SharedData.walk + "/subject_walk_scaled.osim")
        let trial = try #require(source.trials.first)
        #expect(source.trials.count == 1 && trial.name == "rajagopal-walk")
        #expect(trial.kinematics == SharedData.walk + "/coordinates.sto" && trial.inverseDynamics == SharedData.walk + "/id_walk.sto")
        #expect(trial.emg == SharedData.walk + "/electromyography.sto" && trial.rawEMG == nil && trial.load == nil)
        #expect(trial.muscleAnalysis.count == 6)
        #expect(source.summary.contains("one trial in one folder; model subject_walk_scaled.osim; 1 trial (rajagopal-walk)"))
        let subject = try Subject.load(folder: SharedData.walk)
        #expect(subject.trials.first?.emg?.labels.count == 10 && subject.emgMapping.entries.isEmpty)
    }

    @Test func readsTheNMSMPipelineLayoutWithoutRenaming() throws {
        let folder = try Self.nmsmFolder()
        let source = try SubjectSource.detect(folder: folder)
        #expect(source.layout == .nmsmPipeline && source.modelPath == folder + "/models/subject_walk_scaled.osim")
        let trial = try #require(source.trial("walk"))
        #expect(trial.kinematics == folder + "/preprocessed/IKData/walk.sto" && trial.emg == folder + "/preprocessed/EMGData/walk.sto")
        #expect(trial.muscleAnalysisFile("Length") == folder + "/preprocessed/MAData/walk/walk_Length.sto")
        #expect(trial.muscleAnalysisFile("MomentArm_knee_angle_r") == folder + "/preprocessed/MAData/walk/walk_MomentArm_knee_angle_r.sto")
        #expect(source.notes.contains { $0.hasPrefix("GRFData/ is not read") })
        let loaded = try source.load(trial)
        #expect(Set(loaded.muscleAnalysis.keys) == ["Length", "MomentArm_knee_angle_r"])
        let missing = try source.missing(model: OSimFile.read(source.modelPath))
        #expect(missing.contains("walk: moment arms about knee_angle_r: the coordinates a fit can use"))
        #expect(missing.contains { $0.hasPrefix("EMG channels that name no model muscle: soleus, gastrocnemius") })
    }

    @Test func anNMSMFolderWithoutKinematicsSaysSo() throws {
        let folder = try TestData.scratchFolder()
        try FileManager.default.createDirectory(atPath: folder + "/preprocessed/IDData", withIntermediateDirectories: true)
        let error = try #require(throws: InputError.self) { try SubjectSource.detect(folder: folder) }
        #expect(error.message.hasPrefix("expected IKData/ beside IDData/"))
    }

    @Test func aManifestNamesFilesWindowsUnitsAndTheEMGMap() throws {
        let folder = try TestData.scratchFolder()
        try "time,r_elbow_flex\n0,10\n0.01,20\n0.02,30\n0.03,40\n".write(toFile: folder + "/angles.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/arm.osim", withDestinationPath: SharedData.s01 + "/model.osim")
        let manifest = """
            {"model": "arm.osim", "kinematics_units": "degrees", "emg_map": {"biceps": ["BIClong", "BICshort"]},
             "raw_emg": {"lowpass_hz": 5},
             "trials": [{"name": "t1", "kinematics": "angles.csv", "time_window": [0.005, 0.025]}]}
            """
        try manifest.write(toFile: folder + "/nmm-subject.json", atomically: true, encoding: .utf8)
        let source = try SubjectSource.detect(folder: folder)
        #expect(source.layout == .manifest && source.emgMapping?.muscles(for: "biceps") == ["BIClong", "BICshort"])
        #expect(source.rawEMG.lowPass == 5 && source.rawEMG.bandPass == [20, 450] && source.rawEMG.mvcFiles.isEmpty)
        let trial = try source.load(try source.requireTrial("t1"), model: try OSimFile.read(source.modelPath))
        #expect(trial.kinematics.time == [0.01, 0.02])
        let radians: [Double] = [20, 30].map { $0 * .pi / 180 }
        #expect(trial.kinematics.column("r_elbow_flex") == radians)
        #expect(throws: InputError.self) { try source.requireTrial("t2") }

        let written = try SubjectManifest(source).jsonData()
        let reread = try JSONDecoder().decode(SubjectManifest.self, from: written)
        #expect(reread.trials.first?.kinematics == "angles.csv" && reread.trials.first?.timeWindow == [0.005, 0.025] && reread.model == "arm.osim")
    }

    @Test(arguments: [
        (#"{"model": "none.osim", "trials": [{"name": "a", "kinematics": "x.csv"}]}"#, "'model' names none.osim, which does not exist"),
        (#"{"model": "m.osim", "trials": []}"#, "expected at least one trial in 'trials', found none"),
        (#"{"model": "m.osim", "trials": [{"name": "a", "kinematics": "x.csv", "time_window": [2, 1]}]}"#,
         "expected trial a's 'time_window' as [start, end] with start < end, found [2.0, 1.0]"),
        (#"{"model": "m.osim", "kinematics_units": "grad", "trials": [{"name": "a", "kinematics": "x.csv"}]}"#,
         "expected 'degrees' or 'radians' for 'kinematics_units', found 'grad'"),
        (#"{"trials": [{"name": "a", "kinematics": "x.csv"}]}"#, "expected the key 'model' at ''"),
    ])
    func badManifestsSayWhatWasExpected(text: String, message: String) throws {
        let folder = try TestData.scratchFolder()
        try text.write(toFile: folder + "/nmm-subject.json", atomically: true, encoding: .utf8)
        let error = try #require(throws: InputError.self) { try SubjectSource.detect(folder: folder) }
        #expect(error.file == folder + "/nmm-subject.json" && error.message == message)
    }

    @Test func aFolderOfNoKnownLayoutSaysWhatWasLookedFor() throws {
        let folder = try TestData.scratchFolder()
        try "notes".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        let error = try #require(throws: InputError.self) { try SubjectSource.detect(folder: folder) }
        #expect(error.message.contains("the NMSM Pipeline layout (IKData/, IDData/, EMGData/, MAData/"))
    }

    @Test(arguments: [
        ("walk_Length.sto", "Length"), ("walk_MomentArm_knee_angle_r.sto", "MomentArm_knee_angle_r"),
        ("gait_1_MomentArm_hip_flexion_l.sto", "MomentArm_hip_flexion_l"), ("subject01_MuscleAnalysis_Length.sto", "Length"),
        ("MuscleAnalysis_MomentArm_r_elbow_flex.sto", "MomentArm_r_elbow_flex"), ("speed1_gait_1_Velocity.sto", "Velocity"),
    ])
    func muscleAnalysisQuantitiesOfEveryNaming(file: String, quantity: String) {
        #expect(Trial.muscleAnalysisQuantity("/x/" + file) == quantity)
    }

    @Test(arguments: [
        ("coordinates.sto", TrialFileRoles.Role.kinematics), ("walk_ik.mot", .kinematics), ("id_walk.sto", .inverseDynamics),
        ("inverse_dynamics.sto", .inverseDynamics), ("electromyography.sto", .emg), ("emg_raw.sto", .rawEMG), ("session.c3d", .rawEMG),
        ("grf_walk.mot", .load), ("MuscleAnalysis_Length.sto", nil), ("truth_force.sto", nil), ("README.md", nil),
    ])
    func fileRolesFromNames(file: String, role: TrialFileRoles.Role?) {
        #expect(TrialFileRoles.role(of: file) == role)
    }
}
