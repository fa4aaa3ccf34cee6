import BiomechIO
import Foundation

/// One prediction as `nmm predict` runs it: a saved neural musculoskeletal model predicts trials of a subject folder
/// from their kinematics (and load, when the model's features include it) alone — no inverse dynamics, no EMG.
public struct PredictionRequest: Sendable {
    /// The saved model: the folder holding model.json and network.nmmw, or the `nmm fit` output folder holding it
    /// as `model/`.
    public var modelDirectory: String
    /// Subject folder.
    public var subjectDirectory: String
    /// Trials to predict.
    public var trials: [String]
    /// The names of the files in each trial folder; only the kinematics and the load are read.
    public var layout: TrialFolderLayout
    /// The model file inside the subject folder.
    public var modelFile: String

    /// A request; see the properties.
    public init(modelDirectory: String, subjectDirectory: String, trials: [String], layout: TrialFolderLayout = TrialFolderLayout(),
                modelFile: String = "model.osim") {
        self.modelDirectory = modelDirectory; self.subjectDirectory = subjectDirectory; self.trials = trials
        self.layout = layout; self.modelFile = modelFile
    }

    /// The folder the model is saved in: `modelDirectory`, or its `model/` when only that holds a model.json.
    public var savedModelDirectory: URL {
        let given = URL(fileURLWithPath: modelDirectory), nested = given.appendingPathComponent("model")
        let manager = FileManager.default
        let nestedOnly = !manager.fileExists(atPath: given.appendingPathComponent("model.json").path)
            && manager.fileExists(atPath: nested.appendingPathComponent("model.json").path)
        return nestedOnly ? nested : given
    }

    /// Loads the model and the trials as the model recorded them (muscles, coordinates, features, sample rate),
    /// and predicts every trial's excitations, activations, forces and torques, in the order of `trials`.
    public func run() throws -> [TrialPrediction] {
        guard !trials.isEmpty else { throw EstimationError("no trials to predict: name them with --trials") }
        let directory = savedModelDirectory
        let inputs = try NeuralMusculoskeletalModel.trialInputs(savedIn: directory)
        var layout = self.layout
        if inputs.loadChannels.isEmpty {
            layout.load = nil
        } else if layout.load == nil {
            throw EstimationError("\(directory.appendingPathComponent("model.json").path): the network reads the load channels \(inputs.loadChannels.joined(separator: ", ")); name the trials' load file")
        }
        let subject = try SubjectData.load(directory: subjectDirectory, trialNames: trials, coordinates: inputs.coordinates,
                                           modelFile: modelFile, muscles: inputs.muscles, layout: layout, assembly: inputs.assembly,
                                           purpose: .prediction)
        let model = try NeuralMusculoskeletalModel.load(from: directory, system: subject.system)
        return try trials.map { try model.predict(subject.trials[$0]!) }
    }
}
