import Foundation
import Study

/// `study`: a study's merged results (run with `nmm study run`) as tables and strip charts of the notebook.
struct LoadStudyCommand: NotebookCommand {
    static let name = "study"
    static let summary = "Load a study's results (nmm study run): hidden-muscle tables, paired comparisons, strip charts."
    static let discussion = """
        Reads a study plan (TOML, see docs/studies.md) and merges the finished jobs of its folder, as \
        `nmm study collect` does, without running anything: run the study first with `nmm study run`. Shows the \
        hidden muscles' trial-mean r and RMSE per method (mean ± sd over subjects), the paired comparisons \
        (Wilcoxon signed-rank, exact p, Hodges–Lehmann median difference with its 95 % interval) and strip \
        charts of each method's per-subject values. The value is a record of those tables: `.r`, `.rmse`, \
        `.torque`, `.comparisons`, and `.finished` / `.jobs` (jobs done and planned).
        """
    static let parameters: [ParameterSpec] = [
        .argument("plan", .text, help: "The study plan, relative to the notebook."),
        .option("output", .text, default: "Output/studies/NAME", help: "The study's folder (nmm study run --output), relative to the notebook."),
    ]
    static let examples = [#"sim = study "studies/arm26-simulated.toml""#]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        let path = invocation.text("plan") ?? ""
        try context.recordInput(path, for: invocation, argument: "plan")
        let plan: StudyPlan, results: StudyResults
        do {
            plan = try StudyPlan.load(from: context.resolve(path, for: invocation, argument: "plan").path)
            let output = invocation.text("output") ?? "Output/studies/\(plan.name)"
            let folder = StudyFolder(path: try context.resolve(output, for: invocation, argument: "output").path)
            results = try StudyCollector.collect(plan: plan, folder: folder)
        } catch let error as StudyPlanError {
            throw invocation.error(error.description, at: "plan")
        } catch let error as StudyRunError {
            throw invocation.error(error.description, at: "plan")
        }
        guard results.jobs.finished > 0 else {
            throw invocation.error("no job of \(plan.name) has finished: run it first with nmm study run \(path)", at: "plan")
        }
        let report = StudyReport(results: results)
        let r = Self.table(report.headline(metric: .r, muscles: report.muscles))
        let rmse = Self.table(report.headline(metric: .rmse, muscles: report.muscles))
        let torque = Self.table(report.torque(report.coordinates))
        let comparisons = Self.table(report.comparisons)
        var outputs: [CommandOutput] = [.text("\(plan.title): \(results.jobs.finished) of \(results.jobs.total) jobs finished"),
                                               .table(r), .table(rmse), .table(comparisons)]
        outputs += report.stripCharts(report.muscles).map { .figure($0.chart, caption: nil) }
        let value = Record([("r", .table(r)), ("rmse", .table(rmse)), ("torque", .table(torque)), ("comparisons", .table(comparisons)),
                            ("finished", .number(Double(results.jobs.finished))), ("jobs", .number(Double(results.jobs.total)))])
        return CommandResult(value: .record(value), outputs: outputs)
    }

    /// A study table as a notebook table: numbers where a cell is one, text otherwise.
    static func table(_ table: StudyTable) -> DataTable {
        DataTable(title: table.caption, columns: table.header, rows: table.rows.map { row in
            row.map { cell in Double(cell.text).map(DataTable.Cell.number) ?? .text(cell.text) }
        })
    }
}
