import Foundation

/// A subject manifest, `nmm-subject.json` in the subject folder: names the model, the trials and, per
/// trial, its files, so that any folder layout can be read. Paths are relative to the folder.
///
/// ```json
/// {
///   "model": "models/subject_scaled.osim",
///   "emg_map": {"gastrocnemius": ["gasmed_r", "gaslat_r"], "soleus": ["soleus_r"]},
///   "kinematics_units": "degrees",
///   "raw_emg": {"bandpass_hz": [20, 450], "lowpass_hz": 6, "mvc": ["mvc/plantarflexion.c3d"]},
///   "trials": [
///     {"name": "walk1", "kinematics": "ik/walk1.mot", "inverse_dynamics": "id/walk1.sto",
///      "emg": "emg/walk1.sto", "raw_emg": "c3d/walk1.c3d", "load": null,
///      "muscle_analysis": ["ma/walk1_MuscleAnalysis_Length.sto", "ma/walk1_MuscleAnalysis_MomentArm_knee_angle_r.sto"],
///      "time_window": [0.45, 1.6]}
///   ]
/// }
/// ```
///
/// `emg_map` maps each EMG channel to the muscles it drives (default: channels named after muscles drive
/// them). `kinematics_units` (`degrees` or `radians`, default radians) is for kinematics files that do not say
/// (CSV); .sto/.mot headers say it themselves. `raw_emg` says how raw EMG (C3D analog channels or a table)
/// becomes envelopes for trials without processed `emg`: band-pass, low-pass, and normalisation by the
/// largest envelope value of each channel over the `mvc` recordings, or without `mvc` by its peak over
/// all the trials. `time_window` cuts a trial to [start, end] seconds.
public struct SubjectManifest: Sendable, Equatable, Codable {
    /// The manifest's file name.
    public static let fileName = "nmm-subject.json"

    /// One trial's files.
    public struct Trial: Sendable, Equatable, Codable {
        /// The trial's name.
        public var name: String
        /// Joint angles (.mot, .sto or .csv).
        public var kinematics: String
        /// Inverse-dynamics generalized forces.
        public var inverseDynamics: String?
        /// Processed EMG envelopes.
        public var emg: String?
        /// Raw EMG: a C3D file (its analog channels) or a table.
        public var rawEMG: String?
        /// External load.
        public var load: String?
        /// MuscleAnalysis outputs: lengths and moment arms (`…_Length.sto`, `…_MomentArm_<coordinate>.sto`).
        public var muscleAnalysis: [String]?
        /// [start, end] in seconds.
        public var timeWindow: [Double]?

        enum CodingKeys: String, CodingKey {
            case name, kinematics, emg, load
            case inverseDynamics = "inverse_dynamics", rawEMG = "raw_emg", muscleAnalysis = "muscle_analysis", timeWindow = "time_window"
        }
    }

    /// How raw EMG is processed.
    public struct RawEMG: Sendable, Equatable, Codable {
        /// [low, high] band-pass in Hz (default [20, 450]).
        public var bandpassHz: [Double]?
        /// Envelope low-pass in Hz (default 6).
        public var lowpassHz: Double?
        /// MVC recordings (raw EMG files); none: normalise by each channel's session peak.
        public var mvc: [String]?

        enum CodingKeys: String, CodingKey { case bandpassHz = "bandpass_hz", lowpassHz = "lowpass_hz", mvc }
    }

    /// The model file.
    public var model: String
    /// EMG channel → the muscles it drives.
    public var emgMap: [String: [String]]?
    /// `degrees` or `radians`, for kinematics files whose header does not say.
    public var kinematicsUnits: String?
    /// Raw EMG processing.
    public var rawEMG: RawEMG?
    /// The trials.
    public var trials: [Trial]

    enum CodingKeys: String, CodingKey {
        case model, trials
        case emgMap = "emg_map", kinematicsUnits = "kinematics_units", rawEMG = "raw_emg"
    }

    /// Reads and checks a manifest.
    public static func read(_ path: String) throws -> SubjectManifest {
        let manifest = try Subject.decodeJSON(SubjectManifest.self, from: Data(try FileBytes.contents(of: path)), file: path)
        guard !manifest.trials.isEmpty else { throw InputError(file: path, field: "trials", message: "expected at least one trial in 'trials', found none") }
        if let units = manifest.kinematicsUnits, !["degrees", "radians"].contains(units) {
            throw InputError(file: path, field: "kinematics_units", message: "expected 'degrees' or 'radians' for 'kinematics_units', found '\(units)'")
        }
        for trial in manifest.trials {
            if let window = trial.timeWindow, window.count != 2 || !(window[0] < window[1]) {
                throw InputError(file: path, field: "time_window", message: "expected trial \(trial.name)'s 'time_window' as [start, end] with start < end, found \(window)")
            }
        }
        if let band = manifest.rawEMG?.bandpassHz, band.count != 2 || !(0 < band[0] && band[0] < band[1]) {
            throw InputError(file: path, field: "bandpass_hz", message: "expected 'bandpass_hz' as [low, high] with 0 < low < high, found \(band)")
        }
        return manifest
    }

    /// The files the manifest names, as a source read from `folder`; every named file must exist.
    func source(folder: String) throws -> SubjectSource {
        let manifestPath = "\(folder)/\(Self.fileName)"
        func path(_ relative: String, _ field: String) throws(InputError) -> String {
            let full = relative.hasPrefix("/") ? relative : "\(folder)/\(relative)"
            guard FileManager.default.fileExists(atPath: full) else {
                throw InputError(file: manifestPath, field: field, message: "'\(field)' names \(relative), which does not exist")
            }
            return full
        }
        let modelPath = try path(model, "model")
        var windows: [String: ClosedRange<Double>] = [:]
        let trials = try self.trials.map { trial -> TrialFiles in
            if let window = trial.timeWindow { windows[trial.name] = window[0]...window[1] }
            return TrialFiles(
                name: trial.name, kinematics: try path(trial.kinematics, "kinematics"),
                inverseDynamics: try trial.inverseDynamics.map { try path($0, "inverse_dynamics") }, load: try trial.load.map { try path($0, "load") },
                emg: try trial.emg.map { try path($0, "emg") }, rawEMG: try trial.rawEMG.map { try path($0, "raw_emg") },
                muscleAnalysis: try (trial.muscleAnalysis ?? []).map { try path($0, "muscle_analysis") })
        }
        let mapping = emgMap.map { map in
            EMGMapping(map.keys.sorted().map { EMGMapping.Entry(channel: $0, muscles: map[$0]!) })
        }
        if let mapping, let double = EMGMapping.firstDoubleMapping(in: mapping.entries) {
            throw InputError(file: manifestPath, field: "emg_map", message: "the muscle '\(double.muscle)' is driven by both '\(double.first)' and '\(double.second)'")
        }
        let raw = SubjectSource.RawEMGProcessing(
            bandPass: rawEMG?.bandpassHz ?? [20, 450], lowPass: rawEMG?.lowpassHz ?? 6,
            mvcFiles: try (rawEMG?.mvc ?? []).map { try path($0, "mvc") })
        return SubjectSource(folder: folder, layout: .manifest, modelPath: modelPath, trials: trials, timeWindows: windows,
                             emgMapping: mapping, kinematicsInDegrees: kinematicsUnits == "degrees", rawEMG: raw)
    }

    /// A manifest naming what `source` found, with paths relative to its folder.
    public init(_ source: SubjectSource) {
        model = source.relative(source.modelPath)
        emgMap = source.emgMapping.map { Dictionary(uniqueKeysWithValues: $0.entries.map { ($0.channel, $0.muscles) }) }
        kinematicsUnits = source.kinematicsInDegrees ? "degrees" : nil
        rawEMG = nil
        trials = source.trials.map { files in
            Trial(name: files.name, kinematics: source.relative(files.kinematics), inverseDynamics: files.inverseDynamics.map(source.relative),
                  emg: files.emg.map(source.relative), rawEMG: files.rawEMG.map(source.relative), load: files.load.map(source.relative),
                  muscleAnalysis: files.muscleAnalysis.map(source.relative),
                  timeWindow: source.timeWindows[files.name].map { [$0.lowerBound, $0.upperBound] })
        }
    }

    /// The manifest as pretty-printed JSON with sorted keys.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
