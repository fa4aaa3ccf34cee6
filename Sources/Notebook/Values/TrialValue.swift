import BiomechIO

/// One trial of a subject, as a notebook value: `trial.kinematics`, `trial.torque`, `trial.emg`, `trial.load`, and where the
/// subject records it the truth (`trial.truth.excitation`, `.activation`, `.force`): evaluation data a notebook may plot
/// or correlate against, never an input of a fit.
public struct TrialValue: NotebookObject {
    /// The kind's name in messages.
    public static let kind = "trial"
    /// The trial as BiomechIO read it.
    public var trial: Trial

    /// Wraps a trial.
    public init(_ trial: Trial) {
        self.trial = trial
    }

    /// "trial03: 1001 frames, 0–10 s, EMG of 4 channels".
    public var summary: String {
        let time = trial.time
        let span = time.first.map { "\(NumberText.readable($0))–\(NumberText.readable(time.last ?? $0)) s" } ?? "no frames"
        let emg = trial.emg.map { ", EMG of \($0.labels.count) channel\($0.labels.count == 1 ? "" : "s")" } ?? ""
        return "trial \(trial.name): \(time.count) frames, \(span)\(emg)"
    }

    /// The trial's recordings as series.
    public func member(_ name: String) -> Value? {
        switch name {
        case "kinematics": return .series(SeriesSet(trial.kinematics, quantity: "Joint angle", unit: "rad"))
        case "torque": return trial.inverseDynamics.map { .series(SeriesSet($0, quantity: "Joint torque", unit: "N·m")) }
        case "emg": return trial.emg.map { .series(SeriesSet($0, quantity: "EMG", unit: "normalised")) }
        case "load": return trial.load.map { .series(SeriesSet($0, quantity: "Load", unit: "")) }
        case "name": return .string(trial.name)
        case "truth": return truth
        default: return nil
        }
    }

    /// The fields this trial has.
    public var memberNames: [String] {
        ["name", "kinematics"] + (trial.inverseDynamics == nil ? [] : ["torque"]) + (trial.emg == nil ? [] : ["emg"])
            + (trial.load == nil ? [] : ["load"]) + (truth == nil ? [] : ["truth"])
    }

    /// The recorded truth as a record of series (`excitation`, `activation`, `force`, `kinematics`, …), or nil.
    private var truth: Value? {
        let units = ["excitation": ("Excitation", "0–1"), "activation": ("Activation", "0–1"), "force": ("Muscle force", "N"),
                     "kinematics": ("Joint angle", "rad")]
        let series = trial.evaluationOnly.series
        guard !series.isEmpty else { return nil }
        return .record(Record(series.keys.sorted().map { name in
            let (quantity, unit) = units[name] ?? (name, "")
            return (name, .series(SeriesSet(series[name]!, quantity: "True \(quantity.lowercased())", unit: unit)))
        }))
    }
}
