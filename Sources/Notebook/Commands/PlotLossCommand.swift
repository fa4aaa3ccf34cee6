import Charts

/// `plot loss`: the NMM's training history.
struct PlotLossCommand: NotebookCommand {
    static let name = "plot loss"
    static let summary = "Plot the NMM's loss during training: EMG, torque, total and validation, with the step kept."
    static let discussion = """
        The terms of the loss against the optimisation step: how far the predicted excitations of the measured \
        muscles are from their EMG, how far the muscles' torques are from inverse dynamics (normalised), their \
        weighted total with the regularisers, and the loss on held-out validation frames, which decides which \
        state the fit keeps: the marked point, the lowest validation loss (the last step when there is no \
        validation). A validation loss that rises while the training loss falls is overfitting. The vertical axis \
        is logarithmic (losses fall over orders of magnitude); `scale: linear` draws it linearly.
        """
    static let parameters: [ParameterSpec] = [
        .argument("fit", .kind(FitResultValue.kind), help: "An NMM fit."),
        .option("scale", .word, default: "log", help: "The vertical axis: log or linear."),
        .option("title", .text, default: "\"Training loss\"", help: "The chart's title."),
        .option("caption", .text, default: "the cell's caption", help: "The figure's caption."),
    ]
    static let examples = ["plot loss nmm", "plot loss nmm scale: linear"]

    /// Each term's colour: the total in black, the terms in the palette's blue and green, validation dashed vermillion.
    static let styles: [String: SeriesStyle] = [
        "total": SeriesStyle(color: "#000000", width: 1.8),
        "EMG": SeriesStyle(color: "#0072B2"),
        "torque": SeriesStyle(color: "#009E73"),
        "validation": SeriesStyle(color: "#D55E00", dash: "6 3", width: 1.8),
    ]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        guard let fit = invocation.object("fit", as: FitResultValue.self) else { return CommandResult() }
        guard let history = fit.lossHistory else {
            throw invocation.error("the \(fit.artifact.method) fit has no loss history; only 'fit nmm' trains", at: "fit")
        }
        let axis: AxisKind
        switch invocation.text("scale") ?? "log" {
        case "log": axis = .logarithmic
        case "linear": axis = .linear
        case let other: throw invocation.error("scale: takes log or linear, not '\(other)'", at: "scale")
        }
        let series = history.channels.enumerated().map { index, channel -> Series in
            // Validation is measured every few steps: draw a line through the steps that have it.
            let kept = channel.values.indices.filter { channel.values[$0].isFinite }
            return Series(name: channel.name, x: kept.map { history.time[$0] }, y: kept.map { channel.values[$0] },
                          role: Self.styles[channel.name].map(SeriesRole.estimate) ?? .other(index))
        }
        var markers: [Marker] = []
        if let kept = fit.keptStep {
            markers.append(Marker(name: "kept (step \(kept.step))", x: Double(kept.step), y: kept.loss))
        }
        let panel = Panel(yAxis: AxisTitle("Loss", unit: "–"), series: series, markers: markers, yScale: axis)
        let chart = TimeSeriesChart(title: invocation.text("title") ?? "Training loss", xAxis: AxisTitle("Optimisation step", unit: "–"), panel: panel)
        return CommandResult(outputs: [.figure(chart, caption: invocation.text("caption"))])
    }
}
