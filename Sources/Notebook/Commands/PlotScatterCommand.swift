import Charts
import Estimation

/// `plot scatter`: predicted against measured, sample by sample, with the identity line.
struct PlotScatterCommand: NotebookCommand {
    static let name = "plot scatter"
    static let summary = "Plot one series against another, sample by sample, with the identity line."
    static let discussion = """
        Draws each sample of the series (vertical) against the same channel of `against:` (horizontal) on \
        equal axes. A perfect estimate lies on the dashed identity line y = x; the note gives R² (1 − residual \
        variance / variance of the reference) and Pearson's r over all the drawn points. Both series must have \
        the same number of samples.
        """
    static let parameters: [ParameterSpec] = [
        .argument("series", .kind("series"), help: "The estimate (vertical axis)."),
        .option("against", .kind("series"), required: true, help: "The reference, e.g. the measurement or the truth (horizontal axis)."),
        .option("channels", .list(.word), default: "all shared", help: "Which channels to draw."),
        .option("title", .text, default: "none", help: "The chart's title."),
        .option("caption", .text, default: "the cell's caption", help: "The figure's caption."),
    ]
    static let examples = ["plot scatter nmm against: truth channels: [BRA]"]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        guard let estimate = invocation.series("series"), let reference = invocation.series("against") else { return CommandResult() }
        guard estimate.time.count == reference.time.count else {
            throw invocation.error("the series have \(estimate.time.count) and \(reference.time.count) samples; they must have the same", at: "against")
        }
        let shared = estimate.channels.map(\.name).filter { reference.channel(named: $0) != nil }
        let channels = invocation.words("channels") ?? shared
        var groups: [ScatterGroup] = []
        for (index, name) in channels.enumerated() {
            guard let y = estimate.channels.first(where: { $0.name == name })?.values,
                  let x = reference.channels.first(where: { $0.name == name })?.values else {
                throw invocation.error("'\(name)' is not a channel of both series (shared: \(shared.joined(separator: ", ")))", at: "channels", element: index)
            }
            groups.append(ScatterGroup(name: name, x: x, y: y, role: .other(index)))
        }
        guard !groups.isEmpty else { throw invocation.error("the series share no channel", at: "against") }
        let fit = SignalMetrics.finitePairs(reference: groups.flatMap(\.x), estimate: groups.flatMap(\.y))
        let names = invocation.writtenNames(of: "series").first ?? "estimate"
        let referenceName = invocation.writtenNames(of: "against").first ?? "reference"
        let chart = ScatterChart(
            title: invocation.text("title") ?? "",
            xAxis: AxisTitle("\(reference.quantity), \(referenceName)", unit: reference.unit),
            yAxis: AxisTitle("\(estimate.quantity), \(names)", unit: estimate.unit),
            groups: groups, annotation: fit.annotation)
        return CommandResult(outputs: [.figure(chart, caption: invocation.text("caption"))])
    }
}
