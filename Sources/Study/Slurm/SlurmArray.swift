import Foundation

/// Submits a study's unfinished jobs as one Slurm job array and follows it with squeue; nothing of Slurm is
/// re-implemented: sbatch, squeue and sacct run, and their errors are shown as they are.
///
/// Each array task runs `nmm study task PLAN ID --output DIR`, which runs the job as a local run would (same
/// executor, same retry, same folders), so both backends write the same files.
public struct SlurmArray: Sendable {
    /// Resources of each task; nil leaves the cluster's default.
    public struct Resources: Sendable, Equatable {
        public var partition: String?
        public var time: String?
        public var memory: String?
        public var cpus: Int?
        /// Resources from the command line's options.
        public init(partition: String? = nil, time: String? = nil, memory: String? = nil, cpus: Int? = nil) {
            self.partition = partition; self.time = time; self.memory = memory; self.cpus = cpus
        }
    }

    /// `slurm/submission.json`: the last array submitted for a study folder.
    public struct Submission: Sendable, Codable, Equatable {
        /// Slurm's id of the array.
        public var arrayID: String
        /// The job id each task index runs.
        public var jobs: [String]
        /// The batch script.
        public var script: String

        enum CodingKeys: String, CodingKey {
            case arrayID = "array_id", jobs, script
        }
    }

    /// The plan every task reads.
    public let plan: StudyPlan
    /// The study folder.
    public let folder: StudyFolder
    /// The nmm executable the tasks run (must be reachable from the compute nodes).
    public let nmm: URL

    /// An array for `plan` writing into `folder`.
    public init(plan: StudyPlan, folder: StudyFolder, nmm: URL) {
        self.plan = plan; self.folder = folder; self.nmm = nmm
    }

    /// The batch script: task i runs job `jobs[i]`.
    public func script(for jobs: [StudyJob]) -> String {
        """
        #!/bin/bash
        # Written by nmm study run --slurm: one array task per job of the study plan, each running exactly what
        # `nmm study run --jobs N` would run for it.
        jobs=(\(jobs.map { Self.quote($0.id) }.joined(separator: " ")))
        exec \(Self.quote(nmm.path)) study task \(Self.quote(plan.file.path)) "${jobs[$SLURM_ARRAY_TASK_ID]}" --output \(Self.quote(folder.root.path))

        """
    }

    /// sbatch's options: the array's size, name, log files and the resources asked for.
    public func sbatchArguments(count: Int, resources: Resources) -> [String] {
        var arguments = ["--parsable", "--array=0-\(count - 1)", "--job-name=nmm-\(plan.name)",
                         "--output=\(folder.slurm.appendingPathComponent("task-%A_%a.out").path)"]
        if let partition = resources.partition { arguments.append("--partition=\(partition)") }
        if let time = resources.time { arguments.append("--time=\(time)") }
        if let memory = resources.memory { arguments.append("--mem=\(memory)") }
        if let cpus = resources.cpus { arguments.append("--cpus-per-task=\(cpus)") }
        return arguments
    }

    /// Writes the script and submits it with sbatch; returns the submission. sbatch's own error is the error's
    /// message.
    public func submit(_ jobs: [StudyJob], resources: Resources) throws -> Submission {
        try FileManager.default.createDirectory(at: folder.slurm, withIntermediateDirectories: true)
        let script = folder.slurm.appendingPathComponent("array.sh")
        try self.script(for: jobs).write(to: script, atomically: true, encoding: .utf8)
        // A failure from an earlier run would count as this run's until the task has run again.
        for job in jobs { try? FileManager.default.removeItem(at: folder.failure(job.id)) }
        let result = try Self.call("sbatch", sbatchArguments(count: jobs.count, resources: resources) + [script.path])
        guard result.status == 0 else { throw StudyRunError("sbatch failed (status \(result.status)): \(result.error)\(result.output)") }
        // --parsable prints "id" or "id;cluster".
        let arrayID = String(result.output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ";").first ?? "")
        guard !arrayID.isEmpty else { throw StudyRunError("sbatch printed no job id: \(result.output)\(result.error)") }
        let submission = Submission(arrayID: arrayID, jobs: jobs.map(\.id), script: script.path)
        try submission.writeJSON(to: folder.slurm.appendingPathComponent("submission.json"))
        return submission
    }

    /// Polls squeue every `interval` seconds until the array has left the queue, showing progress from the study
    /// folder (done, failed) and squeue (running).
    public func wait(for submission: Submission, jobs: [StudyJob], interval: Double = 5, printer: ProgressPrinter) throws {
        let submitted = Set(submission.jobs)
        while true {
            let queued = try Self.queuedStates(of: submission.arrayID)
            var progress = StudyProgress(total: jobs.count, done: 0, failed: 0, runningSeconds: [], finishedSeconds: [], parallel: 1)
            for job in jobs {
                if let record = folder.finishedRecord(of: job) {
                    progress.done += 1
                    if submitted.contains(job.id) { progress.finishedSeconds.append(record.wallSeconds) }
                } else if submitted.contains(job.id), folder.failureRecord(of: job) != nil {
                    progress.failed += 1
                }
            }
            let running = queued.filter { $0 == "RUNNING" }.count
            progress.runningSeconds = Array(repeating: 0, count: running)
            progress.parallel = max(running, 1)
            printer.show(progress.line, event: true)
            if queued.isEmpty { break }
            Thread.sleep(forTimeInterval: interval)
        }
        printer.finish()
    }

    /// The last submission for this folder, if any.
    public func lastSubmission() -> Submission? {
        guard let data = FileManager.default.contents(atPath: folder.slurm.appendingPathComponent("submission.json").path) else { return nil }
        return try? JSONDecoder().decode(Submission.self, from: data)
    }

    /// The array's tasks squeue still lists (pending or running), as (task state) pairs; empty once all have
    /// ended. Throws squeue's error, except that an id Slurm has forgotten means the array has ended.
    public static func queuedStates(of arrayID: String) throws -> [String] {
        let result = try call("squeue", ["--noheader", "--array", "--jobs", arrayID, "--format", "%T"])
        if result.status != 0 {
            if result.error.contains("Invalid job id") { return [] }
            throw StudyRunError("squeue failed (status \(result.status)): \(result.error)\(result.output)")
        }
        return result.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// sacct's account of the array's tasks (state and exit code), or its error as it printed it.
    public static func accounting(of arrayID: String) -> String {
        guard let result = try? call("sacct", ["--jobs", arrayID, "--format", "JobID,State,ExitCode,Elapsed", "--noheader", "--parsable2"]) else {
            return "sacct could not be run"
        }
        return (result.status == 0 ? result.output : result.error + result.output).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether `tool` is on PATH (sbatch, squeue).
    public static func available(_ tool: String) -> Bool {
        (try? call("sh", ["-c", "command -v \(tool)"]))?.status == 0
    }

    static func call(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        do {
            return try Subprocess.capture(tool, arguments)
        } catch {
            throw StudyRunError("cannot run \(tool): \(error)")
        }
    }

    /// A word for bash: single-quoted, with `'` written as `'\''`.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
