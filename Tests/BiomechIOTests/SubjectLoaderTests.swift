import TestSupport
import Foundation
import Testing
@testable import BiomechIO

/// The subject/trial loader on S01 (folder layout) and rajagopal-walk (explicit paths).
@Suite(.needsSharedData) struct SubjectLoaderTests {
    @Test func loadsS01WithTruthKeptApart() throws {
        let subject = try Subject.load(folder: SharedData.s01)
        #expect(subject.name == "S01")
        #expect(subject.trials.map(\.name) == (1...10).map { String(format: "trial%02d", $0) })
        #expect(subject.model.muscles.count == 6)
        #expect(subject.emgMapping == EMGMapping.identity(["TRIlong", "TRIlat", "BIClong", "BICshort"]))
        #expect(subject.info?.hidden == ["TRImed", "BRA"])
        #expect(subject.info?.surfaceEMG == ["TRIlong", "TRIlat", "BIClong", "BICshort"])
        #expect(subject.info?.trials[1].loadKg == 1.0 && subject.info?.trials[6].task != nil)
        #expect(subject.evaluationOnly.parameterScale["BRA"]?["max_isometric_force"] == 1.1834217769771955)
        #expect(subject.evaluationOnly.activationTimeConstant == 0.03)
        #expect(subject.evaluationOnly.model?.muscle("BRA") != nil)

        let trial = try #require(subject.trial("trial01"))
        #expect(!trial.kinematics.inDegrees)
        #expect(trial.kinematics.column("r_elbow_flex")?.first == 66.1644237805064 * .pi / 180)
        #expect(trial.kinematics.column("r_shoulder_elev")?.last == 20.45965609449823 * .pi / 180)
        #expect(trial.inverseDynamics?.column("r_elbow_flex_moment")?.first == 2.580738053691921)
        #expect(trial.load?.labels == ["load_mass", "cable_force"])
        #expect(trial.emg?.labels == ["TRIlong", "TRIlat", "BIClong", "BICshort"])
        #expect(trial.rawEMG?.rowCount == 10_001)
        #expect(Set(trial.muscleAnalysis.keys) == ["Length", "FiberLength", "TendonLength", "MomentArm_r_elbow_flex", "MomentArm_r_shoulder_elev"])
        #expect(trial.momentArm("r_elbow_flex")?.column("BIClong")?.first == 0.04284980)
        #expect(trial.muscleTendonLength?.column("BRA")?.last == 0.14169741)
        #expect(Set(trial.evaluationOnly.series.keys) == ["kinematics", "activation", "excitation", "force"])
        #expect(trial.evaluationOnly.excitation?.column("BRA")?.first == 0.0440788885056782)

        let aligned = trial.aligned()
        #expect(aligned.time == trial.time)
        #expect(aligned.emg == trial.emg)
        #expect(aligned.rawEMG?.rowCount == 10_001)
    }

    @Test func loadsTheWalkFromExplicitPathsAndAlignsTheEMG() throws {
        let walk = SharedData.walk
        let files = TrialFiles(
            name: "walk", kinematics: "\(walk)/coordinates.sto", inverseDynamics: "\(walk)/id_walk.sto",
            emg: "\(walk)/electromyography.sto",
            muscleAnalysis: ["Length", "MomentArm_knee_angle_r", "MomentArm_ankle_angle_r"].map { "\(walk)/MuscleAnalysis_\($0).sto" })
        let model = try OSimFile.read("\(walk)/subject_walk_scaled.osim")
        let mapping = try readmeMapping()
        let trial = try Trial.load(files, model: model, emgMapping: mapping)
        #expect(trial.emg?.time.first == 0 && trial.emg?.time.last == 2.389499999999999957)
        #expect(trial.overlap() == 0.45...1.799)

        let aligned = trial.aligned()
        #expect(aligned.time.count == 1350 && aligned.time.first == 0.45 && aligned.time.last == 1.799)
        let emg = try #require(aligned.emg)
        #expect(emg.time == aligned.time && emg.rowCount == 1350)
        // 0.45 s and 1.799 s are samples of the 2000 Hz EMG (rows 900 and 3598): interpolation returns them.
        let raw = try StorageFile.read("\(walk)/electromyography.sto")
        #expect(abs(raw.time[900] - 0.45) < 1e-12 && abs(raw.time[3598] - 1.799) < 1e-12)
        for channel in raw.labels {
            #expect(abs(emg.column(channel)![0] - raw.column(channel)![900]) < 1e-12, "\(channel)")
            #expect(abs(emg.column(channel)!.last! - raw.column(channel)![3598]) < 1e-12, "\(channel)")
        }
        // Halfway between two EMG samples, interpolation gives their mean.
        let midway = raw.resampled(onto: [0.45025]).column("soleus")![0]
        #expect(abs(midway - (raw.column("soleus")![900] + raw.column("soleus")![901]) / 2) < 1e-15)
        #expect(aligned.inverseDynamics?.column("knee_angle_r_moment")?.count == 1350)
        #expect(aligned.muscleAnalysis["MomentArm_knee_angle_r"]?.column("vasmed_r")?.count == 1350)

        let perMuscle = mapping.muscleSignals(from: emg)
        #expect(perMuscle.labels.count == 16)
        #expect(perMuscle.column("gasmed_r") == emg.column("gastrocnemius") && perMuscle.column("gaslat_r") == emg.column("gastrocnemius"))
        #expect(perMuscle.column("glmax3_r") == emg.column("gluteus_maximus"))
        #expect(mapping.channel(for: "vasmed_r") == "vastus_medius" && mapping.channel(for: "tibpost_r") == nil)
    }

    @Test func readsAFolderOfAnotherLayoutAndAlignsItAtAUniformRate() throws {
        let layout = TrialFolderLayout(kinematics: ["coordinates.sto"], inverseDynamics: "id_walk.sto", load: nil, emg: "electromyography.sto")
        let files = try TrialFiles.inFolder(SharedData.walk, layout: layout)
        #expect(files.name == "rajagopal-walk" && files.kinematics == SharedData.walk + "/coordinates.sto")
        #expect(files.inverseDynamics == SharedData.walk + "/id_walk.sto" && files.emg == SharedData.walk + "/electromyography.sto")
        #expect(files.load == nil && files.rawEMG == nil && files.evaluationOnly.isEmpty)
        #expect(files.muscleAnalysisFile("MomentArm_knee_angle_r") == SharedData.walk + "/MuscleAnalysis_MomentArm_knee_angle_r.sto")
        #expect(files.muscleAnalysisFile("MomentArm_elbow_flex_r") == nil)
        let error = try #require(throws: InputError.self) { try TrialFiles.inFolder(SharedData.walk) }
        #expect(error.message == "expected the trial's joint angles in ik.mot, found no such file")

        // At 100 Hz over the overlap 0.45–1.799 s: 135 frames, each channel interpolated once from its own samples.
        let trial = try Trial.load(files)
        let aligned = trial.aligned(rate: 100)
        #expect(aligned.time.count == 135 && aligned.time.first == 0.45 && abs(aligned.time.last! - 1.79) < 1e-12)
        let emg = try #require(trial.emg)
        #expect(aligned.emg == emg.resampled(onto: aligned.time))
        #expect(aligned.muscleAnalysis["Length"] == trial.muscleAnalysis["Length"]?.resampled(onto: aligned.time))
        #expect(aligned.kinematics == trial.kinematics.resampled(onto: aligned.time))
    }

    /// The channel-to-muscle table of rajagopal-walk/README.md, parsed as the user's mapping.
    private func readmeMapping() throws -> EMGMapping {
        let readme = try String(contentsOfFile: SharedData.walk + "/README.md", encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("| EMG channel |") })
        let table = lines[start...].prefix { $0.hasPrefix("|") }.joined(separator: "\n")
        let mapping = try EMGMapping.parse(table, file: "README.md")
        #expect(mapping.entries.count == 10)
        #expect(mapping.muscles(for: "gastrocnemius") == ["gasmed_r", "gaslat_r"])
        #expect(mapping.muscles(for: "gluteus_medius") == ["glmed1_r", "glmed2_r", "glmed3_r"])
        #expect(mapping == (try EMGMapping.parse("""
            # channel: muscles
            soleus: soleus_r
            gastrocnemius: gasmed_r, gaslat_r
            tibialis_anterior: tibant_r
            medial_hamstrings: semimem_r semiten_r
            biceps_femoris: bflh_r
            vastus_lateralis: vaslat_r
            vastus_medius: vasmed_r
            rectus_femoris: recfem_r
            gluteus_maximus: glmax1_r, glmax2_r, glmax3_r
            gluteus_medius: glmed1_r, glmed2_r, glmed3_r
            """, file: "mapping.txt")))
        return mapping
    }

    @Test func rejectsAMappingToAMuscleTheModelLacks() throws {
        let walk = SharedData.walk
        let model = try OSimFile.read("\(walk)/subject_walk_scaled.osim")
        let mapping = try EMGMapping.parse("soleus: soleus_r, soleus_x", file: "map.txt")
        let files = TrialFiles(name: "walk", kinematics: "\(walk)/coordinates.sto", emg: "\(walk)/electromyography.sto")
        let error = try #require(throws: InputError.self) { try Trial.load(files, model: model, emgMapping: mapping) }
        #expect(error.message == "the EMG mapping maps channel 'soleus' to the muscle 'soleus_x', which the model does not have")
    }

    @Test(arguments: [
        ("a: m1\nb: m1", 2, "the muscle 'm1' is driven by both 'a' and 'b'"),
        ("a: m1\na: m2", 2, "the channel 'a' is mapped twice"),
        ("just words", 1, "expected 'channel: muscle, muscle', found 'just words'"),
        ("a:", 1, "expected a channel and at least one muscle, found 'a:'"),
    ])
    func reportsBadMappings(text: String, line: Int, message: String) throws {
        let error = try #require(throws: InputError.self) { try EMGMapping.parse(text, file: "map.txt") }
        #expect(error.line == line && error.message == message)
    }

    @Test func reportsAFolderWithoutAModel() throws {
        let folder = try TestData.scratchFolder()
        let error = try #require(throws: InputError.self) { try Subject.load(folder: folder) }
        #expect(error.message.hasPrefix("expected a subject folder nmm can read"))
    }
}
