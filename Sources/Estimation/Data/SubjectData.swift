import BiomechIO
import Foundation

/// A subject folder assembled for a fit: the generic model's muscles that span the chosen coordinates and the
/// requested trials. A `truth_model.osim` beside `model.osim` is read for evaluation only (``truthModel``).
public struct SubjectData: Sendable {
    /// The folder.
    public var directory: String
    /// The generic model.
    public var model: OpenSimModel
    /// The rigid-tendon muscle system of the fit (muscles in the MuscleAnalysis files and the model).
    public var system: MuscleSystem
    /// Muscles whose own class is not DeGrooteFregly2016 and are modelled with De Groote's curves.
    public var approximatedMuscles: [String]
    /// Coordinates whose torques are fitted.
    public var coordinates: [String]
    /// Trials by name.
    public var trials: [String: EstimationTrial]
    /// The true model when the folder records it — evaluation only, never an input of a fit.
    public var truthModel: OpenSimModel?

    /// Loads `trialNames` of subject folder `directory` (model file `modelFile` inside it) for `coordinates`.
    /// Muscles are those of the model listed in the first trial's MuscleAnalysis length file, unless `muscles` names them.
    public static func load(directory: String, trialNames: [String], coordinates: [String], modelFile: String = "model.osim",
                            muscles: [String]? = nil, loader: TrialLoader = TrialLoader()) throws -> SubjectData {
        let modelPath = (directory as NSString).appendingPathComponent(modelFile)
        guard FileManager.default.fileExists(atPath: modelPath) else { throw EstimationError("\(modelPath): no such model file") }
        let model = try OSimFile.read(modelPath)
        guard let first = trialNames.first else { throw EstimationError("no trials named") }
        let names: [String]
        if let muscles { names = muscles } else {
            let lengthFile = ((directory as NSString).appendingPathComponent(first) as NSString).appendingPathComponent(loader.files.musculotendonLength)
            let labels = try StorageFile.read(lengthFile).labels
            names = labels.filter { model.muscle($0) != nil }
            guard !names.isEmpty else { throw EstimationError("\(lengthFile): none of its columns is a muscle of \(modelPath)") }
        }
        let (system, approximated) = try MuscleSystem.rigidTendon(from: model, muscles: names, modelFile: modelPath)
        var trials: [String: EstimationTrial] = [:]
        for name in trialNames where trials[name] == nil {
            let path = (directory as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { throw EstimationError("\(path): no such trial folder") }
            trials[name] = try loader.load(directory: path, coordinates: coordinates, muscles: names)
        }
        let truthPath = (directory as NSString).appendingPathComponent("truth_model.osim")
        let truth = FileManager.default.fileExists(atPath: truthPath) ? try OSimFile.read(truthPath) : nil
        return SubjectData(directory: directory, model: model, system: system, approximatedMuscles: approximated,
                           coordinates: coordinates, trials: trials, truthModel: truth)
    }
}
