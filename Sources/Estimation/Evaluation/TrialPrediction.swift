import Musculoskeletal
import BiomechIO

/// What a fitted method predicts for one trial: every muscle's excitation, activation and force, and the torques
/// the muscles produce, on the trial's time base.
public struct TrialPrediction: Sendable, Codable {
    /// The trial's name.
    public var name: String
    /// Sample times (s).
    public var time: [Double]
    /// Muscle names, the order of the per-muscle arrays.
    public var muscles: [String]
    /// Coordinates, the order of `torque`.
    public var coordinates: [String]
    /// `excitation[muscle][frame]` (0–1).
    public var excitation: [[Double]]
    /// `activation[muscle][frame]` (0–1).
    public var activation: [[Double]]
    /// `force[muscle][frame]` (N).
    public var force: [[Double]]
    /// `torque[coordinate][frame]` (N·m).
    public var torque: [[Double]]
    /// What the hybrid NMM's refinement did with the recruitment drift on this trial; nil for other predictions.
    public var recruitmentDrift: RecruitmentDriftRecord?

    /// Collects a prediction.
    public init(name: String, time: [Double], muscles: [String], coordinates: [String], excitation: [[Double]],
                activation: [[Double]], force: [[Double]], torque: [[Double]]) {
        self.name = name; self.time = time; self.muscles = muscles; self.coordinates = coordinates
        self.excitation = excitation; self.activation = activation; self.force = force; self.torque = torque
    }

    /// The prediction of `pass` over `trial`.
    init(trial: EstimationTrial, pass: MuscleSystem.Pass) {
        self.init(name: trial.name, time: trial.time, muscles: trial.geometry.muscles, coordinates: trial.geometry.coordinates,
                  excitation: pass.excitation, activation: pass.activation, force: pass.force, torque: pass.torque)
    }

    /// Writes `<trial>_excitation.sto`, `_activation.sto`, `_force.sto` and `_torque.sto` (columns
    /// `<coordinate>_moment`, as inverse dynamics names them) into `directory`.
    public func write(to directory: String) throws {
        func path(_ kind: String) -> String { "\(directory)/\(name)_\(kind).sto" }
        try StorageFile.write(TimeSeries(time: time, labels: muscles, columns: excitation), to: path("excitation"))
        try StorageFile.write(TimeSeries(time: time, labels: muscles, columns: activation), to: path("activation"))
        try StorageFile.write(TimeSeries(time: time, labels: muscles, columns: force), to: path("force"))
        try StorageFile.write(TimeSeries(time: time, labels: coordinates.map { $0 + "_moment" }, columns: torque), to: path("torque"))
    }
}
