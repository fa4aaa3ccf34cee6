import Musculoskeletal
import Foundation
import TensorEngine

/// A fitted neural musculoskeletal model: the Transformer that maps windows of kinematics and load to the
/// excitations of every muscle, and the personalised muscle system that turns them into torques. Prediction
/// needs only kinematics and load; a network that reads EMG (``NMMConfiguration/readsEMG``) uses a trial's when it
/// has it.
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
    /// Fitted recruitment gain of each hidden muscle relative to its measured agonists (see ``AgonistPrior``);
    /// empty when the fit does not fit them.
    public internal(set) var recruitmentGains: [String: Double] = [:]
    /// Fitted recruitment exponent q of the ``AgonistPrior`` (``NMMConfiguration/fitsRecruitmentExponent``); nil when
    /// the fit does not fit it (q = 1).
    public internal(set) var recruitmentExponent: Double?
    /// Fitted gain of each measured EMG channel (excitation = gain × EMG; see ``NMMConfiguration/fitsEMGGains``);
    /// empty when the fit does not fit them (every channel read at face value).
    public internal(set) var emgGains: [String: Double] = [:]
    /// The level each measured EMG channel is read at (``EMGLevels``): a predicted trial's EMG is multiplied by it before
    /// the network and the refinement read it; empty when every channel is read at face value.
    public internal(set) var emgLevels: [String: Double] = [:]
    /// Coordinates whose torques the model computes, recorded by ``NMMMethod/fit(_:progress:)``
    /// so that a saved model predicts unseen trials without being told them again.
    public internal(set) var coordinates: [String]?
    /// The uniform rate (Hz) its training trials were resampled to; nil: the kinematics' own samples.
    public internal(set) var sampleRate: Double?
    /// Each measured muscle's EMG channel in training (muscle → channel): the EMG a refined prediction tracks.
    public internal(set) var measured: [String: String] = [:]
    /// Each coordinate's RMS inverse-dynamics torque over the training trials (N·m), in `coordinates`' order: the
    /// refinement's torque normalisation; nil in a model that cannot refine.
    public internal(set) var torqueScales: [Double]?
    /// nmm's own inverse dynamics of the subject (``SubjectDynamics``): what a kinematics-only prediction
    /// (``NMMInputs/kinematics``) is refined to; nil when they could not be learned (the prediction is the network's).
    public internal(set) var dynamics: SubjectDynamics?

    /// A model from its parts (the trainer's result).
    public init(network: TransformerEncoder, scaler: FeatureScaler, system: MuscleSystem, parameters: PersonalizedParameters,
         configuration: NMMConfiguration, featureLabels: [String]) {
        self.network = network; self.scaler = scaler; self.system = system; self.parameters = parameters
        self.configuration = configuration; self.featureLabels = featureLabels
    }

    /// The EMG channels the network reads beside the features (``NMMConfiguration/readsEMG``), in name order; empty
    /// when it reads none.
    public var emgInputChannels: [String] { Self.emgInputChannels(configuration, measured: measured) }

    /// The EMG channels a network trained with `configuration` reads when `measured` (muscle → channel) are measured.
    static func emgInputChannels(_ configuration: NMMConfiguration, measured: [String: String]) -> [String] {
        configuration.readsEMG && configuration.inputs == .all ? Array(Set(measured.values)).sorted() : []
    }

    /// The network's inputs per frame: the features, then, when it reads EMG, one per channel and the flag.
    static func inputCount(features: Int, emgChannels: [String]) -> Int { features + (emgChannels.isEmpty ? 0 : emgChannels.count + 1) }

    /// `[frame][input]` rows of `trial`: the standardised features, then (when the network reads EMG) each channel's
    /// envelope and a flag of 1, or zeros and a flag of 0 when `withEMG` is false or the trial lacks a channel.
    func inputRows(_ trial: EstimationTrial, withEMG: Bool) -> [[Float]] {
        let channels = emgInputChannels
        let rows = scaler.rows(trial)
        guard !channels.isEmpty else { return rows }
        let envelopes = withEMG ? channels.compactMap(trial.envelope) : []
        let given = envelopes.count == channels.count
        return rows.enumerated().map { k, row in
            row + (given ? envelopes.map { Float($0[k]) } + [1] : [Float](repeating: 0, count: channels.count + 1))
        }
    }

    /// Everything but the network weights, as `model.json` holds it.
    struct Description: Codable, Sendable {
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
        /// Absent in models saved before recruitment gains were fitted.
        var recruitmentGains: [String: Double]?
        /// Absent unless fitted.
        var recruitmentExponent: Double?
        /// Absent in models saved before the hybrid NMM.
        var measured: [String: String]?
        var torqueScales: [Double]?
        /// The muscles fitted with a compliant tendon; absent when every tendon was rigid (and in models saved before
        /// compliant tendons existed).
        var compliantTendons: [String]?
        /// The fitted EMG gains by channel; absent when none were fitted.
        var emgGains: [String: Double]?
        /// The EMG levels by channel; absent when every channel is read at face value.
        var emgLevels: [String: Double]?
        /// nmm's own inverse dynamics of the subject; absent when the model predicts from the network alone.
        var dynamics: SubjectDynamics?
    }

    /// The model as saved: `model.json`'s contents and the network's weight file.
    public var snapshot: NMMSnapshot {
        var description = Description(muscles: system.muscleNames, featureLabels: featureLabels, scaler: scaler,
                                      parameters: parameters, configuration: configuration, history: history,
                                      coordinates: coordinates, sampleRate: sampleRate, recruitmentGains: recruitmentGains,
                                      measured: measured, torqueScales: torqueScales)
        let compliant = system.muscles.filter(\.hasCompliantTendon).map(\.name)
        description.compliantTendons = compliant.isEmpty ? nil : compliant
        description.emgGains = emgGains.isEmpty ? nil : emgGains
        description.recruitmentExponent = recruitmentExponent
        description.emgLevels = emgLevels.isEmpty ? nil : emgLevels
        description.dynamics = dynamics
        var weights = network.weightFile
        // A description JSON cannot encode (a non-finite number) gets no digest; writing model.json then fails clearly.
        if let digest = try? description.digest() { weights.metadata.append((NMMSnapshot.descriptionDigestKey, digest)) }
        return NMMSnapshot(description: description, weights: Data(weights.encoded()))
    }

    /// Saves the model into folder `directory` (created if missing): `network.nmmw` (TensorEngine's weight file)
    /// and `model.json` (muscles, features, coordinates, sample rate, scaler, fitted parameters, settings, loss history).
    public func save(to directory: URL) throws {
        try snapshot.write(to: directory)
    }

    /// A model saved by ``save(to:)``, over `system` (the same muscles, in the same order).
    public static func load(from directory: URL, system: MuscleSystem) throws -> NeuralMusculoskeletalModel {
        try NeuralMusculoskeletalModel(try NMMSnapshot(savedIn: directory), system: system)
    }

    /// The model `snapshot` holds, over `system` (the same muscles, in the same order), each muscle's tendon made rigid
    /// or compliant as the model was fitted.
    public convenience init(_ snapshot: NMMSnapshot, system: MuscleSystem) throws {
        try snapshot.validate()
        let description = snapshot.description
        guard description.muscles == system.muscleNames else {
            throw EstimationError("\(snapshot.label("model.json")): saved for muscles \(description.muscles), not \(system.muscleNames)")
        }
        let weightsPath = snapshot.label("network.nmmw")
        let network = try TransformerEncoder.load(from: WeightFile(bytes: [UInt8](snapshot.weights), path: weightsPath), path: weightsPath)
        let shape = network.configuration
        let emgChannels = Self.emgInputChannels(description.configuration, measured: description.measured ?? [:])
        guard shape.inputSize == Self.inputCount(features: description.featureLabels.count, emgChannels: emgChannels),
              shape.outputSize == description.muscles.count,
              shape.maxSequenceLength >= description.configuration.windowLength else {
            throw EstimationError("\(weightsPath) holds a network of \(shape.inputSize) inputs, \(shape.outputSize) outputs and windows up to "
                + "\(shape.maxSequenceLength) frames, but \(snapshot.label("model.json")) has \(description.featureLabels.count) features"
                + (emgChannels.isEmpty ? ", " : " and \(emgChannels.count) EMG channels with their flag, ")
                + "\(description.muscles.count) muscles and windows of \(description.configuration.windowLength)")
        }
        var system = system
        for m in system.muscles.indices {
            system.muscles[m].hasCompliantTendon = description.compliantTendons?.contains(system.muscles[m].name) ?? false
        }
        self.init(network: network, scaler: description.scaler, system: system, parameters: description.parameters,
                  configuration: description.configuration, featureLabels: description.featureLabels)
        history = description.history
        coordinates = description.coordinates
        sampleRate = description.sampleRate
        recruitmentGains = description.recruitmentGains ?? [:]
        recruitmentExponent = description.recruitmentExponent
        emgGains = description.emgGains ?? [:]
        emgLevels = description.emgLevels ?? [:]
        measured = description.measured ?? [:]
        torqueScales = description.torqueScales
        dynamics = description.dynamics
    }

    /// Excitations `[B, T, M]` of windows `x: [B, T, F]` through `network` (the model's or a training replica),
    /// recording the graph.
    static func excitations(of network: TransformerEncoder, _ x: Tensor) -> Tensor { network(x).sigmoid() }

    /// The network's excitations `[muscle][frame]` over a whole trial whose EMG reads at the model's levels: windows
    /// every T/8 frames, overlapping outputs blended; a trial shorter than the window is one window of its own length.
    func proposal(_ trial: EstimationTrial) throws -> [[Double]] {
        guard trial.featureLabels == featureLabels else {
            throw EstimationError("trial \(trial.name): features \(trial.featureLabels) differ from the model's \(featureLabels)")
        }
        let n = trial.frameCount, t = min(configuration.windowLength, n), m = system.muscles.count
        guard n > 0 else { throw EstimationError("trial \(trial.name) has no frames") }
        var starts = Array(stride(from: 0, through: n - t, by: max(t / 8, 1)))
        if starts.last != n - t { starts.append(n - t) }
        let rows = inputRows(trial, withEMG: true)
        let input = Tensor(shape: [starts.count, t, network.configuration.inputSize], scalars: starts.flatMap { s in rows[s..<(s + t)].flatMap { $0 } })
        let output = network.predict(input, threads: ProcessInfo.processInfo.activeProcessorCount, sigmoid: true).scalars
        var sum = [[Double]](repeating: [Double](repeating: 0, count: n), count: m)
        var count = [Double](repeating: 0, count: n)
        // A frame near a window's edge has seen little context on one side: Hann weights favour the windows that
        // hold it near their middle (they are never 0, so a trial's first and last frames still get a value).
        let weights = (0..<t).map { k in pow(sin(Double.pi * (Double(k) + 0.5) / Double(t)), 2) }
        for (w, s) in starts.enumerated() {
            for k in 0..<t {
                count[s + k] += weights[k]
                for i in 0..<m { sum[i][s + k] += weights[k] * Double(output[(w * t + k) * m + i]) }
            }
        }
        return sum.map { zip($0, count).map { $0 / $1 } }
    }

    /// Excitations, activations, forces and torques of `trial`: the network's from its kinematics and load, refined
    /// with the trial's torque and measured EMG when the model reads them and the trial has them (``refines(_:)``), its
    /// EMG read at the model's levels (``emgLevels``). A kinematics-only model reads neither: it refines to the torques
    /// its own inverse dynamics give (``dynamics``), when it has them.
    public func predict(_ trial: EstimationTrial) throws -> TrialPrediction {
        let trial = try readable(trial)
        let proposal = try self.proposal(trial)
        let refinement = refines(trial) ? refined(proposal, trial) : nil
        let pass = system.forward(excitation: refinement?.excitation ?? proposal, geometry: trial.geometry, sampleInterval: trial.sampleInterval,
                                  parameters: parameters)
        var prediction = TrialPrediction(trial: trial, pass: pass)
        prediction.recruitmentDrift = refinement?.drift
        return prediction
    }

    /// `trial` as the model reads it: its EMG at the model's levels; for a kinematics-only model, without EMG and
    /// with the torques of ``dynamics`` in place of its inverse dynamics (none without them).
    private func readable(_ trial: EstimationTrial) throws -> EstimationTrial {
        guard configuration.inputs == .kinematics else { return trial.scalingEMG(by: emgLevels) }
        var own = trial
        own.emg = [:]
        own.torque = try dynamics?.torques(of: trial) ?? [:]
        return own
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
