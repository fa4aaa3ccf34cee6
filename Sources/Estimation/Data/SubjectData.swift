import BiomechIO
import Foundation
import Musculoskeletal

/// A subject folder assembled for a fit: the generic model's muscles that span the chosen coordinates and the
/// requested trials. A `truth_model.osim` beside `model.osim` is read for evaluation only (``truthModel``).
public struct SubjectData: Sendable {
    /// The folder.
    public var directory: String
    /// The generic model.
    public var model: OpenSimModel
    /// The muscle system of the fit (muscles in the MuscleAnalysis files and the model, tendons as the load chose).
    public var system: MuscleSystem
    /// One line for each muscle not modelled exactly as its OpenSim class (see ``MuscleModels/model(for:tendons:)``), and which tendons are compliant.
    public var modellingNotes: [String]
    /// Coordinates whose torques are fitted.
    public var coordinates: [String]
    /// Trials by name.
    public var trials: [String: EstimationTrial]
    /// How the trials were assembled (a saved NMM records its sample rate).
    public var assembly: TrialAssembly
    /// The true model when the folder records it — evaluation only, never an input of a fit.
    public var truthModel: OpenSimModel?
    /// How raw EMG was normalised, when the fit's EMG was processed from raw recordings.
    public var emgNormalization: EMGNormalizationRecord? = nil
    /// Each envelope channel's largest value over the loaded trials' EMG files as recorded, before the trials are cut
    /// to their kinematics (a channel normalised to its own peak peaks at 1 there, even when that peak falls outside
    /// the kinematics' span).
    public var emgPeaks: [String: Double] = [:]

    /// Loads `trialNames` of subject folder `directory` (model file `modelFile` inside it) for `coordinates`; the
    /// trial name `.` is the subject folder itself (a single-trial layout such as rajagopal-walk). Each trial folder
    /// is read by BiomechIO (`Trial.load`, files named by `layout`) and assembled by `assembly`. Muscles are those
    /// of the model in the first trial's MuscleAnalysis length file whose moment arm about some chosen coordinate
    /// exceeds 1 mm, unless `muscles` names them; their tendons rigid or compliant as `tendons` says. `purpose`
    /// decides which files of a trial folder are read.
    public static func load(directory: String, trialNames: [String], coordinates: [String], modelFile: String = "model.osim",
                            muscles: [String]? = nil, layout: TrialFolderLayout = TrialFolderLayout(),
                            assembly: TrialAssembly = TrialAssembly(), purpose: TrialPurpose = .fit,
                            tendons: TendonCompliance = .model) throws -> SubjectData {
        let modelPath = (directory as NSString).appendingPathComponent(modelFile)
        guard FileManager.default.fileExists(atPath: modelPath) else { throw EstimationError("\(modelPath): no such model file") }
        let model = try OSimFile.read(modelPath)
        guard !trialNames.isEmpty else { throw EstimationError("no trials named") }
        var read: [ReadTrial] = []
        for name in trialNames where !read.contains(where: { $0.name == name }) {
            let path = name == "." ? directory : (directory as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { throw EstimationError("\(path): no such trial folder") }
            let files = try TrialAssembly.files(inFolder: path, layout: layout, coordinates: coordinates, purpose: purpose)
            read.append((name, files, try Trial.load(files, model: model)))
        }
        return try assemble(read, directory: directory, model: model, modelPath: modelPath, coordinates: coordinates, muscles: muscles,
                            assembly: assembly, purpose: purpose, tendons: tendons)
    }

    /// A trial as read: its name, its files and its signals.
    typealias ReadTrial = (name: String, files: TrialFiles, trial: Trial)

    /// The subject of trials read from `directory`: the muscles (`muscles`, else those spanning `coordinates`), their
    /// system with the tendons `tendons` chooses, and each trial assembled.
    static func assemble(_ read: [ReadTrial], directory: String, model: OpenSimModel, modelPath: String, coordinates: [String],
                         muscles: [String]?, assembly: TrialAssembly, purpose: TrialPurpose, tendons: TendonCompliance) throws -> SubjectData {
        let names = try muscles ?? spanningMuscles(of: read[0].trial, files: read[0].files, model: model, modelPath: modelPath,
                                                   coordinates: coordinates)
        let (system, notes) = try MuscleSystem.of(model, muscles: names, modelFile: modelPath, tendons: tendons)
        var trials: [String: EstimationTrial] = [:]
        for (name, files, trial) in read {
            trials[name] = try assembly.assemble(trial, files: files, coordinates: coordinates, muscles: names)
        }
        let truthPath = (directory as NSString).appendingPathComponent("truth_model.osim")
        let truth = purpose == .fit && FileManager.default.fileExists(atPath: truthPath) ? try OSimFile.read(truthPath) : nil
        var subject = SubjectData(directory: directory, model: model, system: system, modellingNotes: notes,
                                  coordinates: coordinates, trials: trials, assembly: assembly, truthModel: truth)
        for (_, _, trial) in read {
            for label in trial.emg?.labels ?? [] {
                guard let peak = trial.emg?.column(label)?.max() else { continue }
                subject.emgPeaks[label] = max(subject.emgPeaks[label] ?? -.infinity, peak)
            }
        }
        return subject
    }

    /// The model's muscles in `trial`'s MuscleAnalysis length file whose moment arm about some coordinate exceeds 1 mm.
    private static func spanningMuscles(of trial: Trial, files: TrialFiles, model: OpenSimModel, modelPath: String,
                                        coordinates: [String]) throws -> [String] {
        let lengthFile = files.muscleAnalysisFile("Length") ?? files.kinematics
        let arms = coordinates.compactMap(trial.momentArm)
        let spanning = (trial.muscleTendonLength?.labels ?? []).filter { muscle in
            arms.contains { ($0.column(muscle) ?? []).contains { abs($0) > 1e-3 } }
        }
        // A spanning muscle of a class nmm cannot model is an error, never a silent drop.
        if let unsupported = model.unsupportedMuscles.first(where: { spanning.contains($0.name) }) {
            throw EstimationError("\(modelPath): muscle '\(unsupported.name)' spans \(coordinates.joined(separator: ", ")) but is a \(unsupported.className), which nmm cannot model (it models DeGrooteFregly2016Muscle, Thelen2003Muscle and Millard2012EquilibriumMuscle)")
        }
        let names = spanning.filter { model.muscle($0) != nil }
        guard !names.isEmpty else { throw EstimationError("\(lengthFile): no muscle of \(modelPath) spans \(coordinates.joined(separator: ", "))") }
        return names
    }
}
