import Musculoskeletal
import BiomechIO
import Foundation
import SignalProcessing

/// Turns a trial read by BiomechIO into an ``EstimationTrial``: every channel on one time base by `Trial.aligned()`
/// (the kinematics' own samples, or a uniform rate), angles with filtered derivatives, musculotendon velocities from
/// filtered lengths.
public struct TrialAssembly: Sendable {
    /// Filter and differentiation of angles and musculotendon lengths.
    public var derivatives: KinematicDerivatives
    /// Coordinates whose q, q̇, q̈ become features; nil takes every coordinate of the kinematics file.
    public var featureCoordinates: [String]?
    /// Uniform rate (Hz) every signal is resampled to; nil keeps the kinematics' own samples.
    public var sampleRate: Double?
    /// Columns of the load file that become features; nil takes every column of the load file, when there is one.
    public var loadChannels: [String]?

    /// An assembly with the given settings.
    public init(derivatives: KinematicDerivatives = KinematicDerivatives(), featureCoordinates: [String]? = nil, sampleRate: Double? = nil,
                loadChannels: [String]? = nil) {
        self.derivatives = derivatives; self.featureCoordinates = featureCoordinates; self.sampleRate = sampleRate
        self.loadChannels = loadChannels
    }

    /// The feature labels of `coordinate`: its angle, velocity and acceleration.
    static func featureLabels(of coordinate: String) -> [String] {
        [coordinate, coordinate + "_speed", coordinate + "_acceleration"]
    }

    /// The coordinates and load channels behind feature labels as ``assemble(_:files:coordinates:muscles:)`` makes
    /// them: three labels per coordinate, then the load channels.
    public static func featureSources(of labels: [String]) -> (coordinates: [String], loadChannels: [String]) {
        var coordinates: [String] = [], index = 0
        while index + 3 <= labels.count, Array(labels[index..<(index + 3)]) == featureLabels(of: labels[index]) {
            coordinates.append(labels[index])
            index += 3
        }
        return (coordinates, Array(labels[index...]))
    }

    /// The files read from trial folder `folder` for `purpose`, named by `layout` (see ``files(_:coordinates:purpose:)``);
    /// a prediction's missing load is reported here when the layout names one.
    public static func files(inFolder folder: String, layout: TrialFolderLayout, coordinates: [String],
                             purpose: TrialPurpose = .fit) throws -> TrialFiles {
        var files = try TrialFiles.inFolder(folder, layout: layout)
        if purpose == .fit { files.inverseDynamics = (folder as NSString).appendingPathComponent(layout.inverseDynamics) }
        if purpose != .fit, let load = layout.load.map({ (folder as NSString).appendingPathComponent($0) }), files.load == nil {
            throw InputError(file: load, message: "expected the trial's load, which the network reads, found no such file")
        }
        return try self.files(files, coordinates: coordinates, purpose: purpose)
    }

    /// The files of `files` read for `purpose` (see ``TrialPurpose``), with the MuscleAnalysis lengths and moment arms
    /// about `coordinates` (under AnalyzeTool's names, `…MuscleAnalysis_Length.sto`, or the NMSM Pipeline's,
    /// `TRIAL_Length.sto`). Files not used (other MuscleAnalysis and truth outputs; raw EMG when there is processed EMG)
    /// are left out, so they neither cost reading time nor narrow the trial's time span.
    public static func files(_ files: TrialFiles, coordinates: [String], purpose: TrialPurpose = .fit) throws -> TrialFiles {
        var files = files
        let folder = (files.kinematics as NSString).deletingLastPathComponent
        files.muscleAnalysis = try (["Length"] + coordinates.map { "MomentArm_\($0)" }).map { quantity in
            guard let path = files.muscleAnalysisFile(quantity) else {
                throw InputError(file: (folder as NSString).appendingPathComponent("MuscleAnalysis_\(quantity).sto"),
                                 message: "expected trial \(files.name)'s MuscleAnalysis \(quantity): MuscleAnalysis_\(quantity).sto beside its kinematics, or MAData/\(files.name)/\(files.name)_\(quantity).sto in the NMSM Pipeline layout; found neither")
            }
            return path
        }
        switch purpose {
        case .fit:
            guard files.inverseDynamics != nil else {
                throw InputError(file: (folder as NSString).appendingPathComponent("id.sto"), message:
                    "expected trial \(files.name)'s inverse dynamics (id.sto in a trial folder, IDData/\(files.name).sto in the NMSM Pipeline layout, or a manifest's inverse_dynamics), found none")
            }
            if files.emg != nil { files.rawEMG = nil }
            files.evaluationOnly = files.evaluationOnly.filter { $0.hasSuffix("/truth_excitation.sto") }
        case .prediction:
            files.inverseDynamics = nil
            files.emg = nil
            files.rawEMG = nil
            files.evaluationOnly = []
        case .refinedPrediction:
            files.rawEMG = nil
            files.evaluationOnly = []
        }
        return files
    }

    /// Assembles `trial`, read (not yet aligned) from `files`, for the geometry of `muscles` about `coordinates` and,
    /// when `files` name an inverse-dynamics file (a fit's always do), the torques of `coordinates`.
    public func assemble(_ trial: Trial, files: TrialFiles, coordinates: [String], muscles: [String]) throws -> EstimationTrial {
        let directory = (files.kinematics as NSString).deletingLastPathComponent
        func required(_ series: TimeSeries?, _ label: String, _ file: String?) throws -> [Double] {
            guard let series, let file else { throw EstimationError("\(directory): the trial has no file for '\(label)'") }
            guard let column = series.column(label) else {
                throw EstimationError("\(file): no column '\(label)' (columns: \(series.labels.joined(separator: ", ")))")
            }
            return column
        }
        var inputs = trial
        inputs.evaluationOnly = EvaluationData()  // evaluation-only series must not narrow the inputs' time span
        let span = inputs.overlap()
        guard span.upperBound > span.lowerBound else { throw EstimationError("\(directory): the kinematics, inverse dynamics, MuscleAnalysis, load and EMG files share no time span") }
        if let sampleRate { try Self.checkSampleRate(sampleRate, seconds: span.upperBound - span.lowerBound, trial: directory) }
        let aligned = sampleRate.map(inputs.aligned(rate:)) ?? inputs.aligned()
        let time = aligned.time
        guard time.count >= 16 else { throw EstimationError("\(directory): only \(time.count) frames in the common time span; need at least 16") }
        let h = (time[time.count - 1] - time[0]) / Double(time.count - 1)

        var featureLabels: [String] = [], features: [[Double]] = []
        for coordinate in featureCoordinates ?? aligned.kinematics.labels {
            let q = try derivatives.apply(to: required(aligned.kinematics, coordinate, files.kinematics), sampleRate: 1 / h)
            featureLabels += Self.featureLabels(of: coordinate)
            features += [q.value, q.velocity, q.acceleration]
        }
        for channel in loadChannels ?? aligned.load?.labels ?? [] {
            featureLabels.append(channel)
            features.append(try required(aligned.load, channel, files.load))
        }
        var emg: [String: [Double]] = [:]
        for (channel, column) in zip(aligned.emg?.labels ?? [], aligned.emg?.columns ?? []) { emg[channel] = column }

        var torque: [String: [Double]] = [:]
        for coordinate in coordinates where files.inverseDynamics != nil {
            let labels = aligned.inverseDynamics?.labels ?? []
            let label = labels.contains(coordinate + "_moment") ? coordinate + "_moment" : coordinate + "_force"
            torque[coordinate] = try required(aligned.inverseDynamics, label, files.inverseDynamics)
        }

        var length: [[Double]] = [], velocity: [[Double]] = []
        for muscle in muscles {
            let lengths = try required(aligned.muscleTendonLength, muscle, files.muscleAnalysisFile("Length"))
            length.append(lengths)
            velocity.append(try derivatives.apply(to: lengths, sampleRate: 1 / h).velocity)
        }
        let momentArm = try coordinates.map { coordinate in
            try muscles.map { try required(aligned.momentArm(coordinate), $0, files.muscleAnalysisFile("MomentArm_\(coordinate)")) }
        }
        let geometry = MusculotendonKinematics(muscles: muscles, coordinates: coordinates, length: length, velocity: velocity, momentArm: momentArm)
        let truth = trial.evaluationOnly.excitation.map { series in
            let resampled = series.resampled(onto: time)
            return Dictionary(uniqueKeysWithValues: muscles.compactMap { m in resampled.column(m).map { (m, $0) } })
        }
        return EstimationTrial(name: trial.name, time: time, featureLabels: featureLabels, features: features, emg: emg,
                               torque: torque, geometry: geometry, truthExcitation: truth)
    }
}
