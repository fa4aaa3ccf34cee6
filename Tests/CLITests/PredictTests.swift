import Foundation
import Testing

/// `nmm predict`: a model saved by `nmm fit --method nmm` predicts a trial folder holding only kinematics, load and
/// MuscleAnalysis files exactly as the fit predicted the same trial as a test trial; bad models and trials fail
/// with a message naming the file.
@Suite(.timeLimit(.minutes(5)))
struct PredictTests {
    /// The files `nmm predict` writes per trial, as `nmm fit` writes them for its test trials.
    private static let outputs = ["excitation", "activation", "force", "torque"]

    /// Fits the NMM (20 steps) on S01's trial01 and trial02, testing on trial03, into `folder`/fit; returns the
    /// saved model's folder.
    private func fit(into folder: URL) throws -> URL {
        let output = folder.appendingPathComponent("fit")
        let result = try NMMExecutable.run([
            "fit", TestFiles.s01, "--method", "nmm", "--measured", "BIClong,BICshort,TRIlong,TRIlat", "--train", "trial01,trial02",
            "--test", "trial03", "--coordinates", "r_elbow_flex", "--steps", "20", "--output", output.path,
        ])
        try #require(result.exited(with: 0), "\(result.stderr)")
        return output.appendingPathComponent("model")
    }

    /// A subject folder `folder`/`name` with S01's model and trial03 reduced to `files` (no id.sto, no EMG, no truth).
    private func unseenSubject(in folder: URL, name: String,
                               files: [String] = ["ik.mot", "load.sto", "MuscleAnalysis_Length.sto",
                                                  "MuscleAnalysis_MomentArm_r_elbow_flex.sto"]) throws -> URL {
        let subject = folder.appendingPathComponent(name), trial = subject.appendingPathComponent("trial03")
        try FileManager.default.createDirectory(at: trial, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestFiles.s01 + "/model.osim", toPath: subject.appendingPathComponent("model.osim").path)
        for file in files {
            try FileManager.default.copyItem(atPath: TestFiles.s01 + "/trial03/" + file, toPath: trial.appendingPathComponent(file).path)
        }
        return subject
    }

    /// Runs `nmm predict model subject --trials trial03 --output output`.
    private func predict(_ model: URL, _ subject: URL, into output: URL) throws -> NMMExecutable.Result {
        try NMMExecutable.run(["predict", model.path, subject.path, "--trials", "trial03", "--output", output.path])
    }

    @Test func predictsAFolderWithoutInverseDynamicsOrEMGAsTheFitDid() throws {
        try TestFiles.withScratchFolder { folder in
            let model = try fit(into: folder)
            let subject = try unseenSubject(in: folder, name: "unseen")
            let output = folder.appendingPathComponent("predicted")
            let result = try predict(model, subject, into: output)
            #expect(result.exited(with: 0), "\(result.stderr)")
            let fitted = try TestFiles.text(folder.appendingPathComponent("fit/trial03_excitation.sto").path)
            #expect(fitted.split(separator: "\n").count == 7 + 1001, "header, column labels and 1001 frames")
            for kind in Self.outputs {
                let expected = try TestFiles.text(folder.appendingPathComponent("fit/trial03_\(kind).sto").path)
                let predicted = try TestFiles.text(output.appendingPathComponent("trial03_\(kind).sto").path)
                #expect(predicted == expected, "trial03_\(kind).sto: nmm predict differs from nmm fit's test-trial prediction")
            }
            // The `nmm fit` output folder itself is accepted too (it holds the model as model/).
            let again = try predict(model.deletingLastPathComponent(), subject, into: folder.appendingPathComponent("again"))
            #expect(again.exited(with: 0), "\(again.stderr)")
        }
    }

    @Test func rejectsFoldersThatAreNotASavedModel() throws {
        try TestFiles.withScratchFolder { folder in
            let subject = try unseenSubject(in: folder, name: "unseen")
            let empty = try predict(subject, subject, into: folder.appendingPathComponent("out"))
            #expect(empty.exited(with: 1), "\(empty.stderr)")
            #expect(empty.stderr.contains("\(subject.path): not a saved nmm model: expected model.json and network.nmmw"), "\(empty.stderr)")

            let corrupt = folder.appendingPathComponent("corrupt")
            try FileManager.default.createDirectory(at: corrupt, withIntermediateDirectories: true)
            try Data("{\"version\": 1}".utf8).write(to: corrupt.appendingPathComponent("model.json"))
            try Data("weights".utf8).write(to: corrupt.appendingPathComponent("network.nmmw"))
            let result = try predict(corrupt, subject, into: folder.appendingPathComponent("out"))
            #expect(result.exited(with: 1), "\(result.stderr)")
            #expect(result.stderr.contains("\(corrupt.path)/model.json: not a saved nmm model (no field '"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "nothing written on failure")
        }
    }

    @Test func rejectsModelsAndTrialsThatDoNotMatch() throws {
        try TestFiles.withScratchFolder { folder in
            let model = try fit(into: folder)

            // A model saved for a muscle the subject's model lacks.
            let renamed = folder.appendingPathComponent("renamed")
            try FileManager.default.createDirectory(at: renamed, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: model.appendingPathComponent("network.nmmw"), to: renamed.appendingPathComponent("network.nmmw"))
            let json = try TestFiles.text(model.appendingPathComponent("model.json").path)
            #expect(json.contains("\"BRA\""))
            try Data(json.replacingOccurrences(of: "\"BRA\"", with: "\"BRX\"").utf8).write(to: renamed.appendingPathComponent("model.json"))
            let subject = try unseenSubject(in: folder, name: "unseen")
            let otherMuscles = try predict(renamed, subject, into: folder.appendingPathComponent("out"))
            #expect(otherMuscles.exited(with: 1), "\(otherMuscles.stderr)")
            #expect(otherMuscles.stderr.contains("\(subject.path)/model.osim: no muscle 'BRX'"), "\(otherMuscles.stderr)")

            // A model whose weight file is not one.
            let garbled = folder.appendingPathComponent("garbled")
            try FileManager.default.createDirectory(at: garbled, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: model.appendingPathComponent("model.json"), to: garbled.appendingPathComponent("model.json"))
            try Data("not weights at all".utf8).write(to: garbled.appendingPathComponent("network.nmmw"))
            let badWeights = try predict(garbled, subject, into: folder.appendingPathComponent("out"))
            #expect(badWeights.exited(with: 1), "\(badWeights.stderr)")
            #expect(badWeights.stderr.contains("\(garbled.path)/network.nmmw is not an nmm weight file"), "\(badWeights.stderr)")

            // A trial whose kinematics lack a coordinate the network reads.
            let oneAngle = try unseenSubject(in: folder, name: "one-angle")
            let kinematics = oneAngle.appendingPathComponent("trial03/ik.mot")
            let lines = try TestFiles.text(kinematics.path).split(separator: "\n", omittingEmptySubsequences: false)
            let header = try #require(lines.firstIndex(of: "endheader"))
            let cut = lines.enumerated().map { index, line -> String in
                guard index > header, !line.isEmpty else { return String(line) }
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                return [fields[0], fields[2]].joined(separator: "\t")  // time, r_elbow_flex: r_shoulder_elev dropped
            }
            try Data(cut.joined(separator: "\n").utf8).write(to: kinematics)
            let missingAngle = try predict(model, oneAngle, into: folder.appendingPathComponent("out"))
            #expect(missingAngle.exited(with: 1), "\(missingAngle.stderr)")
            #expect(missingAngle.stderr.contains("\(kinematics.path): no column 'r_shoulder_elev' (columns: r_elbow_flex)"), "\(missingAngle.stderr)")

            // A trial without the load file the network reads.
            let noLoad = try unseenSubject(in: folder, name: "no-load", files: ["ik.mot", "MuscleAnalysis_Length.sto",
                                                                                "MuscleAnalysis_MomentArm_r_elbow_flex.sto"])
            let missingLoad = try predict(model, noLoad, into: folder.appendingPathComponent("out"))
            #expect(missingLoad.exited(with: 1), "\(missingLoad.stderr)")
            #expect(missingLoad.stderr.contains("\(noLoad.path)/trial03/load.sto: error: expected the trial's load, which the network reads, found no such file"),
                    "\(missingLoad.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "nothing written on failure")
        }
    }

    @Test func helpTellsTheNotebookCommandFromTheSubcommand() throws {
        let notebook = try NMMExecutable.run(["help", "predict"])
        #expect(notebook.exited(with: 0), "\(notebook.stderr)")
        #expect(notebook.stdout.hasPrefix("predict — Predict other trials with a fitted NMM"), "\(notebook.stdout)")
        #expect(notebook.stdout.contains("the command line's `nmm predict` is described by `nmm predict --help`"), "\(notebook.stdout)")
        let cli = try NMMExecutable.run(["predict", "--help"])
        #expect(cli.exited(with: 0), "\(cli.stderr)")
        #expect(cli.stdout.contains("USAGE: nmm predict <model-directory> <subject> --trials <trials> --output <output>"), "\(cli.stdout)")
    }

    @Test func fitStillRequiresInverseDynamics() throws {
        try TestFiles.withScratchFolder { folder in
            let subject = try unseenSubject(in: folder, name: "unseen")
            let result = try NMMExecutable.run(["fit", subject.path, "--method", "so", "--test", "trial03", "--coordinates", "r_elbow_flex",
                                                "--output", folder.appendingPathComponent("out").path])
            #expect(result.exited(with: 1), "\(result.stderr)")
            #expect(result.stderr.contains("\(subject.path)/trial03/id.sto: error: cannot open the file"), "\(result.stderr)")
        }
    }
}
