import Charts
import Musculoskeletal

/// `plot activation`: how activation follows a burst of excitation (teaching).
struct PlotActivationCommand: NotebookCommand {
    static let name = "plot activation"
    static let summary = "Plot activation dynamics: activation following an excitation pulse."
    static let discussion = """
        A nerve's excitation does not switch a muscle on at once: calcium release and binding take time, so \
        activation rises with the activation time constant and falls — more slowly — with the deactivation \
        time constant. This plots OpenSim 4.6's first-order activation dynamics of DeGrooteFregly2016Muscle \
        (da/dt = R(a, e)·(e − a)) for an excitation pulse, once per activation time constant given, sampled at \
        1 kHz.
        """
    static let parameters: [ParameterSpec] = [
        .option("activation-times", .list(.number), default: "[0.015] s", help: "Activation time constants τa (s), one curve each."),
        .option("deactivation-time", .number, default: "0.06 s", help: "Deactivation time constant τd (s)."),
        .option("pulse", .list(.number), default: "[0.1, 0.4] s", help: "When the excitation switches on and off (s)."),
        .option("level", .number, default: "1", help: "Excitation during the pulse (0–1)."),
        .option("duration", .number, default: "0.8 s", help: "Time shown (s)."),
        .option("title", .text, default: "none", help: "The chart's title."),
        .option("caption", .text, default: "the cell's caption", help: "The figure's caption."),
    ]
    static let examples = ["plot activation activation-times: [0.01, 0.03] deactivation-time: 0.06"]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        let times = invocation.numbers("activation-times") ?? [0.015]
        guard (1...12).contains(times.count) else { throw invocation.error("give 1 to 12 time constants, one curve each", at: "activation-times") }
        for (index, tau) in times.enumerated() where !(0.001...1).contains(tau) {
            throw invocation.error("a time constant is between 0.001 and 1 s", at: "activation-times", element: index)
        }
        let deactivation = invocation.number("deactivation-time") ?? 0.06
        guard (0.001...1).contains(deactivation) else { throw invocation.error("a time constant is between 0.001 and 1 s", at: "deactivation-time") }
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
        for (index, tau) in times.enumerated() {
            let dynamics = FirstOrderActivationDynamics<Double>(activationTimeConstant: tau, deactivationTimeConstant: deactivation)
            let activation = dynamics.simulate(excitation: excitation, sampleInterval: interval, initialActivation: 0)
            series.append(Series(name: "activation, τa = \(NumberText.readable(tau)) s", x: time, y: activation, role: .other(index)))
        }
        let chart = TimeSeriesChart(
            title: invocation.text("title") ?? "", xAxis: AxisTitle("Time", unit: "s"),
            panel: Panel(yAxis: AxisTitle("Excitation and activation", unit: "0–1"), series: series))
        return CommandResult(outputs: [.figure(chart, caption: invocation.text("caption"))])
    }
}
