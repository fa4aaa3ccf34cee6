import Foundation

/// `sine`: made-up signals for trying the notebook and its charts without data.
struct SineCommand: NotebookCommand {
    static let name = "sine"
    static let summary = "Make sine-wave signals (to try plots and tables without data)."
    static let discussion = """
        Samples one sine wave per frequency, offset + amplitude · sin(2π f t), from t = 0 for `duration` \
        seconds at `rate` samples per second, as a series with one channel per frequency.
        """
    static let parameters: [ParameterSpec] = [
        .option("frequencies", .list(.number), required: true, help: "One frequency in Hz per channel."),
        .option("duration", .number, default: "1", help: "Length in seconds."),
        .option("rate", .number, default: "100", help: "Samples per second."),
        .option("amplitude", .number, default: "1", help: "Peak deviation from the offset."),
        .option("offset", .number, default: "0", help: "Value the waves oscillate about."),
        .option("names", .list(.word), default: "\"<f> Hz\"", help: "Channel names, one per frequency."),
        .option("quantity", .text, default: "\"Signal\"", help: "What the values are, for axis titles."),
        .option("unit", .text, default: "none", help: "Their unit, for axis titles."),
    ]
    static let examples = [
        "waves = sine frequencies: [0.5, 2] duration: 2 names: [slow, fast]",
    ]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        let frequencies = invocation.numbers("frequencies") ?? []
        let duration = invocation.number("duration") ?? 1
        let rate = invocation.number("rate") ?? 100
        guard duration > 0 else { throw invocation.error("duration must be more than 0 s", at: "duration") }
        guard rate > 0, duration * rate <= 10_000_000 else { throw invocation.error("rate must be more than 0 and give at most 10 million samples", at: "rate") }
        let names = invocation.words("names") ?? frequencies.map { "\(NumberText.readable($0)) Hz" }
        guard names.count == frequencies.count else {
            throw invocation.error("give one name per frequency (\(frequencies.count)), not \(names.count)", at: "names")
        }
        let amplitude = invocation.number("amplitude") ?? 1
        let offset = invocation.number("offset") ?? 0
        let count = Int((duration * rate).rounded()) + 1
        guard count * max(frequencies.count, 1) <= LanguageLimits.seriesValues else {
            throw invocation.error("\(frequencies.count) waves of \(count) samples would hold more than \(LanguageLimits.seriesValues) values; "
                + "use fewer frequencies, a shorter duration or a lower rate", at: "frequencies")
        }
        let time = (0..<count).map { Double($0) / rate }
        let channels = zip(names, frequencies).map { name, frequency in
            SeriesSet.Channel(name: name, values: time.map { offset + amplitude * sin(2 * .pi * frequency * $0) })
        }
        let series = SeriesSet(time: time, channels: channels, quantity: invocation.text("quantity") ?? "Signal", unit: invocation.text("unit") ?? "")
        return CommandResult(value: .series(series), outputs: [.text(series.summary)])
    }
}
