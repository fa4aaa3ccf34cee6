import BiomechIO
import Foundation

/// One prediction as `nmm predict` runs it: a saved neural musculoskeletal model predicts trials of a subject folder
/// from their kinematics (and load, when the model's features include it); with ``NMMInputs/all`` a model fitted to
/// read all of a trial refines each prediction with the trial's inverse dynamics and processed EMG when the folder has
/// them, exactly as its fit refined its test trials (``NeuralMusculoskeletalModel/refines(_:)``).
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
    /// What is read of each trial: ``NMMInputs/kinematics`` reads neither inverse dynamics nor EMG.
    public var inputs: NMMInputs

    /// A request; see the properties.
    public init(model: NMMSnapshot, subjectDirectory: String, trials: [String], layout: TrialFolderLayout = TrialFolderLayout(),
                modelFile: String = "model.osim", inputs: NMMInputs = .all) {
        self.model = model; self.subjectDirectory = subjectDirectory; self.trials = trials
        self.layout = layout; self.modelFile = modelFile; self.inputs = inputs
    }

    /// Loads the model and the trials as the model recorded them (muscles, coordinates, features, sample rate),
    /// and predicts every trial's excitations, activations, forces and torques, in the order of `trials`.
    public func run() throws -> PredictionResult {
        guard !trials.isEmpty else { throw EstimationError("no trials to predict: name them with --trials") }
        let recorded = try model.trialInputs()
        var layout = self.layout
        if recorded.loadChannels.isEmpty {
            layout.load = nil
        } else if layout.load == nil {
            throw EstimationError("\(model.label("model.json")): the network reads the load channels \(recorded.loadChannels.joined(separator: ", ")); name the trials' load file")
        }
        let subject = try SubjectData.load(directory: subjectDirectory, trialNames: trials, coordinates: recorded.coordinates,
                                           modelFile: modelFile, muscles: recorded.muscles, layout: layout, assembly: recorded.assembly,
                                           purpose: inputs == .all ? .refinedPrediction : .prediction)
        let fitted = try NeuralMusculoskeletalModel(model, system: subject.system)
        let predictions = try trials.map { try fitted.predict(subject.trials[$0]!) }
        for prediction in predictions { try prediction.validate(source: model.label("model.json")) }
        return PredictionResult(predictions: predictions, refinedTrials: trials.filter { fitted.refines(subject.trials[$0]!) },
                                refinementTarget: fitted.refinementTarget)
    }
}

/// What a ``PredictionRequest`` predicted.
public struct PredictionResult: Sendable {
    /// One prediction per trial, in the request's order.
    public var predictions: [TrialPrediction]
    /// The trials whose prediction was refined (``NeuralMusculoskeletalModel/refines(_:)``).
    public var refinedTrials: [String]
    /// What they were refined to reproduce.
    public var refinementTarget: RefinementTarget
}
