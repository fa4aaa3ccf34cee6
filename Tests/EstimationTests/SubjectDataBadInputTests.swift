import TestSupport
import BiomechIO
import Foundation
import Testing
@testable import Estimation

/// A subject folder with one broken file: loading it fails with an error naming the file (and line) and what was
/// expected, as BiomechIO's readers and the assembly report it.
@Suite(.needsSharedData)
struct SubjectDataBadInputTests {
    /// A copy of S01's model and trial01 in a temporary folder, with `edit` applied to the trial folder.
    func subject(_ edit: (String) throws -> Void) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-bad-subject-\(UUID())").path
        let trial = directory + "/trial01"
        try FileManager.default.createDirectory(atPath: trial, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SharedData.s01 + "/model.osim", toPath: directory + "/model.osim")
        for file in try FileManager.default.contentsOfDirectory(atPath: SharedData.s01 + "/trial01") {
            try FileManager.default.copyItem(atPath: SharedData.s01 + "/trial01/" + file, toPath: trial + "/" + file)
        }
        try edit(trial)
        return directory
    }

    func replace(_ old: String, with new: String, in path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    func load(_ directory: String) throws -> SubjectData {
        try SubjectData.load(directory: directory, trialNames: ["trial01"], coordinates: ["r_elbow_flex"])
    }

    @Test func aBadNumberNamesFileAndLine() throws {
        let directory = try subject { trial in
            var lines = try String(contentsOfFile: trial + "/id.sto", encoding: .utf8).components(separatedBy: "\n")
            lines[29] = lines[29].replacingOccurrences(of: "\t", with: "\txyz", options: [], range: lines[29].range(of: "\t"))
            try lines.joined(separator: "\n").write(toFile: trial + "/id.sto", atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let error = try #require(throws: InputError.self) { try load(directory) }
        #expect(error.file == directory + "/trial01/id.sto" && error.line == 30)
    }

    @Test func aMissingColumnNamesFileAndColumns() throws {
        let directory = try subject { try replace("r_elbow_flex_moment", with: "elbow_moment", in: $0 + "/id.sto") }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let error = try #require(throws: EstimationError.self) { try load(directory) }
        #expect(error.message == "\(directory)/trial01/id.sto: no column 'r_elbow_flex_force' (columns: r_shoulder_elev_moment, elbow_moment)")
    }

    @Test func aMissingMomentArmFileIsNamed() throws {
        let directory = try subject { try FileManager.default.removeItem(atPath: $0 + "/MuscleAnalysis_MomentArm_r_elbow_flex.sto") }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let error = try #require(throws: InputError.self) { try load(directory) }
        #expect(error.file == directory + "/trial01/MuscleAnalysis_MomentArm_r_elbow_flex.sto")
    }

    @Test func rawEMGAndOtherTruthDoNotNarrowTheTimeSpan() throws {
        // Only the first 100 ms of raw EMG and of the true forces: the fit reads neither, so all 1001 frames stay.
        let directory = try subject { trial in
            for file in ["emg_raw.sto", "truth_force.sto"] {
                let lines = try String(contentsOfFile: trial + "/" + file, encoding: .utf8).components(separatedBy: "\n")
                let header = lines.firstIndex(of: "endheader")! + 2
                try lines.prefix(header + 100).joined(separator: "\n").write(toFile: trial + "/" + file, atomically: true, encoding: .utf8)
            }
        }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try load(directory).trials["trial01"]?.frameCount == 1001)
    }
}
