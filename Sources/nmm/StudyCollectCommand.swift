import ArgumentParser
import Study

/// `nmm study collect`: merges a study's finished jobs into study.json and study.html.
struct StudyCollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Merge every finished job of a study into OUTPUT/study.json and OUTPUT/study.html (from any login node).")

    @OptionGroup var study: StudyOptions

    func run() throws {
        let (plan, folder) = try study.load()
        let results = try collectStudy(plan, folder)
        for summary in results.summaries where summary.quantity == .excitation {
            print("\(summary.name)\t\(summary.method)\tr \(text(summary.mean[.r])) ± \(text(summary.sd[.r]))\tRMSE \(text(summary.mean[.rmse])) ± \(text(summary.sd[.rmse]))")
        }
        if results.jobs.finished < results.jobs.total {
            print("\(results.jobs.total - results.jobs.finished) of \(results.jobs.total) jobs are not finished: \(results.jobs.missing.joined(separator: ", "))")
        }
    }

    private func text(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "—"
    }
}
