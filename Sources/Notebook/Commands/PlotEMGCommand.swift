import Charts

/// `plot emg`: predicted excitations against the truth or the recorded EMG, one panel per muscle.
struct PlotEMGCommand: NotebookCommand {
    static let name = "plot emg"
    static let summary = "Plot predicted excitations against the truth or the EMG, one panel per muscle."
    static let discussion = """
        One panel per muscle for a test trial: the reference (the true excitation of a simulated subject, solid \
        black, or else the recorded EMG envelope), and each fit's predicted excitation in its house style — NMM \
        dashed vermillion, MSE dotted blue, static optimisation dash-dotted green. The note in each panel is \
        Pearson's r of the first fit against the reference. Without `muscles:`, the muscles whose EMG was not an \
        input of the fit are drawn: those are the estimates that matter. Each panel says whether its muscle was \
        hidden from the fit or an EMG input (naming any compared fit whose `measured:` list differs); the legend \
        names each fit as the notebook does.
        """
    static let parameters: [ParameterSpec] = FitPlotSupport.commonParameters + [
        .option("muscles", .list(.word), default: "the hidden muscles", help: "Which muscles to draw."),
    ]
    static let examples = ["plot emg nmm compare: [mse, so] reference: data trial: trial03 muscles: [BRA, TRImed]"]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        let (fits, labels, trial, reference) = try FitPlotSupport.selection(invocation)
        guard let main = fits.first?.prediction(trial) else { return CommandResult() }
        let hidden = main.muscles.filter { !(fits.first?.artifact.measured.contains($0) ?? false) }
        let muscles = invocation.words("muscles") ?? (hidden.isEmpty ? main.muscles : hidden)
        var panels: [Panel] = []
        for (index, muscle) in muscles.enumerated() {
            guard main.muscles.contains(muscle) else {
                var message = "the fit has no muscle '\(muscle)'"
                if let suggestion = Suggestions.closest(to: muscle, among: main.muscles) { message += "; did you mean '\(suggestion)'?" }
                throw invocation.error(message, at: "muscles", element: index)
            }
            var series: [Series] = []
            var referenceValues: [Double]?
            if let reference {
                if let truth = reference.evaluationOnly.excitation, let values = truth.column(muscle) {
                    series.append(Series(name: "truth", x: truth.time, y: values, role: .truth))
                    referenceValues = values
                } else if let emg = reference.emg, let values = emg.column(muscle) {
                    series.append(Series(name: "EMG", x: emg.time, y: values, role: .measured))
                    referenceValues = emg.time == main.time ? values : emg.selecting([muscle]).resampled(onto: main.time).column(muscle)
                }
            }
            var note = ""
            for (fit, (label, role)) in zip(fits, zip(labels, FitPlotSupport.roles(of: fits))) {
                guard let prediction = fit.prediction(trial), let row = prediction.muscles.firstIndex(of: muscle) else { continue }
                series.append(Series(name: label, x: prediction.time, y: prediction.excitation[row],
                                     role: role))
                if note.isEmpty {
                    note = FitPlotSupport.annotation(reference: referenceValues, estimate: prediction.excitation[row], label: label)
                }
            }
            panels.append(Panel(title: FitPlotSupport.muscleTitle(muscle, fits: fits, labels: labels), yAxis: AxisTitle("Excitation", unit: "0–1"),
                                series: series, annotation: note))
        }
        let chart = TimeSeriesChart(title: invocation.text("title") ?? "Excitation, \(trial)", xAxis: AxisTitle("Time", unit: "s"), panels: panels)
        return CommandResult(outputs: [.figure(chart, caption: invocation.text("caption"))])
    }
}
