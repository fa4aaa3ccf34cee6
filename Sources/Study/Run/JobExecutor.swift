import Foundation

/// Runs one job as an `nmm fit` subprocess in `work/ID/`, tries it once more if it fails, and moves a finished
/// fit into `jobs/ID/` in one rename, so a folder there is always complete.
public struct JobExecutor: Sendable {
    /// The nmm executable whose `fit` and `simulate` run the jobs (the running one).
    public let nmm: URL
    /// The study's output folder.
    public let folder: StudyFolder
    /// Attempts per job before it is reported as failed.
    public let attempts: Int

    /// An executor; `attempts` 2 retries a failed fit once.
    public init(nmm: URL, folder: StudyFolder, attempts: Int = 2) {
        self.nmm = nmm; self.folder = folder; self.attempts = attempts
    }

    /// What became of a job.
    public enum Outcome: Sendable, Equatable {
        case finished(seconds: Double)
        case failed(String)
    }

    /// Runs `job` unless it has finished already; never throws: every problem is a failed outcome, recorded in
    /// `failed/ID.json`.
    public func run(_ job: StudyJob) -> Outcome {
        if let record = folder.finishedRecord(of: job) { return .finished(seconds: record.wallSeconds) }
        let fm = FileManager.default
        var message = ""
        do {
            let subject = try prepareSubject(job.subject)
            for attempt in 1...attempts {
                let work = folder.work(job.id), output = work.appendingPathComponent("fit"), log = work.appendingPathComponent("fit.log")
                try? fm.removeItem(at: work)
                try fm.createDirectory(at: work, withIntermediateDirectories: true)
                let start = Date()
                let status = try Subprocess.run(nmm, job.arguments(subjectFolder: subject.path, output: output.path), log: log) { pid in
                    try? "\(Self.host) \(pid) \(output.path)\n".write(to: work.appendingPathComponent("pid"), atomically: true, encoding: .utf8)
                }
                let seconds = Date().timeIntervalSince(start)
                if status == 0, fm.fileExists(atPath: output.appendingPathComponent("metrics.json").path) {
                    try fm.moveItem(at: log, to: output.appendingPathComponent("fit.log"))
                    try JobRecord(job: job, attempt: attempt, wallSeconds: seconds, host: Self.host)
                        .writeJSON(to: output.appendingPathComponent("job.json"))
                    try? fm.removeItem(at: folder.job(job.id))
                    try fm.createDirectory(at: folder.job(job.id).deletingLastPathComponent(), withIntermediateDirectories: true)
                    try fm.moveItem(at: output, to: folder.job(job.id))
                    try? fm.removeItem(at: work)
                    try? fm.removeItem(at: folder.failure(job.id))
                    try? fm.removeItem(at: folder.failureLog(job.id))
                    return .finished(seconds: seconds)
                }
                let tail = Subprocess.tail(of: log, lines: 4)
                message = status == 0 ? "nmm fit exited 0 but wrote no metrics.json" : "nmm fit exited with status \(status)"
                if !tail.isEmpty { message += ": " + tail }
                try fm.createDirectory(at: folder.failureLog(job.id).deletingLastPathComponent(), withIntermediateDirectories: true)
                try? fm.removeItem(at: folder.failureLog(job.id))
                try? fm.moveItem(at: log, to: folder.failureLog(job.id))
                try? fm.removeItem(at: work)
            }
        } catch {
            message = "\(error)"
        }
        try? FailureRecord(id: job.id, attempts: attempts, error: message, host: Self.host).writeJSON(to: folder.failure(job.id))
        return .failed(message)
    }

    /// The subject's folder, simulating it first (into a temporary folder renamed into place) when the study makes it.
    public func prepareSubject(_ subject: StudySubject) throws -> URL {
        let target = folder.subjectFolder(subject)
        guard case .simulated(let seed) = subject.source, !FileManager.default.fileExists(atPath: target.path) else { return target }
        let parent = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let temporary = parent.appendingPathComponent(".\(subject.name).\(Self.host).\(getpid()).\(UUID().uuidString)")
        let log = parent.appendingPathComponent(temporary.lastPathComponent + ".log")
        defer { try? FileManager.default.removeItem(at: log) }
        let status = try Subprocess.run(nmm, ["simulate", temporary.path, "--seed", String(seed), "--name", subject.name], log: log)
        guard status == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw StudyRunError("nmm simulate of \(subject.name) exited with status \(status): \(Subprocess.tail(of: log, lines: 3))")
        }
        // Another task may have made the same subject meanwhile: identical, as the seed fixes it; keep theirs.
        if (try? FileManager.default.moveItem(at: temporary, to: target)) == nil {
            try? FileManager.default.removeItem(at: temporary)
            guard FileManager.default.fileExists(atPath: target.path) else { throw StudyRunError("cannot move the simulated \(subject.name) into \(target.path)") }
        }
        return target
    }

    /// This machine's name, recorded with every job.
    static var host: String { ProcessInfo.processInfo.hostName }
}

/// A study run that cannot go on: a message for the user.
public struct StudyRunError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var description: String
    /// An error with this message.
    public init(_ description: String) { self.description = description }
}
