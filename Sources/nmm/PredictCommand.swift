import ArgumentParser
import BiomechIO
import Estimation
import Foundation

/// `nmm predict`: a neural musculoskeletal model saved by `nmm fit --method nmm` predicts trials of a subject
/// folder from their kinematics and load, refined with their inverse dynamics and EMG when the model reads them and
/// the folder has them (the hybrid NMM), and writes the predictions as OpenSim .sto files.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict every muscle's excitation, activation and force and the joint torques of trials with a saved NMM.",
        discussion: """
        MODEL_DIR is the folder `nmm fit --method nmm --output DIR` saved the model in (DIR/model, or DIR itself).
        The model records its muscles, coordinates, input features and sample rate; each trial folder needs only the
        kinematics, the MuscleAnalysis lengths and moment arms and, when the network reads the load, the load file.
        A model fitted with `--inputs all` (the default) refines the prediction of a trial whose folder also has the
        inverse dynamics of every coordinate it drives, with that torque and the processed EMG of its measured
        muscles, exactly as the fit refined its test trials; `--inputs kinematics` reads neither.
        Output: DIR/<trial>_{excitation,activation,force,torque}.sto, as `nmm fit` writes for its test trials.
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

    @Option(help: "Trial file names: kinematics,load[,inverse-dynamics,emg] (the load is read only when the network's features include it; the inverse dynamics and processed EMG only with --inputs all, when present).")
    var files: String = "ik.mot,load.sto,id.sto,emg.sto"

    @Option(help: "What is read of each trial: all (kinematics and load, then the inverse dynamics and EMG the trial has, to refine with) or kinematics.")
    var inputs: NMMInputs = .all

    func run() throws {
        let result: PredictionResult
        do {
            let folder = try ResultFolder(output, isResult: ResultFolder.isPrediction)
            let request = PredictionRequest(model: try NMMSnapshot(savedIn: URL(fileURLWithPath: modelDirectory)), subjectDirectory: subject,
                                            trials: commaSeparated(trials), layout: try layout(), modelFile: model, inputs: inputs)
            result = try request.run()
            try folder.write { directory in
                for prediction in result.predictions { try prediction.write(to: directory.path) }
            }
        } catch {
            throw Terminal.failure(error)
        }
        for prediction in result.predictions {
            let refined = !result.refinedTrials.contains(prediction.name) ? ""
                : result.refinementTarget == .trialRecordings ? ", refined with its torque and EMG" : ", refined to the inverse dynamics nmm computes from its kinematics and load"
            let drift = prediction.recruitmentDrift.map { ", \($0.summary)" } ?? ""
            Terminal.out("\(prediction.name): \(prediction.time.count) frames, \(prediction.muscles.count) muscles\(refined)\(drift) → \(output)/\(prediction.name)_{excitation,activation,force,torque}.sto")
        }
    }

    func layout() throws -> TrialFolderLayout {
        let names = files.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard names.count == 2 || names.count == 4, !names[0].isEmpty else {
            throw ValidationError("--files: expected kinematics,load[,inverse-dynamics,emg] (e.g. ik.mot,load.sto,id.sto,emg.sto), found '\(files)'")
        }
        // Two names keep the default inverse-dynamics and EMG names; an empty name reads no such file.
        let defaults = ["", "", "id.sto", "emg.sto"]
        func named(_ index: Int) -> String? {
            let name = index < names.count ? names[index] : defaults[index]
            return name.isEmpty ? nil : name
        }
        return TrialFolderLayout(kinematics: [names[0]], inverseDynamics: named(2) ?? "", load: named(1), emg: named(3), rawEMG: nil)
    }
}
