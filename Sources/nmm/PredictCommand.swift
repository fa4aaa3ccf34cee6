import ArgumentParser
import BiomechIO
import Estimation
import Foundation

/// `nmm predict`: a neural musculoskeletal model saved by `nmm fit --method nmm` predicts trials of a subject
/// folder from their kinematics and load alone, and writes the predictions as OpenSim .sto files.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict every muscle's excitation, activation and force and the joint torques of trials with a saved NMM.",
        discussion: """
        MODEL_DIR is the folder `nmm fit --method nmm --output DIR` saved the model in (DIR/model, or DIR itself).
        The model records its muscles, coordinates, input features and sample rate; each trial folder needs only the
        kinematics, the MuscleAnalysis lengths and moment arms and, when the network reads the load, the load file —
        no inverse dynamics and no EMG. Output: DIR/<trial>_{excitation,activation,force,torque}.sto, as `nmm fit`
        writes for its test trials.
        """)

    @Argument(help: "Folder of the saved model (model.json and network.nmmw), or the `nmm fit` output folder holding it as model/.")
    var modelDirectory: String

    @Argument(help: "Subject folder (model file and one folder per trial).")
    var subject: String

    @Option(help: "Trials to predict, comma-separated.")
    var trials: String

    @Option(help: "Output folder (created if missing).")
    var output: String

    @Option(help: "Model file inside the subject folder.")
    var model: String = "model.osim"

    @Option(help: "Trial file names: kinematics,load (the load is read only when the network's features include it).")
    var files: String = "ik.mot,load.sto"

    func run() throws {
        let predictions: [TrialPrediction]
        do {
            let folder = try ResultFolder(output, isResult: ResultFolder.isPrediction)
            let request = PredictionRequest(model: try NMMSnapshot(savedIn: URL(fileURLWithPath: modelDirectory)), subjectDirectory: subject,
                                            trials: commaSeparated(trials), layout: try layout(), modelFile: model)
            predictions = try request.run()
            try folder.write { directory in
                for prediction in predictions { try prediction.write(to: directory.path) }
            }
        } catch {
            throw Terminal.failure(error)
        }
        for prediction in predictions {
            Terminal.out("\(prediction.name): \(prediction.time.count) frames, \(prediction.muscles.count) muscles → \(output)/\(prediction.name)_{excitation,activation,force,torque}.sto")
        }
    }

    func layout() throws -> TrialFolderLayout {
        let names = files.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard names.count == 2, !names[0].isEmpty else {
            throw ValidationError("--files: expected kinematics,load (e.g. ik.mot,load.sto), found '\(files)'")
        }
        return TrialFolderLayout(kinematics: [names[0]], load: names[1].isEmpty ? nil : names[1])
    }
}
