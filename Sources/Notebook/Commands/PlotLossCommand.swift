import Charts
import Estimation

/// `plot loss`: the NMM's training history.
struct PlotLossCommand: NotebookCommand {
    static let name = "plot loss"
    static let summary = "Plot the NMM's loss during training: EMG, torque, total and validation."
    static let discussion = """
        The terms of the loss against the optimisation step: how far the predicted excitations of the measured \
        muscles are from their EMG, how far the muscles' torques are from inverse dynamics (normalised), their \
        weighted total with the regularisers, and the loss on held-out validation frames, which decides when \
        training stops. A validation loss that rises while the training loss falls is overfitting.
        """
    static let parameters: [ParameterSpec] = [
        .argument("fit", .kind(FitResultValue.kind), help: "An NMM fit."),
        .option("title", .text, default: "\"Training loss\"", help: "The chart's title."),
        .option("caption", .text, default: "the cell's caption", help: "The figure's caption."),
    ]
    static let examples = ["plot loss nmm"]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        guard let fit = invocation.object("fit", as: FitResultValue.self) else { return CommandResult() }
        guard let history = fit.lossHistory else {
            throw invocation.error("the \(fit.artifact.method) fit has no loss history; only 'fit nmm' trains", at: "fit")
        }
        let panel = Panel(yAxis: AxisTitle("Loss", unit: "–"), series: history.channels.enumerated().map { index, channel in
            Series(name: channel.name, x: history.time, y: channel.values, role: channel.name == "validation" ? FitPlotSupport.role(NMMMethod.id) : .other(index))
        })
        let chart = TimeSeriesChart(title: invocation.text("title") ?? "Training loss", xAxis: AxisTitle("Optimisation step", unit: "–"), panel: panel)
        return CommandResult(outputs: [.figure(chart, caption: invocation.text("caption"))])
    }
}
