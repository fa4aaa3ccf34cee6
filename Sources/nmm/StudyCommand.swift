import ArgumentParser
import Estimation
import Foundation
import Study

/// `nmm study`: many fits of one question (subjects × methods × folds × seeds) from a TOML plan, run here or on Slurm,
/// merged into study.json and study.html.
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Plan, run (here or as a Slurm job array) and collect a study of many fits.",
        discussion: """
            A study plan (TOML, see docs/studies.md and Notebooks/studies/) names subjects, methods with their \
            nmm fit options, the split (fixed, leave-one-trial-out, leave-one-muscle-out), coordinates and seeds. \
            Every job is one `nmm fit` into OUTPUT/jobs/ID/; `collect` merges them into OUTPUT/study.json and \
            OUTPUT/study.html.
            """,
        subcommands: [StudyPlanCommand.self, StudyRunCommand.self, StudyTaskCommand.self, StudyStatusCommand.self, StudyCollectCommand.self]
    )
}

/// The plan and study folder every `nmm study` subcommand takes.
struct StudyOptions: ParsableArguments {
    @Argument(help: "The study plan (TOML).")
    var plan: String

    @Option(help: ArgumentHelp("The study's folder (default: Output/studies/NAME).", valueName: "dir"))
    var output: String?

    /// The plan, checked against this build's fit methods, and its folder.
    func load() throws -> (StudyPlan, StudyFolder) {
        let plan = try StudyPlan.load(from: self.plan, knownMethods: MethodRegistry.all.map { $0.id })
        return (plan, StudyFolder(path: output ?? "Output/studies/\(plan.name)"))
    }

    /// The running nmm executable, which the jobs run.
    static var executable: URL {
        Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }
}

/// Writes study.json and study.html and prints where they are.
func collectStudy(_ plan: StudyPlan, _ folder: StudyFolder) throws -> StudyResults {
    let results = try StudyCollector.collect(plan: plan, folder: folder)
    try results.write(to: folder.studyJSON)
    try StudyReport(results: results).write(to: folder.studyHTML)
    print(folder.studyJSON.relativePath)
    print(folder.studyHTML.relativePath)
    return results
}

/// Prints failed jobs with their errors to standard error and fails the command when there are any.
func reportFailures(_ failures: [(id: String, error: String)]) throws {
    guard !failures.isEmpty else { return }
    for failure in failures {
        FileHandle.standardError.write(Data("nmm: job \(failure.id) failed: \(failure.error)\n".utf8))
    }
    FileHandle.standardError.write(Data("nmm: \(failures.count) job(s) failed (each tried twice); run the study again to retry them\n".utf8))
    throw ExitCode.failure
}
