import ArgumentParser
import Foundation
import Study

/// `nmm study run`: runs a study's unfinished jobs here (N at a time) or as one Slurm job array, then collects.
struct StudyRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a study's unfinished jobs here (--jobs N) or as a Slurm job array (--slurm), then collect.",
        discussion: """
            Resumable: a job whose folder OUTPUT/jobs/ID/ is complete is never run again, and a killed run picks \
            up where it stopped. A failed fit is tried once more, then reported with its error (exit status 1). \
            With --slurm, one array task per unfinished job runs `nmm study task PLAN ID`; the run waits for the \
            array (polling squeue) unless --no-wait, and `nmm study status` / `nmm study collect` follow it from \
            any login node.
            """)

    @OptionGroup var study: StudyOptions

    @Option(help: "Jobs run side by side on this machine.")
    var jobs: Int = 1

    @Flag(help: "Submit the jobs as one Slurm job array (sbatch) instead of running them here.")
    var slurm = false

    @Option(help: "Slurm partition of the tasks.")
    var partition: String?

    @Option(help: "Slurm time limit of each task (e.g. 00:30:00).")
    var time: String?

    @Option(help: "Slurm memory of each task (e.g. 4G).")
    var mem: String?

    @Option(help: "Slurm CPUs of each task.")
    var cpus: Int?

    @Flag(name: .customLong("no-wait"), help: "With --slurm: return once the array is submitted.")
    var noWait = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
        if !slurm, partition != nil || time != nil || mem != nil || cpus != nil || noWait {
            throw ValidationError("--partition, --time, --mem, --cpus and --no-wait go with --slurm")
        }
        if let cpus, cpus < 1 { throw ValidationError("--cpus must be at least 1, not \(cpus)") }
    }

    func run() throws {
        let (plan, folder) = try study.load()
        let lock = try StudyLock(folder)
        defer { withExtendedLifetime(lock) {} }
        let executor = JobExecutor(nmm: StudyOptions.executable, folder: folder)
        for subject in plan.subjects { _ = try executor.prepareSubject(subject) }
        let printer = ProgressPrinter()
        if slurm {
            guard try runOnSlurm(plan, folder, printer) else { return }
        } else {
            let failures = LocalRunner(executor: executor, parallel: jobs).run(plan.jobs, progress: printer)
            _ = try collectStudy(plan, folder)
            try reportFailures(failures)
        }
    }

    /// Submits and (unless --no-wait) follows the array; true when it has ended and the study was collected.
    private func runOnSlurm(_ plan: StudyPlan, _ folder: StudyFolder, _ printer: ProgressPrinter) throws -> Bool {
        guard SlurmArray.available("sbatch") else {
            throw ValidationError("--slurm needs sbatch on PATH: run on a Slurm login node (or start a local cluster with scripts/slurm-local start)")
        }
        let array = SlurmArray(plan: plan, folder: folder, nmm: StudyOptions.executable)
        if let last = array.lastSubmission(), !(try SlurmArray.queuedStates(of: last.arrayID)).isEmpty {
            throw ValidationError("Slurm array \(last.arrayID) of this study is still queued or running: follow it with nmm study status, or scancel \(last.arrayID)")
        }
        folder.clearInterruptedAttempts()
        let todo = plan.jobs.filter { folder.finishedRecord(of: $0) == nil }
        if !todo.isEmpty {
            let submission = try array.submit(todo, resources: .init(partition: partition, time: time, memory: mem, cpus: cpus))
            print("submitted Slurm array \(submission.arrayID): \(todo.count) tasks (\(plan.jobs.count - todo.count) jobs already done)")
            if noWait {
                print("follow it with: nmm study status \(study.plan) --output \(folder.root.relativePath); then nmm study collect")
                return false
            }
            try array.wait(for: submission, jobs: plan.jobs, printer: printer)
        }
        _ = try collectStudy(plan, folder)
        let failures = todo.compactMap { job -> (id: String, error: String)? in
            guard folder.finishedRecord(of: job) == nil else { return nil }
            let reason = folder.failureRecord(of: job)?.error
                ?? "the task ended without finishing the job (Slurm ended it?); sacct: \(SlurmArray.accounting(of: array.lastSubmission()?.arrayID ?? ""))"
            return (job.id, reason)
        }
        try reportFailures(failures)
        return true
    }
}
