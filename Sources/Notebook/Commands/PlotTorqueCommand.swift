import Charts
import Estimation

/// `plot torque`: predicted joint torques against inverse dynamics.
struct PlotTorqueCommand: NotebookCommand {
    static let name = "plot torque"
    static let summary = "Plot the joint torques the fitted muscles make against inverse dynamics."
    static let discussion = """
        One panel per coordinate for a test trial: the inverse-dynamics torque from OpenSim (solid black, from \
        the reference subject) and the torque each fit's muscles produce — the sum over muscles of moment arm \
        times force. A model can only be trusted to estimate hidden muscles if it reproduces these torques on \
        trials it never saw.
        """
    static let parameters: [ParameterSpec] = FitPlotSupport.commonParameters + [
        .option("coordinates", .list(.word), default: "the fitted coordinates", help: "Which coordinates to draw."),
    ]
    static let examples = ["plot torque nmm compare: [mse, so] reference: data trial: trial03"]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        let (fits, labels, trial, reference) = try FitPlotSupport.selection(invocation)
        guard let main = fits.first?.prediction(trial) else { return CommandResult() }
        let coordinates = invocation.words("coordinates") ?? main.coordinates
        var panels: [Panel] = []
        for (index, coordinate) in coordinates.enumerated() {
            guard main.coordinates.contains(coordinate) else {
                var message = "the fit has no torque of '\(coordinate)'"
                if let suggestion = Suggestions.closest(to: coordinate, among: main.coordinates) { message += "; did you mean '\(suggestion)'?" }
                throw invocation.error(message, at: "coordinates", element: index)
            }
            var series: [Series] = []
            var referenceValues: [Double]?
            if let inverseDynamics = reference?.inverseDynamics, let values = inverseDynamics.column("\(coordinate)_moment") {
                series.append(Series(name: "inverse dynamics", x: inverseDynamics.time, y: values, role: .measured))
                referenceValues = values
            }
            var note = ""
            for (fit, (label, role)) in zip(fits, zip(labels, FitPlotSupport.roles(of: fits))) {
                guard let prediction = fit.prediction(trial), let row = prediction.coordinates.firstIndex(of: coordinate) else { continue }
                series.append(Series(name: label, x: prediction.time, y: prediction.torque[row],
                                     role: role))
                if note.isEmpty, let referenceValues, referenceValues.count == prediction.torque[row].count {
                    let statistics = SignalMetrics(predicted: prediction.torque[row], reference: referenceValues)
                    note = SignalEvaluation.torqueIsActive(statistics) ? "R² = \(NumberText.readable(statistics.r2)) (\(label))"
                        : "R² — (\(label): the torque barely varies)"
                }
            }
            panels.append(Panel(title: coordinate, yAxis: AxisTitle("Torque", unit: "N·m"), series: series, annotation: note))
        }
        let chart = TimeSeriesChart(title: invocation.text("title") ?? "Joint torque, \(trial)", xAxis: AxisTitle("Time", unit: "s"), panels: panels)
        return CommandResult(outputs: [.figure(chart, caption: invocation.text("caption"))])
    }
}
