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

    /// The fits (main first) with their legend names, the trial and the reference trial (if a reference subject holds
    /// it), its EMG one column per muscle through the subject's EMG mapping (a channel that drives several muscles is
    /// each one's reference).
    static func selection(_ invocation: Invocation) throws -> (fits: [FitResultValue], labels: [String], trial: String, reference: Trial?) {
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
        return (fits, labels(of: fits, invocation), trial, reference)
    }

    /// Each fit's legend name: the name the notebook gave it (`compare: [mse_a, mse_b]` gives "mse_a", "mse_b"), or its
    /// method when it was not written as a name.
    private static func labels(of fits: [FitResultValue], _ invocation: Invocation) -> [String] {
        let written = invocation.writtenNames(of: "fit").prefix(1) + invocation.writtenNames(of: "compare")
        return fits.enumerated().map { index, fit in
            index < written.count ? written[written.startIndex + index] : fit.artifact.method
        }
    }

    /// `trial` with its EMG as one column per mapped muscle.
    private static func perMuscle(_ trial: Trial, _ mapping: EMGMapping) -> Trial {
        var mapped = trial
        mapped.emg = trial.emg.map(mapping.muscleSignals(from:))
        return mapped
    }

    /// A muscle's panel title by the main fit's `measured:` list — "BRA (hidden)" or "BIClong (EMG input)" — naming the
    /// compared fits that take EMG and whose list says otherwise: "BRA (hidden; EMG input of mse_b)" (static
    /// optimisation, which takes no EMG, is not named).
    static func muscleTitle(_ muscle: String, fits: [FitResultValue], labels: [String]) -> String {
        guard let main = fits.first else { return muscle }
        let isMeasured = main.artifact.measured.contains(muscle)
        let differing = zip(fits, labels).dropFirst()
            .filter { !$0.0.artifact.measured.isEmpty && $0.0.artifact.measured.contains(muscle) != isMeasured }.map(\.1)
        var title = muscle + (isMeasured ? " (EMG input" : " (hidden")
        if !differing.isEmpty { title += "; \(isMeasured ? "hidden from" : "EMG input of") \(differing.joined(separator: ", "))" }
        return title + ")"
    }

    /// Each fit's style: its method's house style, or — for a second fit of a method already drawn — a palette colour,
    /// so that `mse_a` and `mse_b` can be told apart.
    static func roles(of fits: [FitResultValue]) -> [SeriesRole] {
        fits.enumerated().map { index, fit in
            fits[..<index].contains { $0.artifact.method == fit.artifact.method } ? .other(index) : role(fit.artifact.method)
        }
    }

    /// The house style of a method: its registered chart style.
    static func role(_ method: String) -> SeriesRole {
        MethodRegistry.method(id: method).map { .estimate(SeriesStyle($0.chartStyle)) } ?? .other(3)
    }

    /// "r = 0.93 (nmm)", comparing the first fit (`label`) with the reference sample by sample, when both align; "r — (nmm:
    /// the reference barely varies)" where `table metrics` says "—" too (``SignalEvaluation/excitationIsActive(_:)``).
    static func annotation(reference: [Double]?, estimate: [Double], label: String) -> String {
        guard let reference, reference.count == estimate.count, reference.count > 2 else { return "" }
        let metrics = SignalMetrics(predicted: estimate, reference: reference)
        guard SignalEvaluation.excitationIsActive(metrics) else { return "r — (\(label): the reference barely varies)" }
        return "r = \(NumberText.readable(metrics.r)) (\(label))"
    }
}
