import ArgumentParser
import Study

/// `nmm study task`: one job of a study, as a Slurm array task runs it.
struct StudyTaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task", abstract: "Run one job of a study (what each Slurm array task runs).")

    @OptionGroup var study: StudyOptions

    @Argument(help: "The job's id (see nmm study plan).")
    var id: String

    func run() throws {
        let (plan, folder) = try study.load()
        guard let job = plan.jobs.first(where: { $0.id == id }) else {
            throw ValidationError("\(study.plan) has no job '\(id)' (nmm study plan lists them)")
        }
        switch JobExecutor(nmm: StudyOptions.executable, folder: folder).run(job) {
        case .finished(let seconds): print("\(id) finished in \(Int(seconds.rounded())) s")
        case .failed(let error): try reportFailures([(id, error)])
        }
    }
}
