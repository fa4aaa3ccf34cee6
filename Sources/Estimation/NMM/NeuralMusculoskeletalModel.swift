import Foundation
import TensorEngine

/// A fitted neural musculoskeletal model: the Transformer that maps windows of kinematics and load to the
/// excitations of every muscle, and the personalised muscle system that turns them into torques. Prediction
/// needs only kinematics and load (no EMG).
public final class NeuralMusculoskeletalModel: @unchecked Sendable {
    /// The network, `[B, T, features] → [B, T, muscles]` before the sigmoid.
    public let network: TransformerEncoder
    /// Input standardisation.
    public let scaler: FeatureScaler
    /// The generic muscles.
    public let system: MuscleSystem
    /// The fitted parameters.
    public internal(set) var parameters: PersonalizedParameters
    /// Settings it was trained with.
    public let configuration: NMMConfiguration
    /// Feature labels the network expects, in order.
    public let featureLabels: [String]
    /// Training history.
    public internal(set) var history: [NMMTrainingRecord] = []
    /// Coordinates whose torques the model computes, recorded by ``EstimationMethod/fit(subject:trials:measured:seed:nmm:synergy:progress:)``
    /// so that a saved model predicts unseen trials without being told them again.
    public internal(set) var coordinates: [String]?
    /// The uniform rate (Hz) its training trials were resampled to; nil: the kinematics' own samples.
    public internal(set) var sampleRate: Double?

    /// A model from its parts (the trainer's result).
    public init(network: TransformerEncoder, scaler: FeatureScaler, system: MuscleSystem, parameters: PersonalizedParameters,
         configuration: NMMConfiguration, featureLabels: [String]) {
        self.network = network; self.scaler = scaler; self.system = system; self.parameters = parameters
        self.configuration = configuration; self.featureLabels = featureLabels
    }

    /// Everything but the network weights, as saved beside them.
    struct Description: Codable {
        var version = 1
        var muscles: [String]
        var featureLabels: [String]
        var scaler: FeatureScaler
        var parameters: PersonalizedParameters
        var configuration: NMMConfiguration
        var history: [NMMTrainingRecord]
        /// Absent in models saved before prediction from a folder existed.
        var coordinates: [String]?
        var sampleRate: Double?
    }

    /// Saves the model into folder `directory` (created if missing): `network.nmmw` (TensorEngine's weight file)
    /// and `model.json` (muscles, features, coordinates, sample rate, scaler, fitted parameters, settings, loss history).
    public func save(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try network.save(to: directory.appendingPathComponent("network.nmmw"))
        let description = Description(muscles: system.muscleNames, featureLabels: featureLabels, scaler: scaler,
                                      parameters: parameters, configuration: configuration, history: history,
                                      coordinates: coordinates, sampleRate: sampleRate)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(description).write(to: directory.appendingPathComponent("model.json"), options: .atomic)
    }

    /// A model saved by ``save(to:)``, over `system` (the same muscles, in the same order).
    public static func load(from directory: URL, system: MuscleSystem) throws -> NeuralMusculoskeletalModel {
        let description = try Self.description(savedIn: directory)
        guard description.muscles == system.muscleNames else {
            throw EstimationError("\(directory.appendingPathComponent("model.json").path): saved for muscles \(description.muscles), not \(system.muscleNames)")
        }
        let network = try TransformerEncoder.load(from: directory.appendingPathComponent("network.nmmw"))
        let model = NeuralMusculoskeletalModel(network: network, scaler: description.scaler, system: system, parameters: description.parameters,
                                               configuration: description.configuration, featureLabels: description.featureLabels)
        model.history = description.history
        model.coordinates = description.coordinates
        model.sampleRate = description.sampleRate
        return model
    }

    /// What the model saved in `directory` reads of a trial, from its `model.json` (before the subject is loaded).
    public static func trialInputs(savedIn directory: URL) throws -> NMMTrialInputs {
        let description = try Self.description(savedIn: directory)
        guard let coordinates = description.coordinates else {
            throw EstimationError("\(directory.appendingPathComponent("model.json").path): records no coordinates (saved by an older nmm); fit the model again")
        }
        let sources = TrialAssembly.featureSources(of: description.featureLabels)
        return NMMTrialInputs(muscles: description.muscles, coordinates: coordinates, featureCoordinates: sources.coordinates,
                              loadChannels: sources.loadChannels, sampleRate: description.sampleRate)
    }

    /// The `model.json` of a model saved in `directory`.
    private static func description(savedIn directory: URL) throws -> Description {
        let file = directory.appendingPathComponent("model.json")
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw EstimationError("\(directory.path): not a saved nmm model: expected model.json and network.nmmw (as `nmm fit --method nmm --output DIR` writes in DIR/model)")
        }
        do { return try JSONDecoder().decode(Description.self, from: Data(contentsOf: file)) } catch {
            throw EstimationError("\(file.path): not a saved nmm model (\(Self.reason(error)))")
        }
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

    /// Excitations `[B, T, M]` of windows `x: [B, T, F]` through `network` (the model's or a training replica),
    /// recording the graph.
    static func excitations(of network: TransformerEncoder, _ x: Tensor) -> Tensor { network(x).sigmoid() }

    /// Excitations `[muscle][frame]` over a whole trial: windows every T/4 frames, overlapping outputs averaged.
    public func excitation(_ trial: EstimationTrial) throws -> [[Double]] {
        guard trial.featureLabels == featureLabels else {
            throw EstimationError("trial \(trial.name): features \(trial.featureLabels) differ from the model's \(featureLabels)")
        }
        let t = configuration.windowLength, n = trial.frameCount, m = system.muscles.count
        guard n >= t else { throw EstimationError("trial \(trial.name): \(n) frames, fewer than the window of \(t)") }
        var starts = Array(stride(from: 0, through: n - t, by: max(t / 4, 1)))
        if starts.last != n - t { starts.append(n - t) }
        let rows = scaler.rows(trial)
        let input = Tensor(shape: [starts.count, t, featureLabels.count], scalars: starts.flatMap { s in rows[s..<(s + t)].flatMap { $0 } })
        let output = network.predict(input, threads: ProcessInfo.processInfo.activeProcessorCount, sigmoid: true).scalars
        var sum = [[Double]](repeating: [Double](repeating: 0, count: n), count: m)
        var count = [Double](repeating: 0, count: n)
        for (w, s) in starts.enumerated() {
            for k in 0..<t {
                count[s + k] += 1
                for i in 0..<m { sum[i][s + k] += Double(output[(w * t + k) * m + i]) }
            }
        }
        return sum.map { zip($0, count).map { $0 / $1 } }
    }

    /// Excitations, activations, forces and torques of `trial` from its kinematics and load alone.
    public func predict(_ trial: EstimationTrial) throws -> TrialPrediction {
        let pass = system.forward(excitation: try excitation(trial), geometry: trial.geometry, sampleInterval: trial.sampleInterval, parameters: parameters)
        return TrialPrediction(trial: trial, pass: pass)
    }
}

/// One entry of the loss history: the training loss terms at a step and, at validation steps, the validation loss.
public struct NMMTrainingRecord: Sendable, Equatable, Codable {
    /// The step.
    public var step: Int
    /// MSE of the measured excitations against EMG.
    public var emg: Double
    /// Normalised torque loss.
    public var torque: Double
    /// The whole training loss (with regularisers).
    public var total: Double
    /// Validation loss (EMG + torque on the held-out end of every training trial), at validation steps.
    public var validation: Double?
}
