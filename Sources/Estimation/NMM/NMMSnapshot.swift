import BiomechIO
import Foundation

/// A saved neural musculoskeletal model held in memory: what `model.json` holds (muscles, features, coordinates,
/// sample rate, scaler, fitted parameters, settings, loss history) and the bytes of `network.nmmw`. `nmm fit`
/// writes one into a folder; a notebook's fit keeps one in its cached result, so that `predict` can run it.
public struct NMMSnapshot: Codable, Sendable {
    /// `model.json`'s contents.
    var description: NeuralMusculoskeletalModel.Description
    /// The network's weight file (TensorEngine's format).
    var weights: Data
    /// The folder it was read from; nil when it was never saved.
    public var folder: String?

    /// A snapshot of a model (see ``NeuralMusculoskeletalModel/snapshot``).
    init(description: NeuralMusculoskeletalModel.Description, weights: Data) {
        self.description = description; self.weights = weights
    }

    /// The model saved in `directory`, or in its `model/` when only that holds a `model.json` (the folder
    /// `nmm fit --output` writes).
    public init(savedIn directory: URL) throws {
        let nested = directory.appendingPathComponent("model")
        let manager = FileManager.default
        let folder = !manager.fileExists(atPath: directory.appendingPathComponent("model.json").path)
            && manager.fileExists(atPath: nested.appendingPathComponent("model.json").path) ? nested : directory
        let modelFile = folder.appendingPathComponent("model.json"), weightFile = folder.appendingPathComponent("network.nmmw")
        guard manager.fileExists(atPath: modelFile.path), manager.fileExists(atPath: weightFile.path) else {
            throw EstimationError("\(directory.path): not a saved nmm model: expected model.json and network.nmmw (as `nmm fit --method nmm --output DIR` writes in DIR/model)")
        }
        let json: Data, weights: Data
        do { json = try Data(contentsOf: modelFile) } catch {
            throw EstimationError("\(modelFile.path): cannot be read (\(FileProblem.reason(error)))")
        }
        do { weights = try Data(contentsOf: weightFile) } catch {
            throw EstimationError("\(weightFile.path): cannot be read (\(FileProblem.reason(error)))")
        }
        try self.init(modelJSON: json, weights: weights, folder: folder.path)
    }

    /// The model whose `model.json` holds `json` and whose `network.nmmw` holds `weights`, read from `folder`; its
    /// fields are checked (``validateFields()``).
    init(modelJSON json: Data, weights: Data, folder: String?) throws {
        self.folder = folder
        self.weights = weights
        do { description = try JSONDecoder().decode(NeuralMusculoskeletalModel.Description.self, from: json) } catch {
            throw EstimationError("\(folder.map { ($0 as NSString).appendingPathComponent("model.json") } ?? "model.json"): "
                + "not a saved nmm model (\(Self.reason(error)))")
        }
        try validateFields()
    }

    /// Writes `network.nmmw` and `model.json` into folder `directory` (created if missing), each atomically.
    public func write(to directory: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try weights.write(to: directory.appendingPathComponent("network.nmmw"), options: .atomic)
            try encoder.encode(description).write(to: directory.appendingPathComponent("model.json"), options: .atomic)
        } catch {
            throw EstimationError("\(directory.path): cannot write the model (\(error.localizedDescription))")
        }
    }

    /// What the model reads of a trial (muscles, coordinates, features, sample rate).
    public func trialInputs() throws -> NMMTrialInputs {
        try validateFields()
        guard let coordinates = description.coordinates else {
            throw EstimationError("\(label("model.json")): records no coordinates (saved by an older nmm); fit the model again")
        }
        let sources = TrialAssembly.featureSources(of: description.featureLabels)
        return NMMTrialInputs(muscles: description.muscles, coordinates: coordinates, featureCoordinates: sources.coordinates,
                              loadChannels: sources.loadChannels, sampleRate: description.sampleRate)
    }

    /// How messages name one of its files: the path when it was read from a folder.
    func label(_ file: String) -> String {
        folder.map { ($0 as NSString).appendingPathComponent(file) } ?? "the fitted model's \(file)"
    }

    /// A decoding error in words.
    private static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "no field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "field '\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context): return context.debugDescription
        default: return "\(error)"
        }
    }
}
