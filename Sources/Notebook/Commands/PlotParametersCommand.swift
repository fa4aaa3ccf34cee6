import Charts

/// `plot parameters`: a fit's personalised parameters as scale factors of the generic model.
struct PlotParametersCommand: NotebookCommand {
    static let name = "plot parameters"
    static let summary = "Plot a fit's personalised parameters against the generic model, with bounds and truth."
    static let discussion = """
        For each muscle, the generic value (grey, 1 on this scale) and the fitted value (blue) of one parameter, \
        as multiples of the generic model's, with the bounds the fit had to respect as whiskers and, where it \
        is known, the truth as a black tick. Parameters are OpenSim's names: max_isometric_force, \
        optimal_fiber_length, tendon_slack_length. A muscle the fit's `measured:` list leaves out is marked \
        "(hidden)": its strength trades one for one with its recruitment, so read it as a prior, not a measurement.
        """
    static let parameters: [ParameterSpec] = [
        .argument("fit", .kind(FitResultValue.kind), help: "The fit."),
        .option("parameter", .word, default: "max_isometric_force", help: "Which parameter."),
        .option("title", .text, default: "the parameter's name", help: "The chart's title."),
        .option("caption", .text, default: "the cell's caption", help: "The figure's caption."),
    ]
    static let examples = ["plot parameters nmm parameter: max_isometric_force"]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        guard let fit = invocation.object("fit", as: FitResultValue.self) else { return CommandResult() }
        let parameter = invocation.text("parameter") ?? "max_isometric_force"
        let bounds = fit.artifact.bounds
        let scaleBounds: (Double, Double)
        switch parameter {
        case "max_isometric_force": scaleBounds = (bounds.maxIsometricForce.lower, bounds.maxIsometricForce.upper)
        case "optimal_fiber_length": scaleBounds = (bounds.optimalFiberLength.lower, bounds.optimalFiberLength.upper)
        case "tendon_slack_length": scaleBounds = (bounds.tendonSlackLength.lower, bounds.tendonSlackLength.upper)
        default:
            let known = ["max_isometric_force", "optimal_fiber_length", "tendon_slack_length"]
            var message = "no parameter '\(parameter)'"
            if let suggestion = Suggestions.closest(to: parameter, among: known) { message += "; did you mean '\(suggestion)'?" }
            else { message += " (fitted: \(known.joined(separator: ", ")))" }
            throw invocation.error(message, at: "parameter")
        }
        let fitsParameters = fit.artifact.method != "so"
        let bars = fit.artifact.report.parameters.keys.sorted().compactMap { muscle -> ParameterBar? in
            guard let entry = fit.artifact.report.parameters[muscle]?[parameter], entry.generic != 0 else { return nil }
            let hidden = !fit.artifact.measured.isEmpty && !fit.artifact.measured.contains(muscle)
            return ParameterBar(label: muscle + (hidden ? " (hidden)" : ""), generic: 1, fitted: entry.fitted / entry.generic,
                                lower: fitsParameters ? scaleBounds.0 : nil, upper: fitsParameters ? scaleBounds.1 : nil,
                                truth: entry.truth.map { $0 / entry.generic })
        }
        let chart = ParameterBarChart(title: invocation.text("title") ?? "\(parameter) (\(fit.artifact.method))",
                                      valueAxis: AxisTitle("Scale of the generic value", unit: "×"), bars: bars)
        return CommandResult(outputs: [.figure(chart, caption: invocation.text("caption"))])
    }
}
