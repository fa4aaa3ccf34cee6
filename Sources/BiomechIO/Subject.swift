import Foundation

/// A subject folder laid out like arm26-lifting/S01: model.osim, trialNN/ folders, and an
/// optional subject.json. `evaluationOnly` holds truth_model.osim and subject.json's truth,
/// kept apart so that nothing downstream mixes them into a fit.
public struct Subject: Sendable, Equatable {
    /// The subject's name (subject.json's `subject`, else the folder's name).
    public var name: String
    /// The folder it was read from.
    public var folder: String
    /// The generic model a fit starts from (model.osim).
    public var model: OpenSimModel
    /// The trials, sorted by name, each as read (call `aligned()` to put channels on one time base).
    public var trials: [Trial]
    /// Which EMG channel drives which muscles.
    public var emgMapping: EMGMapping
    /// What subject.json says that a fit may use, when the file exists.
    public var info: SubjectInfo?
    /// Truth for measuring accuracy only.
    public var evaluationOnly: SubjectTruth
    /// Where the files were found and how (nil for a subject built in memory).
    public var source: SubjectSource? = nil

    /// The trial named `name`.
    public func trial(_ name: String) -> Trial? { trials.first { $0.name == name } }
}

/// The parts of subject.json a fit may use.
public struct SubjectInfo: Sendable, Equatable, Codable {
    /// Subject name.
    public var subject: String
    /// The model's muscles.
    public var muscles: [String]
    /// Muscles with surface EMG.
    public var surfaceEMG: [String]
    /// Deep muscles without EMG.
    public var hidden: [String]
    /// Sampling rate of the processed data (Hz).
    public var samplingRate: Double?
    /// Per-trial task and load.
    public var trials: [TrialInfo]

    enum CodingKeys: String, CodingKey {
        case subject, muscles, hidden, trials
        case surfaceEMG = "surface_emg"
        case samplingRate = "sampling_hz"
    }
}

/// One trial's task and external load, as subject.json records them.
public struct TrialInfo: Sendable, Equatable, Codable {
    /// Trial name, e.g. `trial01`.
    public var name: String
    /// e.g. `curl`, `pushdown`.
    public var task: String?
    /// Mass held in the hand (kg).
    public var loadKg: Double?
    /// Cable force pulling the hand up (N).
    public var cableForceN: Double?

    enum CodingKeys: String, CodingKey {
        case name, task
        case loadKg = "load_kg"
        case cableForceN = "cable_force_N"
    }
}

/// How a simulated subject was really made: for measuring accuracy, never for fitting.
public struct SubjectTruth: Sendable, Equatable, Codable {
    /// truth_model.osim, when present.
    public var model: OpenSimModel?
    /// True parameter scale factors against the generic model: muscle → property (OpenSim name) → factor.
    public var parameterScale: [String: [String: Double]]
    /// True activation time constant (s).
    public var activationTimeConstant: Double?
    /// True electromechanical delay (s).
    public var electromechanicalDelay: Double?

    enum CodingKeys: String, CodingKey {
        case model
        case parameterScale = "truth_parameter_scale"
        case activationTimeConstant = "activation_time_constant_s"
        case electromechanicalDelay = "electromechanical_delay_s"
    }

    /// Creates subject truth.
    public init(model: OpenSimModel? = nil, parameterScale: [String: [String: Double]] = [:],
                activationTimeConstant: Double? = nil, electromechanicalDelay: Double? = nil) {
        self.model = model
        self.parameterScale = parameterScale
        self.activationTimeConstant = activationTimeConstant
        self.electromechanicalDelay = electromechanicalDelay
    }

    /// Decodes the truth fields of subject.json (the model is read separately).
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = nil
        parameterScale = try container.decodeIfPresent([String: [String: Double]].self, forKey: .parameterScale) ?? [:]
        activationTimeConstant = try container.decodeIfPresent(Double.self, forKey: .activationTimeConstant)
        electromechanicalDelay = try container.decodeIfPresent(Double.self, forKey: .electromechanicalDelay)
    }
}

extension Subject {
    /// The names of subject folder `folder`'s `trial*` subfolders, sorted; an error when there is none.
    public static func trialFolderNames(in folder: String) throws -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("trial") }.sorted()
        guard !names.isEmpty else {
            throw InputError(file: folder, message: "expected trial folders (trial01, trial02, ...), found none")
        }
        return names
    }

    /// Reads a subject folder of any layout ``SubjectSource/detect(folder:)`` knows: the model, every
    /// trial, subject.json and, for evaluation only, truth_model.osim. Without `emgMapping`, the folder's
    /// own map (a manifest's `emg_map`) applies, else each EMG channel drives the model muscle of the same
    /// name. Every trial's EMG channels and the mapping's muscles are checked against the model. `admit` sees every
    /// file the folder (or its manifest) names before any is read, and may refuse one by throwing.
    public static func load(folder: String, emgMapping: EMGMapping? = nil, admit: (String) throws -> Void = { _ in }) throws -> Subject {
        let fileManager = FileManager.default
        let source = try SubjectSource.detect(folder: folder)
        for file in source.files { try admit(file) }
        let model = try OSimFile.read(source.modelPath)
        let trials = try source.trials.map { try source.load($0, model: model) }
        let channels = trials.first.flatMap { $0.emg ?? $0.rawEMG }?.labels ?? []
        let mapping = emgMapping ?? source.emgMapping ?? EMGMapping.identity(channels.filter { model.muscle($0) != nil })
        for (trial, files) in zip(trials, source.trials) {
            if let emg = trial.emg ?? trial.rawEMG, let path = files.emg ?? files.rawEMG {
                try mapping.validate(channels: emg.labels, muscles: model.muscles.map(\.name), source: path)
            }
        }
        let jsonPath = "\(folder)/subject.json"
        var info: SubjectInfo?
        var truth = SubjectTruth()
        if fileManager.fileExists(atPath: jsonPath) {
            let data = Data(try FileBytes.contents(of: jsonPath))
            info = try decodeJSON(SubjectInfo.self, from: data, file: jsonPath)
            truth = try decodeJSON(SubjectTruth.self, from: data, file: jsonPath)
        }
        let truthModelPath = "\(folder)/truth_model.osim"
        if fileManager.fileExists(atPath: truthModelPath) { truth.model = try OSimFile.read(truthModelPath) }
        let name = info?.subject ?? URL(fileURLWithPath: folder).lastPathComponent
        return Subject(name: name, folder: folder, model: model, trials: trials, emgMapping: mapping, info: info, evaluationOnly: truth,
                       source: source)
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(InputError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw InputError(file: file, field: context.codingPath.map(\.stringValue).joined(separator: "."),
                             message: "unexpected value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw InputError(file: file, field: key.stringValue,
                             message: "expected the key '\(key.stringValue)' at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'")
        } catch {
            throw InputError(file: file, message: "expected valid JSON: \(error)")
        }
    }
}
