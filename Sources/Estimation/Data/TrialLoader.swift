import BiomechIO
import Foundation
import SignalProcessing

/// Assembles an ``EstimationTrial`` from a trial folder: every channel resampled onto the kinematics' time base
/// (restricted to the span where kinematics, inverse dynamics and geometry all exist), angles in radians with
/// filtered derivatives, musculotendon velocities from filtered lengths.
public struct TrialLoader: Sendable {
    /// The trial's file names.
    public var files: TrialFiles
    /// Filter and differentiation of angles and musculotendon lengths.
    public var derivatives: KinematicDerivatives
    /// Coordinates whose q, q̇, q̈ become features; nil takes every coordinate of the kinematics file.
    public var featureCoordinates: [String]?
    /// Uniform rate (Hz) every signal is resampled to; nil keeps the kinematics' own samples.
    public var sampleRate: Double?

    /// A loader for the given layout.
    public init(files: TrialFiles = TrialFiles(), derivatives: KinematicDerivatives = KinematicDerivatives(),
                featureCoordinates: [String]? = nil, sampleRate: Double? = nil) {
        self.files = files; self.derivatives = derivatives; self.featureCoordinates = featureCoordinates; self.sampleRate = sampleRate
    }

    /// Loads trial folder `directory` for the torques of `coordinates` and the geometry of `muscles`; `name` names
    /// the trial (default: the folder's name).
    public func load(directory: String, coordinates: [String], muscles: [String], name: String? = nil) throws -> EstimationTrial {
        let name = name ?? URL(fileURLWithPath: directory).lastPathComponent
        func path(_ file: String) -> String { (directory as NSString).appendingPathComponent(file) }
        func exists(_ file: String) -> Bool { FileManager.default.fileExists(atPath: path(file)) }
        func required(_ series: TimeSeries, _ label: String, _ file: String) throws -> [Double] {
            guard let column = series.column(label) else {
                throw EstimationError("\(path(file)): no column '\(label)' (columns: \(series.labels.joined(separator: ", ")))")
            }
            return column
        }

        let kinematics = try StorageFile.read(path(files.kinematics)).inRadians()
        let inverseDynamics = try StorageFile.read(path(files.inverseDynamics))
        let lengths = try StorageFile.read(path(files.musculotendonLength))
        let arms = try coordinates.map { try StorageFile.read(path(files.momentArm($0))) }

        // The common span of the required files, on the kinematics' own samples.
        let starts = [kinematics, inverseDynamics, lengths].compactMap(\.time.first) + arms.compactMap(\.time.first)
        let ends = [kinematics, inverseDynamics, lengths].compactMap(\.time.last) + arms.compactMap(\.time.last)
        guard let start = starts.max(), let end = ends.min(), end > start else {
            throw EstimationError("\(directory): the kinematics, inverse dynamics and MuscleAnalysis files share no time span")
        }
        let time = sampleRate.map { TimeSeries.uniformTimes(from: start, to: end, rate: $0) }
            ?? kinematics.time.filter { $0 >= start - 1e-9 && $0 <= end + 1e-9 }
        guard time.count >= 16 else { throw EstimationError("\(directory): only \(time.count) frames in the common time span; need at least 16") }
        let h = (time[time.count - 1] - time[0]) / Double(time.count - 1)
        let kin = kinematics.resampled(onto: time)

        var featureLabels: [String] = [], features: [[Double]] = []
        for coordinate in featureCoordinates ?? kin.labels {
            let q = try derivatives.apply(to: required(kin, coordinate, files.kinematics), sampleRate: 1 / h)
            featureLabels += [coordinate, coordinate + "_speed", coordinate + "_acceleration"]
            features += [q.value, q.velocity, q.acceleration]
        }
        if let loadFile = files.load, exists(loadFile) {
            let load = try StorageFile.read(path(loadFile)).resampled(onto: time)
            featureLabels += load.labels
            features += load.columns
        }

        var emg: [String: [Double]] = [:]
        if let emgFile = files.emg, exists(emgFile) {
            let series = try StorageFile.read(path(emgFile)).resampled(onto: time)
            for channel in series.labels { emg[channel] = try required(series, channel, emgFile) }
        }

        let id = inverseDynamics.resampled(onto: time)
        var torque: [String: [Double]] = [:]
        for coordinate in coordinates {
            let label = id.labels.contains(coordinate + "_moment") ? coordinate + "_moment" : coordinate + "_force"
            torque[coordinate] = try required(id, label, files.inverseDynamics)
        }

        let resampledLengths = lengths.resampled(onto: time)
        var length: [[Double]] = [], velocity: [[Double]] = []
        for muscle in muscles {
            let smooth = try derivatives.apply(to: required(resampledLengths, muscle, files.musculotendonLength), sampleRate: 1 / h)
            length.append(try required(resampledLengths, muscle, files.musculotendonLength))
            velocity.append(smooth.velocity)
        }
        let momentArm = try zip(coordinates, arms).map { coordinate, series in
            let resampled = series.resampled(onto: time)
            return try muscles.map { try required(resampled, $0, files.momentArm(coordinate)) }
        }
        let geometry = MusculotendonKinematics(muscles: muscles, coordinates: coordinates, length: length, velocity: velocity, momentArm: momentArm)

        var truth: [String: [Double]]? = nil
        if let truthFile = files.truthExcitation, exists(truthFile) {
            let series = try StorageFile.read(path(truthFile)).resampled(onto: time)
            truth = Dictionary(uniqueKeysWithValues: muscles.compactMap { m in series.column(m).map { (m, $0) } })
        }
        return EstimationTrial(name: name, time: time, featureLabels: featureLabels, features: features, emg: emg,
                               torque: torque, geometry: geometry, truthExcitation: truth)
    }
}
