import Estimation

/// The tables made from fits, shared by `table metrics`, `table parameters` and the fit values' fields.
enum FitTables {
    /// One row per muscle: each fit's r and RMSE of the test-trial excitation against the reference.
    static func excitation(_ fits: [FitResultValue]) -> DataTable {
        let muscles = Array(Set(fits.flatMap { $0.artifact.report.excitation.keys })).sorted()
        var columns = ["muscle", "EMG"]
        for fit in fits { columns += ["\(fit.artifact.method) r", "\(fit.artifact.method) RMSE"] }
        let rows = muscles.map { muscle -> [DataTable.Cell] in
            let measured = fits.contains { $0.artifact.measured.contains(muscle) }
            var row: [DataTable.Cell] = [.text(muscle), .text(measured ? "measured" : "hidden")]
            for fit in fits {
                if let entry = fit.artifact.report.excitation[muscle] { row += [.number(entry.r), .number(entry.rmse)] } else { row += [.empty, .empty] }
            }
            return row
        }
        return DataTable(title: "Excitation on the test trials", columns: columns, rows: rows)
    }

    /// One row per coordinate: each fit's R² and RMSE of the joint torque against inverse dynamics.
    static func torque(_ fits: [FitResultValue]) -> DataTable {
        let coordinates = Array(Set(fits.flatMap { $0.artifact.report.torque.keys })).sorted()
        var columns = ["coordinate"]
        for fit in fits { columns += ["\(fit.artifact.method) R²", "\(fit.artifact.method) RMSE (N·m)"] }
        let rows = coordinates.map { coordinate -> [DataTable.Cell] in
            var row: [DataTable.Cell] = [.text(coordinate)]
            for fit in fits {
                if let entry = fit.artifact.report.torque[coordinate] { row += [.number(entry.r2), .number(entry.rmse)] } else { row += [.empty, .empty] }
            }
            return row
        }
        return DataTable(title: "Joint torque on the test trials", columns: columns, rows: rows)
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
