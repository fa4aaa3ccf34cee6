import Estimation

/// The tables made from fits, shared by `table metrics`, `table parameters` and the fit values' fields.
enum FitTables {
    /// How `table metrics` lays the numbers out.
    struct MetricsLayout {
        /// One row per muscle (or coordinate) and test trial instead of the means over trials.
        var perTrial = false
        /// Add the pooled figures (the test trials concatenated), labelled as such.
        var pooled = false
    }

    /// One row per muscle: each fit's excitation r (mean over the trials whose reference varies, with its sd and
    /// count) and RMSE (mean over trials) against the reference; or one row per muscle and trial. `labels` names
    /// each fit's columns (the notebook's variable). The EMG column follows the `measured:` lists of the fits that take
    /// EMG (static optimisation takes none): "measured", "hidden", or "measured by mse_a" when they differ.
    static func excitation(_ fits: [FitResultValue], labels: [String], layout: MetricsLayout = MetricsLayout()) -> DataTable {
        let muscles = Array(Set(fits.flatMap { $0.artifact.report.excitation.keys })).sorted()
        let rows = muscles.map { muscle -> (String, [String]) in
            let takingEMG = zip(fits, labels).filter { !$0.0.artifact.measured.isEmpty }
            let measuredBy = takingEMG.filter { $0.0.artifact.measured.contains(muscle) }.map(\.1)
            let text = measuredBy.isEmpty ? "hidden" : measuredBy.count == takingEMG.count ? "measured" : "measured by \(measuredBy.joined(separator: ", "))"
            return (muscle, [text])
        }
        return table(title: "Excitation on the test trials", key: ["muscle", "EMG"], rows: rows, fits: fits, labels: labels,
                     layout: layout, quantity: ("r", "RMSE")) { fit, muscle in fit.artifact.report.excitation[muscle] }
    }

    /// One row per coordinate: each fit's torque R² (mean over the trials whose torque varies) and RMSE (N·m, mean
    /// over trials) against inverse dynamics; or one row per coordinate and trial.
    static func torque(_ fits: [FitResultValue], labels: [String], layout: MetricsLayout = MetricsLayout()) -> DataTable {
        let coordinates = Array(Set(fits.flatMap { $0.artifact.report.torque.keys })).sorted()
        return table(title: "Joint torque on the test trials", key: ["coordinate"], rows: coordinates.map { ($0, []) }, fits: fits,
                     labels: labels, layout: layout, quantity: ("R²", "RMSE (N·m)")) { fit, coordinate in fit.artifact.report.torque[coordinate] }
    }

    /// The metrics table of `rows` (name, extra key cells): for each fit the shape measure (r or R²) and RMSE.
    private static func table(title: String, key: [String], rows: [(String, [String])], fits: [FitResultValue], labels: [String],
                              layout: MetricsLayout, quantity: (shape: String, error: String),
                              evaluation: (FitResultValue, String) -> SignalEvaluation?) -> DataTable {
        let usesR = quantity.shape == "r"
        func shape(_ summary: SignalEvaluation.Summary) -> Double? { usesR ? summary.r : summary.r2 }
        // With one test trial a mean has no spread: the ± sd and n columns would only hold "—", 0 and 1.
        let tests = Set(fits.map(\.artifact.report.test))
        let singleTrial = tests.count == 1 && tests.first?.count == 1 ? tests.first?.first : nil
        let spread = singleTrial == nil
        var columns = key + (layout.perTrial ? ["trial"] : [])
        for label in labels {
            columns += layout.perTrial ? ["\(label) \(quantity.shape)", "\(label) \(quantity.error)", "\(label) active"]
                : ["\(label) \(quantity.shape)"] + (spread ? ["\(label) ± sd", "\(label) n"] : []) + ["\(label) \(quantity.error)"]
            if layout.pooled { columns += ["\(label) \(quantity.shape) pooled", "\(label) \(quantity.error) pooled"] }
        }
        var cells: [[DataTable.Cell]] = []
        for (name, extra) in rows {
            let head = [DataTable.Cell.text(name)] + extra.map { .text($0) }
            let evaluations = fits.map { evaluation($0, name) }
            let pooled: (SignalEvaluation?) -> [DataTable.Cell] = { e in
                layout.pooled ? [.number(e.flatMap { shape($0.pooled) }), .number(e?.pooled.rmse)] : []
            }
            if layout.perTrial {
                let trials = Array(Set(evaluations.flatMap { $0?.perTrial.keys.map { $0 } ?? [] })).sorted()
                for trial in trials {
                    var row = head + [.text(trial)]
                    for e in evaluations {
                        let t = e?.perTrial[trial]
                        row += [.number(usesR ? t?.r : t?.r2), .number(t?.rmse), t.map { .text($0.active ? "yes" : "no") } ?? .empty] + pooled(e)
                    }
                    cells.append(row)
                }
            } else {
                var row = head
                for e in evaluations {
                    row += [.number(e.flatMap { shape($0.trialMean) })]
                        + (spread ? [.number(e?.trialMean.sdR), e.map { .number(Double($0.trialMean.n)) } ?? .empty] : [])
                        + [.number(e?.trialMean.rmse)] + pooled(e)
                }
                cells.append(row)
            }
        }
        let how = layout.perTrial ? "per trial"
            : singleTrial.map { "\($0) (\(quantity.shape) only where the reference varies)" }
            ?? "means over test trials (\(quantity.shape) over the trials whose reference varies)"
        return DataTable(title: "\(title), \(how)", columns: columns, rows: cells)
    }

    /// One row per muscle and parameter: generic, fitted and (where known) true values.
    static func parameters(_ fit: FitResultValue) -> DataTable {
        let report = fit.artifact.report
        let hasTruth = report.parameters.values.contains { $0.values.contains { $0.truth != nil } }
        var rows: [[DataTable.Cell]] = []
        for muscle in report.parameters.keys.sorted() {
            for parameter in (report.parameters[muscle] ?? [:]).keys.sorted() {
                guard let entry = report.parameters[muscle]?[parameter] else { continue }
                var row: [DataTable.Cell] = [.text(muscle), .text(parameter), .number(entry.generic), .number(entry.fitted),
                                             .number(entry.fitted / entry.generic)]
                if hasTruth { row.append(entry.truth.map { .number($0) } ?? .empty) }
                rows.append(row)
            }
        }
        let columns = ["muscle", "parameter", "generic", "fitted", "fitted / generic"] + (hasTruth ? ["truth"] : [])
        return DataTable(title: "Personalised parameters (\(fit.artifact.method))", columns: columns, rows: rows)
    }
}
