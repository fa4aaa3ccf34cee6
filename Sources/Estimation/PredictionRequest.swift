import BiomechIO
import Foundation

/// One prediction as `nmm predict` runs it: a saved neural musculoskeletal model predicts trials of a subject folder
/// from their kinematics (and load, when the model's features include it) alone — no inverse dynamics, no EMG.
public struct PredictionRequest: Sendable {
    /// The saved model.
    public var model: NMMSnapshot
    /// Subject folder.
    public var subjectDirectory: String
    /// Trials to predict.
    public var trials: [String]
    /// The names of the files in each trial folder; only the kinematics and the load are read.
    public var layout: TrialFolderLayout
    /// The model file inside the subject folder.
    public var modelFile: String

    /// A request; see the properties.
    public init(model: NMMSnapshot, subjectDirectory: String, trials: [String], layout: TrialFolderLayout = TrialFolderLayout(),
                modelFile: String = "model.osim") {
        self.model = model; self.subjectDirectory = subjectDirectory; self.trials = trials
        self.layout = layout; self.modelFile = modelFile
    }

    /// Loads the model and the trials as the model recorded them (muscles, coordinates, features, sample rate),
    /// and predicts every trial's excitations, activations, forces and torques, in the order of `trials`.
    public func run() throws -> [TrialPrediction] {
        guard !trials.isEmpty else { throw EstimationError("no trials to predict: name them with --trials") }
        let inputs = try model.trialInputs()
        var layout = self.layout
        if inputs.loadChannels.isEmpty {
            layout.load = nil
        } else if layout.load == nil {
            throw EstimationError("\(model.label("model.json")): the network reads the load channels \(inputs.loadChannels.joined(separator: ", ")); name the trials' load file")
        }
        let subject = try SubjectData.load(directory: subjectDirectory, trialNames: trials, coordinates: inputs.coordinates,
                                           modelFile: modelFile, muscles: inputs.muscles, layout: layout, assembly: inputs.assembly,
                                           purpose: .prediction)
        let fitted = try NeuralMusculoskeletalModel(model, system: subject.system)
        let predictions = try trials.map { try fitted.predict(subject.trials[$0]!) }
        for prediction in predictions { try prediction.validate(source: model.label("model.json")) }
        return predictions
    }
}
