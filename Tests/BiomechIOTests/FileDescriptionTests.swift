import TestSupport
import Foundation
import Testing
@testable import BiomechIO

/// What `nmm inspect` prints, checked on real files.
@Suite(.needsSharedData) struct FileDescriptionTests {
    @Test func describesAMotionFileInDegrees() throws {
        let text = try FileDescription.describe(SharedData.s01Trial(1, "ik.mot"))
        #expect(text.contains("kind: OpenSim Motion file, OpenSim 4 header (version=3)"))
        #expect(text.contains("rows: 1001"))
        #expect(text.contains("time: 0 to 10 s (uniform, 100 Hz)"))
        #expect(text.contains("units: degrees (inDegrees=yes)"))
        #expect(text.contains("columns: 3 (time and 2 data columns)"))
        #expect(text.contains("  r_elbow_flex     66.1644      22.1851"))
    }

    @Test func inDegreesSpeaksOfAnglesOnly() throws {
        let emg = try FileDescription.describe(SharedData.s01Trial(1, "emg.sto"))
        #expect(emg.contains("units: angles in radians (inDegrees=no); other columns are read as written"))
        #expect(!emg.contains("units: radians"), "EMG is not in radians")
    }

    @Test func describesOldStyleHeadersAndStatePaths() throws {
        let analysis = try FileDescription.describe(SharedData.s01Trial(2, "MuscleAnalysis_MomentArm_r_elbow_flex.sto"))
        #expect(analysis.contains("kind: OpenSim Storage file, OpenSim 3 header (version=1)"))
        #expect(analysis.contains("name: MomentArm_r_elbow_flex"))
        let coordinates = try FileDescription.describe(SharedData.walk + "/coordinates.sto")
        #expect(coordinates.contains("time: 0.45 to 1.799 s (uniform, 1000 Hz)"))
        #expect(coordinates.contains("note: 31 OpenSim state-path labels are read as column names, e.g. '/jointset/ground_pelvis/pelvis_tilt/value' as 'pelvis_tilt'"))
        #expect(coordinates.contains("warning: the header says nColumns=40 but line 9 has 32 column labels"))
    }

    @Test func describesModelsAndSubjectJSON() throws {
        let model = try FileDescription.describe(SharedData.s01 + "/model.osim")
        #expect(model.contains("muscles: 6 (6 DeGrooteFregly2016Muscle)"))
        #expect(model.contains("  BRA            987.26 N            0.0858 m             0.0535 m            0 rad                      10"))
        #expect(model.contains("r_elbow_flex           joint r_elbow            rotational    range 0 to 2.26893 rad"))
        let walk = try FileDescription.describe(SharedData.walk + "/subject_walk_scaled.osim")
        #expect(walk.contains("muscles: 80 (80 Millard2012EquilibriumMuscle)"))
        let json = try FileDescription.describe(SharedData.s01 + "/subject.json")
        #expect(json.contains("hidden                     [TRImed, BRA]"))
    }

    @Test func describesEveryFileOfS01() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: SharedData.s01).filter { $0.contains(".") }
        #expect(files.count == 143)
        for file in files { _ = try FileDescription.describe(SharedData.s01 + "/" + file) }
    }
}
