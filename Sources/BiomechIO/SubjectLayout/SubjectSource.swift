/// Where a subject's files are: the model, each trial's files, the EMG channel → muscle map and how
/// raw EMG is to be processed, as a subject manifest (`nmm-subject.json`) names them or as
/// ``SubjectSource/detect(folder:)`` finds them in a folder laid out one of the ways labs lay them out.
public struct SubjectSource: Sendable, Equatable {
    /// How the folder was read.
    public enum Layout: String, Sendable, Equatable {
        /// A subject manifest, `nmm-subject.json`.
        case manifest = "subject manifest (nmm-subject.json)"
        /// A model and one folder per trial (`trial01/ik.mot`, `id.sto`, `emg.sto`, `MuscleAnalysis_*.sto`).
        case trialFolders = "trial folders"
        /// The NMSM Pipeline's folders by type: `IKData/TRIAL.sto`, `IDData/TRIAL.sto`, `EMGData/TRIAL.sto`,
        /// `MAData/TRIAL/TRIAL_Length.sto`, `TRIAL_MomentArm_COORD.sto`.
        case nmsmPipeline = "NMSM Pipeline layout"
        /// One trial's files side by side with the model (OpenSim's AnalyzeTool output, rajagopal-walk).
        case singleTrial = "one trial in one folder"
    }

    /// How raw EMG becomes envelopes: the band-pass, the envelope's low-pass and the normalisation.
    public struct RawEMGProcessing: Sendable, Equatable {
        /// Band-pass cut-offs in Hz.
        public var bandPass: [Double]
        /// Envelope low-pass cut-off in Hz.
        public var lowPass: Double
        /// Raw EMG recordings of maximum voluntary contractions: each channel is divided by the largest
        /// value of its envelope over them. Empty: each channel is divided by its peak over the session.
        public var mvcFiles: [String]

        /// Settings; by default 20–450 Hz, 6 Hz and the session peak.
        public init(bandPass: [Double] = [20, 450], lowPass: Double = 6, mvcFiles: [String] = []) {
            self.bandPass = bandPass
            self.lowPass = lowPass
            self.mvcFiles = mvcFiles
        }
    }

    /// The folder given.
    public var folder: String
    /// How it was read.
    public var layout: Layout
    /// The model file.
    public var modelPath: String
    /// The trials, in order.
    public var trials: [TrialFiles]
    /// Time windows (s) that cut trials, by trial name.
    public var timeWindows: [String: ClosedRange<Double>]
    /// The EMG channel → muscle map the folder gives, if it gives one.
    public var emgMapping: EMGMapping?
    /// Whether kinematics files without an `inDegrees` header (CSV) are in degrees.
    public var kinematicsInDegrees: Bool
    /// How raw EMG is processed when a trial has no processed EMG.
    public var rawEMG: RawEMGProcessing
    /// What was found and what is missing, one line each, for the user.
    public var notes: [String]

    /// Creates a source; see the properties.
    public init(folder: String, layout: Layout, modelPath: String, trials: [TrialFiles], timeWindows: [String: ClosedRange<Double>] = [:],
                emgMapping: EMGMapping? = nil, kinematicsInDegrees: Bool = false, rawEMG: RawEMGProcessing = RawEMGProcessing(),
                notes: [String] = []) {
        self.folder = folder
        self.layout = layout
        self.modelPath = modelPath
        self.trials = trials
        self.timeWindows = timeWindows
        self.emgMapping = emgMapping
        self.kinematicsInDegrees = kinematicsInDegrees
        self.rawEMG = rawEMG
        self.notes = notes
    }

    /// The files of the trial named `name`.
    /// Every file the source names: the model, each trial's files and the MVC recordings (a reader that may only
    /// read inside some folders checks them all before anything is read).
    public var files: [String] { [modelPath] + trials.flatMap(\.paths) + rawEMG.mvcFiles }

    public func trial(_ name: String) -> TrialFiles? { trials.first { $0.name == name } }

    /// The trial named `name`, or an error listing the trials there are.
    public func requireTrial(_ name: String) throws(InputError) -> TrialFiles {
        guard let files = trial(name) else {
            throw InputError(file: folder, field: name, message:
                "expected a trial named '\(name)'; the \(layout.rawValue) has \(trials.map(\.name).joined(separator: ", "))")
        }
        return files
    }

    /// What was found, in a few lines: the layout, the model, the trials and what each has.
    public var summary: String {
        let names = trials.map(\.name)
        let shown = names.count <= 6 ? names.joined(separator: ", ") : "\(names.prefix(3).joined(separator: ", ")) … \(names.last!)"
        var lines = ["\(folder): \(layout.rawValue); model \(relative(modelPath)); \(names.count) trial\(names.count == 1 ? "" : "s") (\(shown))"]
        if let first = trials.first {
            let parts = [("kinematics", first.kinematics as String?), ("inverse dynamics", first.inverseDynamics), ("EMG", first.emg),
                         ("raw EMG", first.rawEMG), ("load", first.load)].compactMap { label, path in path.map { "\(label) \(relative($0))" } }
            lines.append("  \(first.name): " + (parts + ["\(first.muscleAnalysis.count) MuscleAnalysis files"]).joined(separator: ", "))
        }
        return (lines + notes.map { "  " + $0 }).joined(separator: "\n")
    }

    /// `path` relative to the folder, when it is inside it.
    func relative(_ path: String) -> String {
        path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
    }
}
