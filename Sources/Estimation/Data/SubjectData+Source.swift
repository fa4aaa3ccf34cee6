import BiomechIO
import Musculoskeletal

extension SubjectData {
    /// Loads `trialNames` of a subject whose files `source` names (any layout ``SubjectSource`` reads) for
    /// `coordinates`, with the model at `modelPath` (default: the source's). A fit's trial without processed EMG
    /// but with raw EMG gets envelopes made as the source says (``RawEMGEnvelopes``); `emg` replaces the EMG of
    /// the trials it names (what a notebook's `process emg` made). Otherwise as
    /// ``load(directory:trialNames:coordinates:modelFile:muscles:layout:assembly:purpose:)``.
    public static func load(source: SubjectSource, trialNames: [String], coordinates: [String], modelPath: String? = nil,
                            muscles: [String]? = nil, assembly: TrialAssembly = TrialAssembly(), purpose: TrialPurpose = .fit,
                            emg: [String: TimeSeries] = [:], tendons: TendonCompliance = .model) throws -> SubjectData {
        guard !trialNames.isEmpty else { throw EstimationError("no trials named") }
        let modelPath = modelPath ?? source.modelPath
        let model = try OSimFile.read(modelPath)
        var read: [ReadTrial] = []
        var rawEMG: RawEMGEnvelopes?
        for name in trialNames where !read.contains(where: { $0.name == name }) {
            let files = try TrialAssembly.files(try source.requireTrial(name), coordinates: coordinates, purpose: purpose)
            var trial = try source.load(files, model: model)
            if let replaced = emg[name] {
                trial.emg = replaced
                trial.rawEMG = nil
            } else if trial.emg == nil, trial.rawEMG != nil {
                if rawEMG == nil { rawEMG = try RawEMGEnvelopes(source: source) }
                trial = try rawEMG!.processed(trial)
            }
            read.append((name, files, trial))
        }
        var subject = try assemble(read, directory: source.folder, model: model, modelPath: modelPath, coordinates: coordinates,
                                   muscles: muscles, assembly: assembly, purpose: purpose, tendons: tendons)
        subject.emgNormalization = rawEMG?.record
        return subject
    }
}
