import Charts
import Estimation

/// `plot series`: draws the channels of series sets against time.
struct PlotSeriesCommand: NotebookCommand {
    static let name = "plot series"
    static let summary = "Plot the channels of a series against time, optionally beside other series."
    static let discussion = """
        Draws each channel of the series against time. With `compare:`, the same channels of the other \
        series are drawn beside them, each series in its own colour and dash pattern and named in the legend \
        as you named it in the notebook (a series named truth is drawn solid black, nmm, mse and so in the \
        styles every nmm chart uses for those methods). With `panels: yes`, each channel gets its own panel \
        (small multiples sharing the time axis).
        """
    static let parameters: [ParameterSpec] = [
        .argument("series", .kind("series"), help: "The series to draw."),
        .option("compare", .list(.kind("series")), default: "none", help: "Other series with the same channels, drawn beside it."),
        .option("channels", .list(.word), default: "all", help: "Which channels to draw."),
        .option("panels", .flag, default: "no", help: "One panel per channel instead of one shared panel."),
        .option("title", .text, default: "none", help: "The chart's title."),
        .option("caption", .text, default: "the cell's caption", help: "The figure's caption."),
    ]
    static let examples = [
        #"plot series waves title: "Two waves""#,
        "plot series truth compare: [nmm, mse] channels: [BRA, TRImed] panels: yes",
    ]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        guard let main = invocation.series("series") else { return CommandResult() }
        let others = invocation.list("compare")?.compactMap { value -> SeriesSet? in
            if case .series(let series) = value { return series } else { return nil }
        } ?? []
        let sets = [main] + others
        let labels = invocation.writtenNames(of: "series") + invocation.writtenNames(of: "compare")
        let channelNames = invocation.words("channels") ?? main.channels.map(\.name)
        for (index, name) in channelNames.enumerated() {
            for (set, label) in zip(sets, labels) where set.channel(named: name) == nil {
                var message = "'\(label)' has no channel '\(name)'"
                if let suggestion = Suggestions.closest(to: name, among: set.channels.map(\.name)) { message += "; did you mean '\(suggestion)'?" }
                else { message += " (it has: \(set.channels.map(\.name).joined(separator: ", ")))" }
                throw invocation.has("channels") ? invocation.error(message, at: "channels", element: index) : invocation.error(message, at: "compare")
            }
        }
        let yAxis = AxisTitle(main.quantity, unit: main.unit)
        let separate = invocation.flag("panels") ?? false
        func series(of channel: String, styleOffset: Int) -> [Series] {
            zip(sets, labels).enumerated().compactMap { index, pair in
                guard let values = pair.0.channels.first(where: { $0.name == channel })?.values else { return nil }
                let name = separate || channelNames.count == 1 ? pair.1 : (sets.count == 1 ? channel : "\(pair.1) \(channel)")
                return Series(name: name, x: pair.0.time, y: values, role: Self.role(for: pair.1, index: styleOffset + index))
            }
        }
        let panels: [Panel]
        if separate {
            panels = channelNames.map { Panel(title: $0, yAxis: yAxis, series: series(of: $0, styleOffset: 0)) }
        } else {
            panels = [Panel(yAxis: yAxis, series: channelNames.enumerated().flatMap { series(of: $1, styleOffset: $0 * sets.count) })]
        }
        let chart = TimeSeriesChart(title: invocation.text("title") ?? "", xAxis: AxisTitle("Time", unit: "s"), panels: panels)
        return CommandResult(outputs: [.figure(chart, caption: invocation.text("caption"))])
    }

    /// Methods keep their house style; anything else takes the next colour of the palette.
    static func role(for name: String, index: Int) -> SeriesRole {
        switch name.lowercased() {
        case "truth": return .truth
        case "measured": return .measured
        default: return MethodRegistry.method(id: name.lowercased()).map { .estimate(SeriesStyle($0.chartStyle)) } ?? .other(index)
        }
    }
}
