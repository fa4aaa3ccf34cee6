import Charts
import Musculoskeletal

/// `plot force-length`: the Hill muscle's force-length curves (teaching).
struct PlotForceLengthCommand: NotebookCommand {
    static let name = "plot force-length"
    static let summary = "Plot the muscle's active and passive force-length curves (DeGroote-Fregly 2016)."
    static let discussion = """
        A muscle fibre pulls hardest at its optimal length: shorter, its filaments overlap too much; longer, \
        too little. This is the active force-length curve, scaled by activation. Stretched beyond its optimal \
        length, the fibre also resists passively, like a rubber band: the passive curve. Both are drawn against \
        the fibre length divided by the optimal fibre length, as OpenSim 4.6's DeGrooteFregly2016Muscle \
        computes them; the total is active × activation + passive.
        """
    static let parameters: [ParameterSpec] = [
        .option("activations", .list(.number), default: "[1]", help: "Activation levels (0–1), one active and one total curve each."),
        .option("width", .number, default: "1", help: "OpenSim's active_force_width_scale: how wide the active curve is."),
        .option("passive-strain", .number, default: "0.6", help: "OpenSim's passive_fiber_strain_at_one_norm_force."),
        .option("title", .text, default: "none", help: "The chart's title."),
        .option("caption", .text, default: "the cell's caption", help: "The figure's caption."),
    ]
    static let examples = ["plot force-length activations: [1, 0.5, 0.2]"]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        let activations = invocation.numbers("activations") ?? [1]
        for (index, activation) in activations.enumerated() where !(0...1).contains(activation) {
            throw invocation.error("an activation is between 0 and 1", at: "activations", element: index)
        }
        let width = invocation.number("width") ?? 1
        guard width > 0 else { throw invocation.error("the width scale must be more than 0", at: "width") }
        let strain = invocation.number("passive-strain") ?? 0.6
        guard strain > 0 else { throw invocation.error("the strain must be more than 0", at: "passive-strain") }
        let lengths = stride(from: 0.4, through: 1.6, by: 0.01).map { $0 }
        let active = lengths.map { DeGrooteFregly2016.activeForceLength($0, widthScale: width).value }
        let passive = lengths.map { DeGrooteFregly2016.passiveForceLength($0, strainAtOneNormForce: strain).value }
        var series = [Series(name: "passive", x: lengths, y: passive, role: .other(0))]
        for (index, activation) in activations.enumerated() {
            let label = activations.count == 1 ? "" : " (a = \(NumberText.readable(activation)))"
            series.append(Series(name: "active" + label, x: lengths, y: active.map { $0 * activation }, role: .other(1 + 2 * index)))
            series.append(Series(name: "total" + label, x: lengths, y: zip(active, passive).map { $0 * activation + $1 }, role: .other(2 + 2 * index)))
        }
        let chart = TimeSeriesChart(
            title: invocation.text("title") ?? "", xAxis: AxisTitle("Fibre length / optimal fibre length", unit: "–"),
            panel: Panel(yAxis: AxisTitle("Force / max isometric force", unit: "–"), series: series))
        let table = DataTable(
            title: "Force-length values", columns: ["fibre length / optimal", "active", "passive"],
            rows: [0.5, 0.75, 1.0, 1.25, 1.5].map { length in
                [.number(length),
                 .number(DeGrooteFregly2016.activeForceLength(length, widthScale: width).value),
                 .number(DeGrooteFregly2016.passiveForceLength(length, strainAtOneNormForce: strain).value)]
            })
        return CommandResult(outputs: [.figure(chart, caption: invocation.text("caption")), .table(table)])
    }
}
