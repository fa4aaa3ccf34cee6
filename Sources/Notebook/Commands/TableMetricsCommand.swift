/// `table metrics`: how well fits did on the test trials.
struct TableMetricsCommand: NotebookCommand {
    static let name = "table metrics"
    static let summary = "Compare fits on the test trials: excitation r and RMSE per muscle, torque R² and RMSE."
    static let discussion = """
        Two tables over the test trials of the fits given: per muscle, Pearson's r and the RMSE of the \
        predicted excitation against the reference (the true excitation on simulated subjects, the recorded EMG \
        otherwise); per coordinate, R² and RMSE of the predicted joint torque against inverse dynamics. Hidden \
        muscles are the ones that matter: their EMG was not an input. Every number is also in the JSON report.
        """
    static let parameters: [ParameterSpec] = [
        .argument("fits", .list(.kind(FitResultValue.kind)), help: "The fits to compare, e.g. [nmm, mse, so]."),
    ]
    static let examples = ["table metrics [nmm, mse, so]"]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        let fits = (invocation.list("fits") ?? []).compactMap { value -> FitResultValue? in
            if case .object(let fit as FitResultValue) = value { return fit } else { return nil }
        }
        let excitation = FitTables.excitation(fits)
        return CommandResult(value: .table(excitation), outputs: [.table(excitation), .table(FitTables.torque(fits))])
    }
}
