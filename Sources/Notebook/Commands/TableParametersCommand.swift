/// `table parameters`: the subject parameters a fit personalised.
struct TableParametersCommand: NotebookCommand {
    static let name = "table parameters"
    static let summary = "Show a fit's personalised muscle parameters beside the generic (and true) ones."
    static let discussion = """
        For each muscle, the max isometric force (N), optimal fibre length and tendon slack length (m) of the \
        generic model, as fitted, their ratio, and — on simulated subjects, or where subject.json records it — \
        the truth; the fitted activation and deactivation time constants and electromechanical delay; and for an \
        nmm fit, each hidden muscle's recruitment gain (1: recruited as its measured agonists' effort predicts) and, \
        when the fit learned it, the subject's recruitment exponent (1: static optimisation's sum of squares). \
        Static optimisation fits nothing, so its values are the generic ones.
        """
    static let parameters: [ParameterSpec] = [
        .argument("fit", .kind(FitResultValue.kind), help: "The fit."),
    ]
    static let examples = ["table parameters nmm"]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        guard let fit = invocation.object("fit", as: FitResultValue.self) else { return CommandResult() }
        let table = FitTables.parameters(fit)
        return CommandResult(value: .table(table), outputs: [.table(table)])
    }
}
