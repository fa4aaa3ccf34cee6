import BiomechIO
import Charts
import Estimation

/// What `plot emg` and `plot torque` share: the fits to draw, the reference subject, the trial, the styles.
enum FitPlotSupport {
    /// The parameters both plots take; each adds what it draws (`muscles:` or `coordinates:`).
    static let commonParameters: [ParameterSpec] = [
        .argument("fit", .kind(FitResultValue.kind), help: "The fit whose predictions are drawn."),
        .option("compare", .list(.kind(FitResultValue.kind)), default: "none", help: "Other fits drawn beside it, e.g. [mse, so]."),
        .option("reference", .kinds([SubjectValue.kind, TrialSplit.kind]), default: "none", help: "The subject whose recordings (and truth) are drawn as the reference."),
        .option("trial", .word, default: "the first test trial", help: "Which test trial to draw."),
        .option("title", .text, default: "none", help: "The chart's title."),
        .option("caption", .text, default: "the cell's caption", help: "The figure's caption."),
    ]

    /// The fits (main first), the trial and the reference trial (if a reference subject holds it), its EMG one column
    /// per muscle through the subject's EMG mapping (a channel that drives several muscles is each one's reference).
    static func selection(_ invocation: Invocation) throws -> (fits: [FitResultValue], trial: String, reference: Trial?) {
        guard let main = invocation.object("fit", as: FitResultValue.self) else { throw invocation.error("needs a fit") }
        let others = (invocation.list("compare") ?? []).compactMap { value -> FitResultValue? in
            if case .object(let fit as FitResultValue) = value { return fit } else { return nil }
        }
        let fits = [main] + others
        let trial = invocation.text("trial") ?? main.artifact.report.test.first ?? ""
        for (index, fit) in fits.enumerated() where fit.prediction(trial) == nil {
            let label = index == 0 ? "fit" : "compare"
            throw invocation.error("the \(fit.artifact.method) fit did not predict trial '\(trial)' (its test trials: \(fit.artifact.report.test.joined(separator: ", ")))",
                                   at: invocation.has("trial") ? "trial" : label)
        }
        var reference: Trial?
        switch invocation.value("reference") {
        case .object(let subject as SubjectValue):
            reference = subject.subject.trial(trial).map { perMuscle($0, subject.subject.emgMapping) }
        case .object(let split as TrialSplit):
            reference = (split.test.subject.trial(trial) ?? split.train.subject.trial(trial)).map { perMuscle($0, split.test.subject.emgMapping) }
        default: reference = nil
        }
        if invocation.has("reference") && reference == nil {
            throw invocation.error("the reference has no trial '\(trial)'", at: "reference")
        }
        return (fits, trial, reference)
    }

    /// `trial` with its EMG as one column per mapped muscle.
    private static func perMuscle(_ trial: Trial, _ mapping: EMGMapping) -> Trial {
        var mapped = trial
        mapped.emg = trial.emg.map(mapping.muscleSignals(from:))
        return mapped
    }

    /// The house style of a method: its registered chart style.
    static func role(_ method: String) -> SeriesRole {
        MethodRegistry.method(id: method).map { .estimate(SeriesStyle($0.chartStyle)) } ?? .other(3)
    }

    /// "r = 0.93 (nmm)", comparing the first series with the reference sample by sample, when both align.
    static func annotation(reference: [Double]?, estimate: [Double], method: String) -> String {
        guard let reference, reference.count == estimate.count, reference.count > 2 else { return "" }
        return "r = \(NumberText.readable(SignalMetrics(predicted: estimate, reference: reference).r)) (\(method))"
    }
}
