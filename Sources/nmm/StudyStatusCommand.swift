import ArgumentParser
import Study

/// `nmm study status`: how far a study is, from its folder (and squeue for a Slurm array), from any login node.
struct StudyStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show how many jobs of a study are done, failed or pending (and its Slurm array's state).")

    @OptionGroup var study: StudyOptions

    func run() throws {
        let (plan, folder) = try study.load()
        let jobs = plan.jobs
        let states = folder.states(of: jobs)
        let done = states.filter { $0 == .finished }.count, pending = states.filter { $0 == .pending }.count
        print("\(plan.name): \(done)/\(jobs.count) done, \(jobs.count - done - pending) failed, \(pending) pending (\(folder.root.relativePath))")
        for (job, state) in zip(jobs, states) {
            if case .failed(let error) = state { print("failed \(job.id): \(error)") }
        }
        if let submission = SlurmArray(plan: plan, folder: folder, nmm: StudyOptions.executable).lastSubmission() {
            guard SlurmArray.available("squeue") else { print("Slurm array \(submission.arrayID): squeue is not available here"); return }
            let queued = try SlurmArray.queuedStates(of: submission.arrayID)
            let counts = Dictionary(grouping: queued, by: { $0 }).map { "\($0.value.count) \($0.key.lowercased())" }.sorted()
            print("Slurm array \(submission.arrayID): " + (queued.isEmpty ? "no task in the queue" : counts.joined(separator: ", ")))
            if queued.isEmpty, pending > 0 { print(SlurmArray.accounting(of: submission.arrayID)) }
        }
    }
}
