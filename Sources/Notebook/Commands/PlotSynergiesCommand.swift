import Charts
import SignalProcessing

/// `plot synergies`: muscle synergies of EMG envelopes by non-negative matrix factorisation.
struct PlotSynergiesCommand: NotebookCommand {
    static let name = "plot synergies"
    static let summary = "Find muscle synergies in EMG envelopes (non-negative matrix factorisation) and plot them."
    static let discussion = """
        The nervous system seems to drive muscles in groups: a few *synergies*, each a fixed weighting of the \
        muscles switched on and off together. Non-negative matrix factorisation writes the EMG envelopes \
        (channels × frames) as weights × activations, both non-negative. This draws each synergy's activation \
        over time and lists its weights per channel; the variance accounted for (VAF) says how much of the EMG \
        the synergies explain. Without `count:`, the fewest synergies reaching `vaf:` are used. Muscle synergy \
        extrapolation (fit mse) builds unmeasured muscles' excitations from these activations.
        """
    static let parameters: [ParameterSpec] = [
        .argument("emg", .kind("series"), help: "EMG envelopes, e.g. data.trial01.emg."),
        .option("count", .integer, default: "by vaf:", help: "Number of synergies."),
        .option("vaf", .number, default: "0.9", help: "Variance to account for when count: is not given (0–1)."),
        .seed(help: "Seeds the factorisation's random starts."),
        .option("title", .text, default: "\"Synergy activations\"", help: "The chart's title."),
        .option("caption", .text, default: "the cell's caption", help: "The figure's caption."),
    ]
    static let examples = ["plot synergies data.trial01.emg count: 2"]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        guard let emg = invocation.series("emg") else { return CommandResult() }
        let data = emg.channels.map { $0.values.map { max(0, $0.isFinite ? $0 : 0) } }
        let seed = UInt64(max(0, invocation.integer("seed") ?? ParameterSpec.defaultSeed))
        let factorization: NonnegativeMatrixFactorization
        do {
            if let count = invocation.integer("count") {
                guard count >= 1, count <= emg.channels.count else {
                    throw invocation.error("between 1 and \(emg.channels.count) synergies (one per channel at most)", at: "count")
                }
                factorization = try NonnegativeMatrixFactorization(data, rank: count, seed: seed)
            } else {
                let vaf = invocation.number("vaf") ?? 0.9
                guard vaf > 0, vaf < 1 else { throw invocation.error("vaf is between 0 and 1", at: "vaf") }
                factorization = try NonnegativeMatrixFactorization.smallestRank(data, reaching: vaf, seed: seed)
            }
        } catch let error as SignalProcessingError {
            throw invocation.error("cannot factorise the EMG: \(error)", at: "emg")
        }
        let names = (1...factorization.rank).map { "synergy \($0)" }
        let panel = Panel(yAxis: AxisTitle("Synergy activation", unit: emg.unit),
                          series: zip(names, factorization.activations).enumerated().map { index, pair in
                              Series(name: pair.0, x: emg.time, y: pair.1, role: .other(index))
                          },
                          annotation: "VAF = \(NumberText.readable(factorization.varianceAccountedFor * 100, significant: 3)) %")
        let chart = TimeSeriesChart(title: invocation.text("title") ?? "Synergy activations", xAxis: AxisTitle("Time", unit: "s"), panel: panel)
        let table = DataTable(
            title: "Synergy weights", columns: ["channel"] + names,
            rows: emg.channels.enumerated().map { row, channel in
                [.text(channel.name)] + factorization.weights[row].map { .number($0) }
            })
        let metrics: [(String, Double?)] = [("synergies", Double(factorization.rank)), ("variance accounted for", factorization.varianceAccountedFor)]
        return CommandResult(outputs: [.figure(chart, caption: invocation.text("caption")), .table(table), .metrics(title: "synergies", values: metrics)])
    }
}
