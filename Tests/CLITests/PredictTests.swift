import Foundation
import Testing
import TestSupport

/// `nmm predict`: a model saved by `nmm fit --method nmm` predicts a trial folder holding only kinematics, load and
/// MuscleAnalysis files exactly as the fit predicted the same trial as a test trial; bad models and trials fail
/// with a message naming the file.
@Suite(.needsSharedData, .timeLimit(.minutes(5)))
struct PredictTests {
    /// The files `nmm predict` writes per trial, as `nmm fit` writes them for its test trials.
    private static let outputs = ["excitation", "activation", "force", "torque"]

    /// Fits the NMM (20 steps) on S01's trial01 and trial02, testing on trial03, into `folder`/fit with `options`
    /// added; returns the saved model's folder. The fit reads kinematics only, so that its test-trial prediction is what
    /// predict computes (the hybrid default would refine it with trial03's torque and EMG, which predict does not read).
    private func fit(into folder: URL, options: [String] = []) throws -> URL {
        let output = folder.appendingPathComponent("fit")
        let result = try NMMExecutable.run([
            "fit", TestFiles.s01, "--method", "nmm", "--measured", "BIClong,BICshort,TRIlong,TRIlat", "--train", "trial01,trial02",
            "--test", "trial03", "--coordinates", "r_elbow_flex", "--steps", "20", "--inputs", "kinematics", "--output", output.path,
        ] + options)
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

    /// Runs `nmm predict model subject --trials trial03 --output output` with `options` added.
    private func predict(_ model: URL, _ subject: URL, into output: URL, options: [String] = []) throws -> NMMExecutable.Result {
        try NMMExecutable.run(["predict", model.path, subject.path, "--trials", "trial03", "--output", output.path] + options)
    }

    /// A hybrid model (fitted with the default inputs all) refines a trial whose folder has its inverse dynamics and
    /// EMG exactly as the fit refined it as a test trial; `--inputs kinematics`, or a folder without them, gives the
    /// network's unrefined proposal, which differs.
    @Test func refinesWithTheTrialsTorqueAndEMGAsTheFitDid() throws {
        try TestFiles.withScratchFolder { folder in
            let output = folder.appendingPathComponent("fit")
            let fit = try NMMExecutable.run([
                "fit", TestFiles.s01, "--method", "nmm", "--measured", "BIClong,BICshort,TRIlong,TRIlat", "--train", "trial01,trial02",
                "--test", "trial03", "--coordinates", "r_elbow_flex", "--steps", "20", "--output", output.path,
            ])
            try #require(fit.exited(with: 0), "\(fit.stderr)")
            let model = output.appendingPathComponent("model")
            let full = try unseenSubject(in: folder, name: "full", files: ["ik.mot", "load.sto", "id.sto", "emg.sto", "MuscleAnalysis_Length.sto",
                                                                        "MuscleAnalysis_MomentArm_r_elbow_flex.sto"])
            let bare = try unseenSubject(in: folder, name: "bare")
            var excitations: [String: String] = [:]
            for (name, subject, options) in [("refined", full, []), ("kinematics", full, ["--inputs", "kinematics"]), ("bare", bare, [])] {
                let out = folder.appendingPathComponent("predicted-" + name)
                let result = try predict(model, subject, into: out, options: options)
                try #require(result.exited(with: 0), "\(name): \(result.stderr)")
                excitations[name] = try TestFiles.text(out.appendingPathComponent("trial03_excitation.sto").path)
            }
            for kind in Self.outputs {
                let expected = try TestFiles.text(output.appendingPathComponent("trial03_\(kind).sto").path)
                let predicted = try TestFiles.text(folder.appendingPathComponent("predicted-refined/trial03_\(kind).sto").path)
                #expect(predicted == expected, "trial03_\(kind).sto: the refined prediction differs from nmm fit's hybrid test-trial prediction")
            }
            #expect(excitations["kinematics"] == excitations["bare"], "--inputs kinematics must read neither id.sto nor emg.sto")
            #expect(excitations["kinematics"] != excitations["refined"], "the refinement changed nothing")
        }
    }

    /// The model records the fit's sample rate and feature coordinates: predict resamples the trial to 50 Hz and
    /// feeds only the elbow's angle (and the load) as the fit did, without being told.
    @Test func predictsAFolderWithoutInverseDynamicsOrEMGAsTheFitDid() throws {
        try TestFiles.withScratchFolder { folder in
            let model = try fit(into: folder, options: ["--sample-rate", "50", "--feature-coordinates", "r_elbow_flex"])
            let subject = try unseenSubject(in: folder, name: "unseen")
            let output = folder.appendingPathComponent("predicted")
            let result = try predict(model, subject, into: output)
            #expect(result.exited(with: 0), "\(result.stderr)")
            let fitted = try TestFiles.text(folder.appendingPathComponent("fit/trial03_excitation.sto").path)
            #expect(fitted.split(separator: "\n").count == 7 + 501, "header, column labels and 10 s at 50 Hz")
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

    /// The model records which tendons it was fitted with (model.json's compliantTendons, absent when all are rigid),
    /// and predict models them so: its forces are the fit's, whichever the tendons.
    @Test(arguments: ["rigid", "compliant"])
    func predictionKeepsTheFitsTendons(tendons: String) throws {
        try TestFiles.withScratchFolder { folder in
            let model = try fit(into: folder, options: ["--tendons", tendons])
            let description = try TestFiles.text(model.appendingPathComponent("model.json").path)
            #expect(description.contains("compliantTendons") == (tendons == "compliant"), "\(tendons): \(description.prefix(200))")
            let subject = try unseenSubject(in: folder, name: "unseen")
            let output = folder.appendingPathComponent("predicted")
            let result = try predict(model, subject, into: output)
            try #require(result.exited(with: 0), "\(result.stderr)")
            let expected = try TestFiles.text(folder.appendingPathComponent("fit/trial03_force.sto").path)
            let predicted = try TestFiles.text(output.appendingPathComponent("trial03_force.sto").path)
            #expect(predicted == expected, "\(tendons): predicted forces differ from the fit's")
        }
    }

    /// Settings added to model.json after models were saved without them are written only when they differ from what
    /// an older model implies, so the older model re-encodes to the description its weights' digest was taken of: a
    /// model without an agonist blend (as every model saved before it existed) still loads and predicts.
    @Test func aModelWithoutTheLaterAgonistBlendStillLoads() throws {
        try TestFiles.withScratchFolder { folder in
            let model = try fit(into: folder, options: ["--agonist-blend", "0"])
            let description = try TestFiles.text(model.appendingPathComponent("model.json").path)
            #expect(!description.contains("agonistBlend"), "\(description.prefix(300))")
            let result = try predict(model, try unseenSubject(in: folder, name: "unseen"), into: folder.appendingPathComponent("predicted"))
            #expect(result.exited(with: 0), "\(result.stderr)")
        }
    }

    /// A folder `folder`/`name` holding `modelJSON` as model.json and `weights` as network.nmmw.
    private func modelFolder(in folder: URL, name: String, modelJSON: String, weights: Data) throws -> URL {
        let model = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: model, withIntermediateDirectories: true)
        try Data(modelJSON.utf8).write(to: model.appendingPathComponent("model.json"))
        try weights.write(to: model.appendingPathComponent("network.nmmw"))
        return model
    }

    /// Expects `nmm predict model subject` to fail with exit status 1, saying `message` on standard error.
    private func expectFailure(_ model: URL, _ subject: URL, in folder: URL, saying message: String,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try predict(model, subject, into: folder.appendingPathComponent("out"))
        #expect(result.exited(with: 1), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "nothing written on failure",
                sourceLocation: sourceLocation)
    }

    @Test func rejectsFoldersThatAreNotASavedModel() throws {
        try TestFiles.withScratchFolder { folder in
            let subject = try unseenSubject(in: folder, name: "unseen")
            try expectFailure(subject, subject, in: folder, saying: "\(subject.path): not a saved nmm model: expected model.json and network.nmmw")
            let corrupt = try modelFolder(in: folder, name: "corrupt", modelJSON: "{\"version\": 1}", weights: Data("weights".utf8))
            try expectFailure(corrupt, subject, in: folder, saying: "\(corrupt.path)/model.json: not a saved nmm model (no field '")
        }
    }

    @Test func rejectsModelsAndTrialsThatDoNotMatch() throws {
        try TestFiles.withScratchFolder { folder in
            let model = try fit(into: folder)
            let json = try TestFiles.text(model.appendingPathComponent("model.json").path)
            let weights = try Data(contentsOf: model.appendingPathComponent("network.nmmw"))
            let subject = try unseenSubject(in: folder, name: "unseen")

            // A model saved for a muscle the subject's model lacks.
            #expect(json.contains("\"BRA\""))
            let renamed = try modelFolder(in: folder, name: "renamed", modelJSON: json.replacingOccurrences(of: "\"BRA\"", with: "\"BRX\""),
                                          weights: weights)
            try expectFailure(renamed, subject, in: folder, saying: "\(subject.path)/model.osim: error: no muscle 'BRX'")

            // A model whose weight file is not one.
            let garbled = try modelFolder(in: folder, name: "garbled", modelJSON: json, weights: Data("not weights at all".utf8))
            try expectFailure(garbled, subject, in: folder, saying: "\(garbled.path)/network.nmmw is not an nmm weight file")

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
            try expectFailure(model, oneAngle, in: folder, saying: "\(kinematics.path): no column 'r_shoulder_elev' (columns: r_elbow_flex)")

            // A trial without the load file the network reads.
            let noLoad = try unseenSubject(in: folder, name: "no-load", files: ["ik.mot", "MuscleAnalysis_Length.sto",
                                                                                "MuscleAnalysis_MomentArm_r_elbow_flex.sto"])
            try expectFailure(model, noLoad, in: folder,
                              saying: "\(noLoad.path)/trial03/load.sto: error: expected the trial's load, which the network reads, found no such file")
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
            #expect(result.stderr.contains("\(subject.path)/trial03/id.sto: error: expected trial trial03's inverse dynamics"), "\(result.stderr)")
        }
    }
}
