/// `table metrics`: how well fits did on the test trials.
struct TableMetricsCommand: NotebookCommand {
    static let name = "table metrics"
    static let summary = "Compare fits on the test trials: excitation r and RMSE per muscle, torque R² and RMSE."
    static let discussion = """
        Two tables over the test trials of the fits given: per muscle, Pearson's r and the RMSE of the \
        predicted excitation against the reference (the true excitation on simulated subjects, the recorded EMG \
        otherwise); per coordinate, R² and RMSE of the predicted joint torque against inverse dynamics. Each test \
        trial is evaluated on its own, and the table shows the means over trials: r and R² over the trials whose \
        reference varies (an excitation's standard deviation at least 0.02, a torque's at least 5 % of its peak), \
        with their standard deviation and count, RMSE over all trials. An undefined number (r of a constant \
        estimate) is "—". `per: trial` shows every trial; `pooled: yes` adds the figures of the trials \
        concatenated, which across trials of different loads can look better than any trial does. Columns are \
        named after the fits' names in the notebook. Hidden muscles are the ones that matter: their EMG was not \
        an input. Every number is also in the JSON report.
        """
    static let parameters: [ParameterSpec] = [
        .argument("fits", .list(.kind(FitResultValue.kind)), help: "The fits to compare, e.g. [nmm, mse, so]."),
        .option("per", .word, default: "the means over trials", help: "`trial` for one row per test trial."),
        .option("pooled", .flag, default: "no", help: "Also show the figures of the test trials concatenated (labelled pooled)."),
    ]
    static let examples = ["table metrics [nmm, mse, so]", "table metrics [nmm, so] per: trial"]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        let fits = (invocation.list("fits") ?? []).compactMap { value -> FitResultValue? in
            if case .object(let fit as FitResultValue) = value { return fit } else { return nil }
        }
        var layout = FitTables.MetricsLayout(pooled: invocation.flag("pooled") ?? false)
        if let per = invocation.text("per") {
            guard per == "trial" else { throw invocation.error("per: takes 'trial' (or leave it out for the means over trials)", at: "per") }
            layout.perTrial = true
        }
        let written = invocation.writtenNames(of: "fits")
        let labels = fits.enumerated().map { index, fit in index < written.count ? written[index] : fit.artifact.method }
        let excitation = FitTables.excitation(fits, labels: labels, layout: layout)
        return CommandResult(value: .table(excitation), outputs: [.table(excitation), .table(FitTables.torque(fits, labels: labels, layout: layout))])
    }
}
