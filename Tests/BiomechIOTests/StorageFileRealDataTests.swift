import TestSupport
import Foundation
import Testing
@testable import BiomechIO

/// Reads the shared OpenSim files and checks real values from them.
@Suite(.needsSharedData) struct StorageFileRealDataTests {
    @Test func readsOpenSim4HeaderOfInverseDynamics() throws {
        let document = try StorageFile.readDocument(SharedData.s01Trial(1, "id.sto"))
        #expect(document.header.version == 3)
        #expect(document.header.value("OpenSimVersion") == "4.6-2026-06-22-85aaf64")
        #expect(document.header.inDegrees == false)
        let series = document.series
        #expect(series.labels == ["r_shoulder_elev_moment", "r_elbow_flex_moment"])
        #expect(series.rowCount == 1001)
        #expect(series.time.first == 0 && series.time.last == 10)
        #expect(series.time[7] == 0.07000000000000001)
        #expect(series.columns[0][0] == 4.992492270127468)
        #expect(series.columns[1][0] == 2.580738053691921)
        #expect(series.columns[0].last == 7.042915022790297)
        #expect(series.columns[1].last == 3.066833508341964)
        #expect(series.sampleRate.map { abs($0 - 100) < 1e-9 } == true)
    }

    @Test func readsMotionInDegreesAndConvertsToRadians() throws {
        let series = try StorageFile.read(SharedData.s01Trial(1, "ik.mot"))
        #expect(series.inDegrees)
        #expect(series.labels == ["r_shoulder_elev", "r_elbow_flex"])
        #expect(series.column("r_elbow_flex")?.first == 66.1644237805064)
        #expect(series.column("r_shoulder_elev")?.last == 20.45965609449823)
        let radians = series.inRadians()
        #expect(!radians.inDegrees)
        #expect(radians.column("r_elbow_flex")?.first == 66.1644237805064 * .pi / 180)
        // Against the noise-free truth (radians): IK noise is 0.2°, so within 1° everywhere.
        let truth = try StorageFile.read(SharedData.s01Trial(1, "truth_kinematics.sto"))
        let elbow = try #require(radians.column("r_elbow_flex"))
        let trueElbow = try #require(truth.column("r_elbow_flex"))
        #expect(truth.column("r_elbow_flex")?.first == 1.155834277201571)
        #expect(zip(elbow, trueElbow).allSatisfy { abs($0 - $1) < 1.0 * .pi / 180 })
    }

    @Test func readsOldStyleMuscleAnalysisHeader() throws {
        let document = try StorageFile.readDocument(SharedData.s01Trial(1, "MuscleAnalysis_Length.sto"))
        #expect(document.header.name == "Length")
        #expect(document.header.version == 1)
        #expect(document.header.value("nRows") == "1001")
        #expect(document.header.descriptionLines.first?.hasPrefix("This analysis gathers basic information") == true)
        #expect(document.header.descriptionLines.count == 3)
        let series = document.series
        #expect(series.labels == ["TRIlong", "TRIlat", "TRImed", "BIClong", "BICshort", "BRA"])
        #expect(series.columns.map { $0.first! } == [0.31633815, 0.19303993, 0.18066773, 0.38597158, 0.31064496, 0.13095862])
        #expect(series.columns.map { $0.last! } == [0.30017588, 0.17572586, 0.16335366, 0.41071272, 0.33640735, 0.14169741])
        #expect(series.time.last == 10)
    }

    @Test func readsEveryFileOfEveryS01Trial() throws {
        for trial in 1...10 {
            let folder = SharedData.s01Trial(trial, "")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            #expect(names.count == 14)
            for name in names {
                let series = try StorageFile.read(folder + name)
                #expect(series.time.first == 0, "\(name)")
                #expect(series.time.last == 10, "\(name)")
                let expectedRows = name == "emg_raw.sto" ? 10_001 : 1001
                #expect(series.rowCount == expectedRows, "\(name)")
                #expect(series.columns.allSatisfy { $0.allSatisfy(\.isFinite) }, "\(name)")
            }
        }
    }

    @Test func readsRawEMGAt1000Hz() throws {
        let series = try StorageFile.read(SharedData.s01Trial(1, "emg_raw.sto"))
        #expect(series.labels == ["TRIlong", "TRIlat", "BIClong", "BICshort"])
        #expect(series.columns[0][0] == -0.003216766092829546)
        #expect(series.columns[3].last == -0.003259088892724389)
        #expect(series.sampleRate.map { abs($0 - 1000) < 1e-6 } == true)
    }

    @Test func mapsStatePathLabelsOfWalkingCoordinates() throws {
        let document = try StorageFile.readDocument(SharedData.walk + "/coordinates.sto")
        let series = document.series
        #expect(document.header.name == "Coordinates")
        #expect(document.header.value("OpenSimVersion") == "4.5-2024-03-01-1daf88a4f")
        #expect(document.warnings.map(\.field) == ["nColumns"]) // the file says 40 over 32 columns
        #expect(series.rowCount == 1350)
        #expect(series.labels.count == 31)
        #expect(document.fileLabels[6] == "/jointset/hip_r/hip_flexion_r/value")
        #expect(series.labels[6] == "hip_flexion_r")
        #expect(series.labels.contains("knee_angle_r_beta"))
        #expect(series.column("pelvis_tilt")?.first == 0.001606593553352076)
        #expect(series.column("hip_flexion_r")?.first == 0.3965801380677928)
        #expect(series.column("hip_flexion_r")?.last == -0.06580855906042907)
        #expect(series.time.first == 0.45 && series.time.last == 1.799)
        #expect(series.sampleRate.map { abs($0 - 1000) < 1e-6 } == true)
    }

    @Test func readsSpacePaddedWalkingInverseDynamics() throws {
        let series = try StorageFile.read(SharedData.walk + "/id_walk.sto")
        #expect(series.labels.count == 31)
        #expect(series.labels.first == "pelvis_tilt_moment")
        #expect(series.column("pelvis_tilt_moment")?.first == -26.52760346)
        #expect(series.column("pelvis_list_moment")?[1] == -1.68975349)
        #expect(series.column("pelvis_tilt_moment")?.last == 4.09189522)
        #expect(series.rowCount == 1350)
    }

    @Test func readsWalkingEMGWithItsLongerTimeSpan() throws {
        let series = try StorageFile.read(SharedData.walk + "/electromyography.sto")
        #expect(series.labels == ["soleus", "gastrocnemius", "tibialis_anterior", "medial_hamstrings", "biceps_femoris",
                                  "vastus_lateralis", "vastus_medius", "rectus_femoris", "gluteus_maximus", "gluteus_medius"])
        #expect(series.rowCount == 4780)
        #expect(series.time[1] == 5.000000000000000104e-04)
        #expect(series.column("soleus")?.first == 9.669363727051634438e-03)
        #expect(series.time.last == 2.389499999999999957e+00)
        #expect(series.sampleRate.map { abs($0 - 2000) < 1e-6 } == true)
    }

    @Test func readsEveryWalkingMuscleAnalysis() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: SharedData.walk).filter { $0.hasPrefix("MuscleAnalysis_") }
        #expect(names.count == 6)
        for name in names {
            let series = try StorageFile.read(SharedData.walk + "/" + name)
            #expect(series.labels.count == 80, "\(name)")
            #expect(series.labels.first == "addbrev_r" && series.labels.contains("soleus_r"), "\(name)")
            #expect(series.rowCount == 1350 && series.time.first == 0.45 && series.time.last == 1.799, "\(name)")
        }
        let length = try StorageFile.read(SharedData.walk + "/MuscleAnalysis_Length.sto")
        #expect(length.column("addbrev_r")?.first == 0.12722869)
        #expect(length.column("addbrev_r")?.last == 0.14319083)
        let knee = try StorageFile.read(SharedData.walk + "/MuscleAnalysis_MomentArm_knee_angle_r.sto")
        #expect(knee.column("bflh_r")?.first == 0.03299787 && knee.column("bfsh_r")?.first == 0.02302134)
        #expect(knee.column("bflh_r")?.last == 0.03265197 && knee.column("addbrev_r")?.first == 0)
        let ankle = try StorageFile.read(SharedData.walk + "/MuscleAnalysis_MomentArm_ankle_angle_r.sto")
        #expect(ankle.column("edl_r")?.first == 0.03972913 && ankle.column("gaslat_r")?.first == -0.05327656)
        #expect(ankle.column("edl_r")?.last == 0.04107619)
        let hip = try StorageFile.read(SharedData.walk + "/MuscleAnalysis_MomentArm_hip_flexion_r.sto")
        #expect(hip.column("addbrev_r")?.first == 0.03179386 && hip.column("addbrev_r")?.last == 0.03639325)
    }
}
