import Charts
import Musculoskeletal

/// `plot activation`: how activation follows a burst of excitation (teaching).
struct PlotActivationCommand: NotebookCommand {
    static let name = "plot activation"
    static let summary = "Plot activation dynamics: activation following an excitation pulse."
    static let discussion = """
        A nerve's excitation does not switch a muscle on at once: calcium release and binding take time, so \
        activation rises with the activation time constant and falls with the deactivation time constant. This \
        plots OpenSim 4.6's first-order activation dynamics of DeGrooteFregly2016Muscle (da/dt = R(a, e)·(e − a)) \
        for an excitation pulse, once per activation time constant given, sampled at 1 kHz (each millisecond \
        integrated in ten steps). `smoothing:` is OpenSim's `activation_dynamics_smoothing` b, the steepness of \
        R's switch between the two time constants: with OpenSim's default 0.1 the switch is so soft that rising \
        and falling both mix τa and τd, and the two take about equally long; with b = 10 (OpenSim's \
        recommendation) τa sets the rise and τd the fall. Named (`pulse = plot activation …`), the plot gives \
        each curve's 10–90 % times as `curve1`, `curve2` …, each with `activation_time` (τa), `rise` (from 10 % \
        to 90 % of the pulse's level, while it is on), `fall` (from 90 % to 10 % of the level after it ends), in \
        s, and `peak`, the highest activation; a time the curve does not reach is undefined (—).
        """
    static let parameters: [ParameterSpec] = [
        .option("activation-times", .list(.number), default: "[0.015] s", help: "Activation time constants τa (s), one curve each."),
        .option("deactivation-time", .number, default: "0.06 s", help: "Deactivation time constant τd (s)."),
        .option("smoothing", .number, default: "0.1", help: "b, the steepness of the switch between τa and τd (OpenSim's activation_dynamics_smoothing)."),
        .option("pulse", .list(.number), default: "[0.1, 0.4] s", help: "When the excitation switches on and off (s)."),
        .option("level", .number, default: "1", help: "Excitation during the pulse (0–1)."),
        .option("duration", .number, default: "0.8 s", help: "Time shown (s)."),
        .option("title", .text, default: "none", help: "The chart's title."),
        .option("caption", .text, default: "the cell's caption", help: "The figure's caption."),
    ]
    static let examples = [
        "plot activation activation-times: [0.01, 0.03] deactivation-time: 0.06",
        "pulse = plot activation activation-times: [0.015] smoothing: 10",
    ]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        let times = invocation.numbers("activation-times") ?? [0.015]
        guard (1...12).contains(times.count) else { throw invocation.error("give 1 to 12 time constants, one curve each", at: "activation-times") }
        for (index, tau) in times.enumerated() where !(0.001...1).contains(tau) {
            throw invocation.error("a time constant is between 0.001 and 1 s", at: "activation-times", element: index)
        }
        let deactivation = invocation.number("deactivation-time") ?? 0.06
        guard (0.001...1).contains(deactivation) else { throw invocation.error("a time constant is between 0.001 and 1 s", at: "deactivation-time") }
        let smoothing = invocation.number("smoothing") ?? 0.1
        guard smoothing > 0, smoothing <= 1000 else { throw invocation.error("the smoothing b is above 0 and at most 1000", at: "smoothing") }
        let pulse = invocation.numbers("pulse") ?? [0.1, 0.4]
        guard pulse.count == 2, pulse[0] >= 0, pulse[1] > pulse[0] else {
            throw invocation.error("write the pulse as [on, off] with on < off, in seconds", at: "pulse")
        }
        let level = invocation.number("level") ?? 1
        guard (0...1).contains(level) else { throw invocation.error("an excitation is between 0 and 1", at: "level") }
        let duration = invocation.number("duration") ?? 0.8
        guard duration > 0, duration <= 60 else { throw invocation.error("show between 0 and 60 s", at: "duration") }
        let interval = 0.001
        let time = (0...Int((duration / interval).rounded())).map { Double($0) * interval }
        let excitation = time.map { $0 >= pulse[0] && $0 < pulse[1] ? level : 0 }
        var series = [Series(name: "excitation", x: time, y: excitation, role: .measured)]
        var curves: [(String, Value)] = []
        for (index, tau) in times.enumerated() {
            let dynamics = FirstOrderActivationDynamics<Double>(activationTimeConstant: tau, deactivationTimeConstant: deactivation,
                                                               smoothing: smoothing)
            let activation = dynamics.simulate(excitation: excitation, sampleInterval: interval, substeps: 10, initialActivation: 0)
            series.append(Series(name: "activation, τa = \(NumberText.readable(tau)) s", x: time, y: activation, role: .other(index)))
            let transition = Self.transitionTimes(time: time, activation: activation, pulse: (pulse[0], pulse[1]), level: level)
            curves.append(("curve\(index + 1)", .record(Record([
                ("activation_time", .number(tau)), ("rise", transition.rise.map(Value.number) ?? .undefined),
                ("fall", transition.fall.map(Value.number) ?? .undefined), ("peak", .number(activation.max() ?? 0))]))))
        }
        let chart = TimeSeriesChart(
            title: invocation.text("title") ?? "", xAxis: AxisTitle("Time", unit: "s"),
            panel: Panel(yAxis: AxisTitle("Excitation and activation", unit: "0–1"), series: series))
        return CommandResult(value: .record(Record(curves)), outputs: [.figure(chart, caption: invocation.text("caption"))])
    }

    /// The 10–90 % rise time while the pulse is on and the 90–10 % fall time after it, in s: each the time
    /// between the first crossings of 10 % and 90 % of `level` (linearly interpolated between samples); `nil`
    /// when the activation does not cross both (a burst too short to reach 90 %, a plot too short to fall).
    static func transitionTimes(time: [Double], activation: [Double], pulse: (on: Double, off: Double), level: Double)
        -> (rise: Double?, fall: Double?)
    {
        guard level > 0 else { return (nil, nil) }
        /// When the activation first crosses `threshold` (upwards or downwards) within [from, to).
        func crossing(_ threshold: Double, upwards: Bool, from: Double, to: Double) -> Double? {
            // Sample k's excitation is held over the step from k − 1, so a segment ending at `from` counts.
            for k in 1..<max(time.count, 1) where time[k] >= from && time[k - 1] < to {
                let (a, b) = (activation[k - 1] - threshold, activation[k] - threshold)
                guard upwards ? (a < 0 && b >= 0) : (a > 0 && b <= 0) else { continue }
                return time[k - 1] + (time[k] - time[k - 1]) * a / (a - b)
            }
            return nil
        }
        let low = 0.1 * level, high = 0.9 * level
        let end = time.last ?? 0
        var rise: Double?
        if let start = crossing(low, upwards: true, from: pulse.on, to: pulse.off),
           let stop = crossing(high, upwards: true, from: pulse.on, to: pulse.off) { rise = stop - start }
        var fall: Double?
        if let start = crossing(high, upwards: false, from: pulse.off, to: end),
           let stop = crossing(low, upwards: false, from: pulse.off, to: end) { fall = stop - start }
        return (rise, fall)
    }
}
