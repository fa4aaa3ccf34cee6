import Foundation

/// A study: every subject × method × fold × seed of one question, each cell one `nmm fit`.
///
/// Read from a TOML file by ``StudyPlan/load(from:knownMethods:)``; the file format is documented in
/// docs/studies.md and by the shipped plans in Notebooks/studies/.
public struct StudyPlan: Sendable, Equatable {
    /// The study's name (the file's `name`, or its base name), used in the report's title and Slurm job names.
    public var name: String
    /// A one-line title for the report.
    public var title: String
    /// The plan file (absolute), which Slurm tasks read again.
    public var file: URL
    /// The subjects, in the plan's order.
    public var subjects: [StudySubject]
    /// The methods, in the plan's order.
    public var methods: [StudyMethod]
    /// How each subject's trials and channels are split into folds.
    public var split: StudySplit
    /// Coordinates whose inverse-dynamics torques every fit tracks.
    public var coordinates: [String]
    /// Muscles whose EMG is measured (every fit's `--measured`, less the hidden channel of a leave-one-muscle-out fold).
    public var measured: [String]
    /// Seeds; every subject, method and fold is fitted once per seed.
    public var seeds: [Int]
    /// `nmm fit` options every fit gets, as `--name value` arguments.
    public var fitOptions: [FitOption]

    /// A plan from its parts (``load(from:knownMethods:)`` reads one from a file).
    public init(name: String, title: String, file: URL, subjects: [StudySubject], methods: [StudyMethod], split: StudySplit,
                coordinates: [String], measured: [String], seeds: [Int], fitOptions: [FitOption] = []) {
        self.name = name; self.title = title; self.file = file; self.subjects = subjects; self.methods = methods
        self.split = split; self.coordinates = coordinates; self.measured = measured; self.seeds = seeds; self.fitOptions = fitOptions
    }
}

/// One subject of a study: a folder on disk, or a simulated subject the study makes itself.
public struct StudySubject: Sendable, Equatable, Codable {
    /// Where the subject's data come from.
    public enum Source: Sendable, Equatable, Codable {
        /// An existing subject folder (absolute).
        case folder(path: String)
        /// `nmm simulate OUTPUT/subjects/NAME --seed SEED --name NAME`.
        case simulated(seed: Int)
    }

    /// The subject's name (its folder's base name, or SIM01, SIM02, ... for simulated ones); unique in a study.
    public var name: String
    /// Where its data come from.
    public var source: Source

    /// A subject from its parts.
    public init(name: String, source: Source) {
        self.name = name; self.source = source
    }
}

/// One method of a study under its label: the `nmm fit --method` it runs and its own options.
public struct StudyMethod: Sendable, Equatable, Codable {
    /// The name in job ids, tables and charts (e.g. `nmm`, or `mse_k3` for a variant).
    public var label: String
    /// The value of `nmm fit --method`.
    public var fitMethod: String
    /// Options of this method's fits, after the plan's common ones.
    public var options: [FitOption]

    /// A method from its parts.
    public init(label: String, fitMethod: String, options: [FitOption] = []) {
        self.label = label; self.fitMethod = fitMethod; self.options = options
    }
}

/// One `nmm fit` option from the plan: `steps = 200` becomes `--steps 200`, `recruitment_gains = false` becomes
/// `--no-recruitment-gains`, an array becomes a comma-separated value.
public struct FitOption: Sendable, Equatable, Codable {
    /// The option's name as written in the plan (`effort_weight`).
    public var name: String
    /// Its value.
    public var value: Value

    /// A plan value an `nmm fit` option can take.
    public enum Value: Sendable, Equatable, Codable {
        case text(String)
        case flag(Bool)
    }

    /// An option from its parts.
    public init(name: String, value: Value) {
        self.name = name; self.value = value
    }

    /// The command-line arguments: `["--effort-weight", "0.1"]`, `["--no-recruitment-gains"]`.
    public var arguments: [String] {
        let flag = name.replacingOccurrences(of: "_", with: "-")
        switch value {
        case .text(let text): return ["--\(flag)", text]
        case .flag(let on): return [on ? "--\(flag)" : "--no-\(flag)"]
        }
    }
}

/// How a study splits each subject's data into folds.
public enum StudySplit: Sendable, Equatable {
    /// One fold: the same training and test trials for every subject.
    case fixed(train: [String], test: [String])
    /// One fold per trial: it is the test trial and the others train.
    case leaveOneTrialOut(trials: [String])
    /// One fold per measured channel: its EMG is withheld from the fit and its estimate compared with the recording
    /// (or the truth); training and test trials are fixed.
    case leaveOneMuscleOut(train: [String], test: [String], channels: [String])

    /// The name written in plans and study.json.
    public var kind: String {
        switch self {
        case .fixed: return "fixed"
        case .leaveOneTrialOut: return "leave-one-trial-out"
        case .leaveOneMuscleOut: return "leave-one-muscle-out"
        }
    }
}
