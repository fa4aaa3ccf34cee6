import Foundation
import Testing

/// The real-data commands as a user runs them: `nmm inspect FILE.c3d [--json]`, `nmm fit` on rajagopal-walk as
/// shipped, `nmm init` on a folder in the NMSM Pipeline layout.
@Suite(.timeLimit(.minutes(3)))
struct RealDataCommandTests {
    static let c3dFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("BiomechIOTests/C3DFiles").path

    @Test func inspectJSONGivesOneLinePerC3DFileAsEzc3dReadsIt() throws {
        let names = ["ezc3d-intel-float.c3d", "intel-int.c3d", "dec-float.c3d", "mips-float.c3d"]
        let result = try NMMExecutable.run(["inspect", "--json"] + names.map { Self.c3dFolder + "/" + $0 })
        #expect(result.exited(with: 0), "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == names.count)
        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.c3dFolder + "/reference.json"))) as! [String: [String: Any]]
        for (name, line) in zip(names, lines) {
            let ours = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let theirs = try #require(reference[name])
            #expect(ours["analog_rate"] as? Double == theirs["analog_rate"] as? Double)
            #expect(ours["analog_labels"] as? [String] == theirs["analog_labels"] as? [String])
            let first = (theirs["analogs"] as! [[Double]]).map { $0[0] }
            let values = try #require(ours["analog_first_frame"] as? [Double])
            #expect(values.count == first.count && zip(values, first).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) }, "\(name)")
        }
    }

    @Test func inspectDescribesAC3DFile() throws {
        let result = try NMMExecutable.run(["inspect", Self.c3dFolder + "/dec-int.c3d"])
        #expect(result.exited(with: 0), "\(result.stderr)")
        #expect(result.stdout.contains("kind: C3D motion-capture file, DEC (little-endian, VAX floats), 16-bit integer samples"))
        #expect(result.stdout.contains("analog channels: 3 at 2000 Hz, 40 samples each"))
        #expect(result.stdout.contains("events: 2"))
    }

    @Test func aDamagedC3DFileIsAnErrorNamingIt() throws {
        try TestFiles.withScratchFolder { folder in
            let path = folder.appendingPathComponent("cut.c3d").path
            let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.c3dFolder + "/intel-int.c3d"))
            try bytes.prefix(700).write(to: URL(fileURLWithPath: path))
            let result = try NMMExecutable.run(["inspect", "--json", path])
            #expect(result.exited(with: 1))
            #expect(result.stderr.hasPrefix("\(path): error: expected "), "\(result.stderr)")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: TestFiles.walk)))
    func rajagopalWalkFitsAsShippedWithNoOtherOption() throws {
        try TestFiles.withScratchFolder { folder in
            let result = try NMMExecutable.run(["fit", TestFiles.walk, "--method", "so", "--coordinates", "knee_angle_r,ankle_angle_r",
                                                "--output", folder.path])
            #expect(result.exited(with: 0), "\(result.stderr)")
            #expect(result.stderr.contains("one trial in one folder; model subject_walk_scaled.osim; 1 trial (rajagopal-walk)"))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("metrics.json").path))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("rajagopal-walk_torque.sto").path))
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: TestFiles.walk)))
    func initWritesAManifestThatFitReads() throws {
        try TestFiles.withScratchFolder { folder in
            let base = folder.path + "/preprocessed"
            for type in ["IKData", "IDData", "EMGData", "MAData/walk"] {
                try FileManager.default.createDirectory(atPath: "\(base)/\(type)", withIntermediateDirectories: true)
            }
            for (file, link) in [("subject_walk_scaled.osim", "/subject_walk_scaled.osim"), ("coordinates.sto", "/preprocessed/IKData/walk.sto"),
                                 ("id_walk.sto", "/preprocessed/IDData/walk.sto"), ("electromyography.sto", "/preprocessed/EMGData/walk.sto"),
                                 ("MuscleAnalysis_Length.sto", "/preprocessed/MAData/walk/walk_Length.sto"),
                                 ("MuscleAnalysis_MomentArm_knee_angle_r.sto", "/preprocessed/MAData/walk/walk_MomentArm_knee_angle_r.sto")] {
                try FileManager.default.createSymbolicLink(atPath: folder.path + link, withDestinationPath: TestFiles.walk + "/" + file)
            }
            let initialised = try NMMExecutable.run(["init", folder.path])
            #expect(initialised.exited(with: 0), "\(initialised.stderr)")
            #expect(initialised.stdout.contains("NMSM Pipeline layout; model subject_walk_scaled.osim; 1 trial (walk)"))
            #expect(initialised.stdout.contains("walk: moment arms about knee_angle_r: the coordinates a fit can use"))
            #expect(initialised.stdout.contains("EMG channels that name no model muscle"))
            let manifest = try TestFiles.text(folder.path + "/nmm-subject.json")
            #expect(manifest.contains("\"kinematics\" : \"preprocessed/IKData/walk.sto\""))
            #expect(try NMMExecutable.run(["init", folder.path]).exited(with: 64))

            let fitted = try NMMExecutable.run(["fit", folder.path, "--method", "mse", "--coordinates", "knee_angle_r",
                                                "--emg-map", "vasmed_r=vastus_medius,vaslat_r=vastus_lateralis", "--output", folder.path + "/out"])
            #expect(fitted.exited(with: 0), "\(fitted.stderr)")
            #expect(fitted.stderr.contains("subject manifest (nmm-subject.json)"))
            #expect(fitted.stderr.contains("measured muscles (those with EMG that cross knee_angle_r): vaslat_r, vasmed_r"))
        }
    }
}
