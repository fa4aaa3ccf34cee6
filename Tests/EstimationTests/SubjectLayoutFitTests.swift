import TestSupport
import BiomechIO
import Foundation
import SignalProcessing
import Testing
@testable import Estimation

/// Fits of subjects read from any layout: the NMSM Pipeline's, rajagopal-walk as shipped, a manifest with raw EMG
/// normalised by an MVC recording; EMG a notebook processed; the reasons a measured muscle is refused.
@Suite(.needsSharedData)
struct SubjectLayoutFitTests {
    static var walk: String { SharedData.walk }

    /// rajagopal-walk's files in the NMSM Pipeline layout (symbolic links, nothing renamed by nmm).
    static func nmsmFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-nmsm-\(UUID().uuidString)").path
        for type in ["IKData", "IDData", "EMGData", "MAData/walk"] {
            try FileManager.default.createDirectory(atPath: "\(folder)/\(type)", withIntermediateDirectories: true)
        }
        var links = [("subject_walk_scaled.osim", "subject_walk_scaled.osim"), ("coordinates.sto", "IKData/walk.sto"), ("id_walk.sto", "IDData/walk.sto"),
                     ("electromyography.sto", "EMGData/walk.sto"), ("MuscleAnalysis_Length.sto", "MAData/walk/walk_Length.sto")]
        for coordinate in ["knee_angle_r", "ankle_angle_r"] {
            links.append(("MuscleAnalysis_MomentArm_\(coordinate).sto", "MAData/walk/walk_MomentArm_\(coordinate).sto"))
        }
        for (file, link) in links { try FileManager.default.createSymbolicLink(atPath: "\(folder)/\(link)", withDestinationPath: "\(walk)/\(file)") }
        return folder
    }

    static func request(_ source: SubjectSource, _ method: any EstimationMethod, measured: [String] = [], trial: String) -> FitRequest {
        FitRequest(source: source, method: method, measured: measured, train: [trial], test: [trial], coordinates: ["knee_angle_r", "ankle_angle_r"],
                   seed: 1, emgChannels: ["soleus_r": "soleus", "tibant_r": "tibialis_anterior", "vasmed_r": "vastus_medius"],
                   assembly: TrialAssembly(sampleRate: 100))
    }

    @Test func staticOptimizationFitsTheNMSMLayoutAndRajagopalWalkAlike() throws {
        let nmsm = try Self.request(SubjectSource.detect(folder: Self.nmsmFolder()), StaticOptimizationMethod(), trial: "walk").run()
        let shipped = try Self.request(SubjectSource.detect(folder: Self.walk), StaticOptimizationMethod(), trial: "rajagopal-walk").run()
        for coordinate in ["knee_angle_r", "ankle_angle_r"] {
            #expect(try #require(nmsm.report.torque[coordinate]?.trialMean.r2) > 0.99)
            #expect(nmsm.report.torque[coordinate]?.trialMean == shipped.report.torque[coordinate]?.trialMean)
        }
        #expect(nmsm.report.excitation["soleus_r"]?.trialMean == shipped.report.excitation["soleus_r"]?.trialMean)
        #expect(nmsm.report.emgNormalization == nil)
    }

    @Test func theDefaultMeasuredMusclesHaveEMGAndCrossTheCoordinates() throws {
        var lines: [String] = []
        let outcome = try Self.request(SubjectSource.detect(folder: Self.walk), SynergyExtrapolationMethod(configuration: SynergyExtrapolation.Configuration()), trial: "rajagopal-walk")
            .run { lines.append($0) }
        #expect(outcome.measured == ["soleus_r", "tibant_r", "vasmed_r"])
        #expect(lines.contains("measured muscles (those with EMG that cross knee_angle_r, ankle_angle_r): soleus_r, tibant_r, vasmed_r"))
    }

    /// Static optimisation reads the EMG of the muscles that have it, and without any it is the classic problem:
    /// a walk whose channels map to no muscle fits, with every muscle hidden.
    @Test func staticOptimizationWithoutMappedEMGIsClassic() throws {
        var request = Self.request(try SubjectSource.detect(folder: Self.walk), StaticOptimizationMethod(), trial: "rajagopal-walk")
        request.emgChannels = [:]
        let outcome = try request.run()
        #expect(outcome.measured.isEmpty)
        #expect(try #require(outcome.report.torque["ankle_angle_r"]?.trialMean.r2) > 0.99)
        let tracking = try Self.request(SubjectSource.detect(folder: Self.walk), StaticOptimizationMethod(), trial: "rajagopal-walk").run()
        #expect(tracking.measured == ["soleus_r", "tibant_r", "vasmed_r"])
    }

    @Test func aRefusedMuscleSaysWhy() throws {
        let source = try SubjectSource.detect(folder: Self.walk)
        let notCrossing = try #require(throws: EstimationError.self) {
            try Self.request(source, SynergyExtrapolationMethod(configuration: SynergyExtrapolation.Configuration()), measured: ["glmax1_r"], trial: "rajagopal-walk").run()
        }
        #expect(notCrossing.message.hasPrefix("measured muscle 'glmax1_r' is in the model but does not cross knee_angle_r, ankle_angle_r"))
        let absent = try #require(throws: EstimationError.self) {
            try Self.request(source, SynergyExtrapolationMethod(configuration: SynergyExtrapolation.Configuration()), measured: ["soleus"], trial: "rajagopal-walk").run()
        }
        #expect(absent.message.hasPrefix("measured muscle 'soleus' is not in the model"))
    }

    @Test func processedEMGReplacesTheFilesEMG() throws {
        let source = try SubjectSource.detect(folder: Self.walk)
        var emg = try TableFile.read(Self.walk + "/electromyography.sto")
        emg.columns = emg.columns.map { $0.map { $0 * 0.5 } }
        var blind = StaticOptimizationMethod.Configuration()
        blind.emgTrackingWeight = 0   // classic: its estimate does not depend on the EMG, only the metrics do
        let plain = try Self.request(source, StaticOptimizationMethod(configuration: blind), trial: "rajagopal-walk").run()
        var halved = Self.request(source, StaticOptimizationMethod(configuration: blind), trial: "rajagopal-walk")
        halved.emg = ["rajagopal-walk": emg]
        let outcome = try halved.run()
        let before = try #require(plain.report.excitation["soleus_r"]?.trialMean), after = try #require(outcome.report.excitation["soleus_r"]?.trialMean)
        let r0 = try #require(before.r), r1 = try #require(after.r), e0 = try #require(before.rmse), e1 = try #require(after.rmse)
        #expect(abs(r0 - r1) < 1e-12 && abs(e0 - e1) > 1e-3)
    }

    @Test func rawEMGInAManifestIsNormalisedByTheMVCRecordingAndRecorded() throws {
        let s01 = SharedData.s01
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-manifest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let manifest = """
            {"model": "\(s01)/model.osim", "raw_emg": {"mvc": ["\(s01)/trial02/emg_raw.sto"]},
             "trials": [{"name": "curl", "kinematics": "\(s01)/trial01/ik.mot", "inverse_dynamics": "\(s01)/trial01/id.sto",
                         "raw_emg": "\(s01)/trial01/emg_raw.sto",
                         "muscle_analysis": ["\(s01)/trial01/MuscleAnalysis_Length.sto", "\(s01)/trial01/MuscleAnalysis_MomentArm_r_elbow_flex.sto"]}]}
            """
        try manifest.write(toFile: folder + "/nmm-subject.json", atomically: true, encoding: .utf8)
        let source = try SubjectSource.detect(folder: folder)
        let request = FitRequest(source: source, method: StaticOptimizationMethod(), measured: [], train: [], test: ["curl"],
                                 coordinates: ["r_elbow_flex"], seed: 1)
        let outcome = try request.run()
        let record = try #require(outcome.report.emgNormalization)
        let mvc = try EMGPipeline().maximumEnvelopes(of: [TableFile.read(s01 + "/trial02/emg_raw.sto")])
        #expect(record.method == "mvc" && record.sources == ["\(s01)/trial02/emg_raw.sto"] && record.values == mvc)
        let json = try String(decoding: outcome.report.jsonData(), as: UTF8.self)
        #expect(json.contains("\"emg_normalization\""))

        // The fit's EMG is the pipeline's envelope of the raw recording on the kinematics' times, divided by the MVC value.
        let subject = try SubjectData.load(source: source, trialNames: ["curl"], coordinates: ["r_elbow_flex"])
        let trial = try #require(subject.trials["curl"])
        let raw = try TableFile.read(s01 + "/trial01/emg_raw.sto").selecting(["BIClong"])
        let expected = try EMGPipeline().envelopes(of: raw, onto: trial.time).column("BIClong")!.map { $0 / mvc["BIClong"]! }
        let envelope = try #require(trial.emg["BIClong"])
        #expect(envelope.count == expected.count && zip(envelope, expected).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(subject.emgNormalization == record)
    }
}
