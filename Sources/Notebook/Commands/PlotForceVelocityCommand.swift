import Charts
import Musculoskeletal

/// `plot force-velocity`: the Hill muscle's force-velocity curve (teaching).
struct PlotForceVelocityCommand: NotebookCommand {
    static let name = "plot force-velocity"
    static let summary = "Plot the muscle's force-velocity curve (DeGroote-Fregly 2016)."
    static let discussion = """
        The faster a fibre shortens, the less force it makes, down to none at its maximum shortening velocity \
        (−1 on this axis); stretched while active (positive velocities) it resists with more than its \
        isometric force — Hill's hyperbola (1938), here in the smooth form of OpenSim 4.6's \
        DeGrooteFregly2016Muscle. Velocity is in maximum contraction velocities (max_contraction_velocity × \
        optimal fibre length per second); the multiplier is 1 at zero velocity.
        """
    static let parameters: [ParameterSpec] = [
        .option("title", .text, default: "none", help: "The chart's title."),
        .option("caption", .text, default: "the cell's caption", help: "The figure's caption."),
    ]
    static let examples = ["plot force-velocity"]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        let velocities = stride(from: -1.0, through: 1.0, by: 0.01).map { $0 }
        let multiplier = velocities.map { DeGrooteFregly2016.forceVelocity($0).value }
        let chart = TimeSeriesChart(
            title: invocation.text("title") ?? "",
            xAxis: AxisTitle("Fibre velocity (shortening < 0)", unit: "max contraction velocities"),
            panel: Panel(yAxis: AxisTitle("Force-velocity multiplier", unit: "–"),
                         series: [Series(name: "force-velocity", x: velocities, y: multiplier, role: .other(0))]))
        let table = DataTable(
            title: "Force-velocity values", columns: ["velocity", "multiplier"],
            rows: [-1, -0.5, -0.25, 0, 0.25, 0.5, 1].map { [.number($0), .number(DeGrooteFregly2016.forceVelocity($0).value)] })
        return CommandResult(outputs: [.figure(chart, caption: invocation.text("caption")), .table(table)])
    }
}
